import type { Locale } from '../i18n/locales';
import type { PromptId } from './prompt-ids';

/**
 * The locale whose audio stands in when another locale has none (missing
 * file, e.g. espeak-ng on the build machine had no voice for it). Mandarin is
 * the one language every kiosk site is required to serve, so a prompt in it is
 * more useful than silence; the text on screen stays in the chosen language.
 */
export const FALLBACK_VOICE_LOCALE: Locale = 'zh-CN';

/**
 * The files to try, in order, for prompt `id` in `locale`: the locale's own
 * `voice/<locale>/<id>.wav` (rendered by scripts/render-voice.mjs), then the
 * zh-CN one. Relative URLs, like every asset of the renderer.
 */
export function voiceSources(locale: Locale, id: PromptId): string[] {
  const own = `voice/${locale}/${id}.wav`;
  return locale === FALLBACK_VOICE_LOCALE ? [own] : [own, `voice/${FALLBACK_VOICE_LOCALE}/${id}.wav`];
}

/** The part of `HTMLAudioElement` that {@link PromptAudio} uses. */
export interface AudioLike {
  src: string;
  currentTime: number;
  pause(): void;
  play(): Promise<void>;
}

/**
 * Plays one prompt through one audio element, moving on to the next of
 * {@link voiceSources} when the element reports an error (missing file,
 * decode error). An autoplay refusal (a rejected `play()`) is not a missing
 * file and does not fall back. Everything fails silently: the text on screen
 * is the primary channel.
 */
export class PromptAudio {
  private sources: string[] = [];
  private index = 0;

  constructor(private readonly el: AudioLike) {}

  /** Stops what is playing, then plays `sources` (nothing when empty). */
  play(sources: string[]): void {
    this.el.pause();
    this.sources = sources;
    this.index = 0;
    this.start();
  }

  /** Stops what is playing and forgets it. */
  stop(): void {
    this.play([]);
  }

  /** The element's `error` event: try the next source, if any. */
  onError(): void {
    if (this.index + 1 >= this.sources.length) return;
    this.index++;
    this.start();
  }

  /** The source being played or tried (null when none). */
  get current(): string | null {
    return this.sources[this.index] ?? null;
  }

  private start(): void {
    const src = this.current;
    if (src === null) return;
    this.el.src = src;
    this.el.currentTime = 0;
    this.el.play().catch(() => undefined);
  }
}
