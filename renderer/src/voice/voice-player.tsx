import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { usePreferences } from '../hooks/preferences';
import { VoiceProvider } from '../hooks/voice-context';
import type { PromptId } from './prompt-ids';
import { PromptAudio, voiceSources } from './voice-sources';

/**
 * Plays the pre-rendered prompt of the current language, `voice/<locale>/<id>.wav`
 * (zh-CN's when that locale has none, see `voiceSources`), through one
 * `<audio>` element whenever `prompt`, the language or muting changes.
 * Missing files, autoplay refusals and decode errors fail silently: the text
 * on screen stays the primary channel.
 */
export function VoicePlayer({ prompt, children }: { prompt: PromptId | null; children: ReactNode }) {
  const audio = useRef<HTMLAudioElement>(null);
  const player = useRef<PromptAudio | null>(null);
  const { muted, locale } = usePreferences();

  const play = useCallback(
    (id: PromptId | null) => {
      const el = audio.current;
      if (!el) return;
      player.current ??= new PromptAudio(el);
      player.current.play(id && !muted ? voiceSources(locale, id) : []);
    },
    [muted, locale],
  );

  useEffect(() => play(prompt), [prompt, play]);

  const value = useMemo(() => ({ replay: () => play(prompt) }), [play, prompt]);
  return (
    <VoiceProvider value={value}>
      {children}
      <audio ref={audio} preload="none" onError={() => player.current?.onError()} hidden />
    </VoiceProvider>
  );
}
