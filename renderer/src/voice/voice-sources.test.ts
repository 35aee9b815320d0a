import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import { PROMPT_IDS } from './prompt-ids';
import { FALLBACK_VOICE_LOCALE, PromptAudio, voiceSources, type AudioLike } from './voice-sources';

/** An audio element that records what it was asked to play; `missing` sources fail like a 404. */
class FakeAudio implements AudioLike {
  src = '';
  currentTime = 5;
  played: string[] = [];
  paused = 0;
  refuse = false;
  pause() {
    this.paused++;
  }
  play() {
    this.played.push(this.src);
    return this.refuse ? Promise.reject(new DOMException('autoplay', 'NotAllowedError')) : Promise.resolve();
  }
}

describe('voiceSources', () => {
  it('plays the locale’s own file first, then zh-CN', () => {
    expect(voiceSources('zh-CN', 'attract')).toEqual(['voice/zh-CN/attract.wav']);
    expect(voiceSources('zh-TW', 'confirm')).toEqual(['voice/zh-TW/confirm.wav', 'voice/zh-CN/confirm.wav']);
    expect(voiceSources('en', 'payment-paid')).toEqual(['voice/en/payment-paid.wav', 'voice/zh-CN/payment-paid.wav']);
    expect(voiceSources('ug', 'thanks')).toEqual(['voice/ug/thanks.wav', 'voice/zh-CN/thanks.wav']);
  });

  it('every locale and prompt has a distinct own file and ends on the fallback', () => {
    const own = new Set<string>();
    for (const locale of LOCALES) {
      for (const id of PROMPT_IDS) {
        const sources = voiceSources(locale, id);
        own.add(sources[0] ?? '');
        expect(sources.at(-1)).toBe(`voice/${FALLBACK_VOICE_LOCALE}/${id}.wav`);
        expect(sources[0]).toMatch(new RegExp(`^voice/${locale}/${id}\\.wav$`));
      }
    }
    expect(own.size).toBe(LOCALES.length * PROMPT_IDS.length);
  });
});

describe('PromptAudio', () => {
  it('plays the first source from the start', () => {
    const el = new FakeAudio();
    new PromptAudio(el).play(voiceSources('en', 'home'));
    expect(el.played).toEqual(['voice/en/home.wav']);
    expect(el.currentTime).toBe(0);
  });

  it('falls back to zh-CN when the locale’s file fails, and stops after the last', () => {
    const el = new FakeAudio();
    const audio = new PromptAudio(el);
    audio.play(voiceSources('ug', 'form'));
    audio.onError();
    expect(el.played).toEqual(['voice/ug/form.wav', 'voice/zh-CN/form.wav']);
    audio.onError();
    expect(el.played).toHaveLength(2);
    expect(audio.current).toBe('voice/zh-CN/form.wav');
  });

  it('a new prompt starts again from the locale’s own file', () => {
    const el = new FakeAudio();
    const audio = new PromptAudio(el);
    audio.play(voiceSources('en', 'form'));
    audio.onError();
    audio.play(voiceSources('en', 'precheck'));
    expect(el.played.at(-1)).toBe('voice/en/precheck.wav');
  });

  it('an autoplay refusal is not a missing file: no fallback', async () => {
    const el = new FakeAudio();
    el.refuse = true;
    new PromptAudio(el).play(voiceSources('zh-TW', 'welcome'));
    await Promise.resolve();
    expect(el.played).toEqual(['voice/zh-TW/welcome.wav']);
  });

  it('stop (muted, no prompt) pauses and ignores later errors', () => {
    const el = new FakeAudio();
    const audio = new PromptAudio(el);
    audio.play(voiceSources('en', 'home'));
    audio.stop();
    audio.onError();
    expect(el.paused).toBe(2);
    expect(el.played).toEqual(['voice/en/home.wav']);
    expect(audio.current).toBeNull();
  });
});
