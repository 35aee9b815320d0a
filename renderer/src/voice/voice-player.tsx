import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { usePreferences } from '../app/preferences';
import type { PromptId } from './prompt-ids';

interface VoiceHandle {
  /** Plays the current prompt again (even right after muting was lifted). */
  replay(): void;
}

const VoiceContext = createContext<VoiceHandle>({ replay: () => undefined });

/** Locales whose text the pre-rendered Mandarin prompts match. */
const SPOKEN_LOCALES = new Set(['zh-CN', 'zh-TW']);

/**
 * Plays the pre-rendered prompt `voice/<id>.wav` through one `<audio>` element
 * whenever `prompt` changes. Missing files, autoplay refusals and decode errors
 * fail silently: the text on screen stays the primary channel.
 */
export function VoicePlayer({ prompt, children }: { prompt: PromptId | null; children: ReactNode }) {
  const audio = useRef<HTMLAudioElement>(null);
  const { muted, locale } = usePreferences();
  const enabled = !muted && SPOKEN_LOCALES.has(locale);

  const play = useCallback(
    (id: PromptId | null) => {
      const el = audio.current;
      if (!el) return;
      el.pause();
      if (!id || !enabled) return;
      el.src = `voice/${id}.wav`;
      el.currentTime = 0;
      el.play().catch(() => undefined);
    },
    [enabled],
  );

  useEffect(() => play(prompt), [prompt, play]);

  const value = useMemo(() => ({ replay: () => play(prompt) }), [play, prompt]);
  return (
    <VoiceContext.Provider value={value}>
      {children}
      <audio ref={audio} preload="none" onError={() => undefined} hidden />
    </VoiceContext.Provider>
  );
}

/** Voice controls for the current prompt. */
export function useVoice(): VoiceHandle {
  return useContext(VoiceContext);
}
