import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { usePreferences } from '../hooks/preferences';
import { useVoice } from '../hooks/voice-context';
import type { PromptId } from './prompt-ids';
import { audioKeyAction, isAudioActivationKey } from './audio-keys';
import { choicesOf, contentOf, describeChoice, isTextField } from './audio-choices';

/** One thing audio mode says: `id` names it for tests and logs (`screen:<prompt>`, `content:<screen>`, `choices`, `choice:<choice>`, `selected:<choice>` (see choiceId), `audio-on`). */
export interface Utterance {
  id: string;
  text: string;
}

/** A choice's name in utterance ids: its test id, with the service code or category it stands for when it has one (`service-item:GG00101001`). */
function choiceId(el: HTMLElement): string {
  const what = el.dataset.code ?? el.dataset.category;
  const name = el.dataset.testid ?? el.id;
  return what ? `${name}:${what}` : name;
}

/** A key of the keypad, an arrow or Tab: never part of a QR scan typed by the scanner's keyboard wedge. */
const isKeypadOrMove = (e: KeyboardEvent) => e.code.startsWith('Numpad') || e.key.startsWith('Arrow') || e.key === 'Tab';

/** How many utterance ids the `data-heard` log keeps. */
const HEARD_KEPT = 100;

/** Time for a new screen (a lazy one too) to be drawn before it is read, in ms. */
const READ_DELAY_MS = 250;

/**
 * Speaks `batch` with the browser's speech synthesis where it has a voice
 * for `lang`; the screen's pre-rendered prompt (`screen:` ids) is left to
 * the voice player. Without speech synthesis nothing is heard from here: the
 * live region still carries the words for a screen reader.
 */
function say(batch: readonly Utterance[], lang: string): void {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    synth.cancel();
    for (const u of batch) {
      if (u.id.startsWith('screen:')) continue;
      const spoken = new SpeechSynthesisUtterance(u.text);
      spoken.lang = lang;
      synth.speak(spoken);
    }
  } catch {
    // A browser without a speech engine: the live region below is the channel left.
  }
}

/**
 * Audio mode, for people who cannot see the screen (GB/T 37668): off until a
 * key of a USB keypad (or an arrow key) is pressed; then every screen says
 * its prompt, its content and how many choices it has, the keypad moves
 * between the choices (each said with its value or state) and selects one
 * (see audio-keys.ts). What is said is also written, with its id, into a
 * visually hidden live region (`data-testid="audio-spoken"`), and its id,
 * numbered, in that region's `data-heard` (`"1 audio-on|2 screen:attract|…"`). Switched off
 * again when the session ends (back on attract), with the other preferences.
 * `screenKey` changes with the screen and its step; `overlayKey` when a
 * dialog opens or closes over it.
 */
export function AudioMode({ screenKey, prompt, overlayKey, attract }: { screenKey: string; prompt: PromptId | null; overlayKey: string; attract: boolean }) {
  const { t } = useTranslation();
  const { locale, setMuted } = usePreferences();
  const voice = useVoice();
  const [active, setActive] = useState(false);
  const [spoken, setSpoken] = useState<readonly Utterance[]>([]);
  const focusIndex = useRef(-1);

  // The ids said so far, numbered (the last HEARD_KEPT), for tests and support: never the words themselves.
  const heard = useRef<{ n: number; ids: string[] }>({ n: 0, ids: [] });
  const [heardLog, setHeardLog] = useState('');
  const intro = useRef(false);

  const speak = useCallback(
    (batch: readonly Utterance[]) => {
      const log = heard.current;
      for (const u of batch) log.ids.push(`${++log.n} ${u.id}`);
      log.ids.splice(0, Math.max(0, log.ids.length - HEARD_KEPT));
      setHeardLog(log.ids.join('|'));
      setSpoken(batch);
      say(batch, locale);
    },
    [locale],
  );

  const words = useCallback(
    () => ({ empty: t('audio.empty'), checked: t('audio.checked'), unchecked: t('audio.unchecked'), on: t('audio.on'), off: t('audio.off') }),
    [t],
  );

  const readScreen = useCallback(
    (first: Utterance[] = []) => {
      const choices = choicesOf(document);
      const content = contentOf(document);
      const batch: Utterance[] = [...first];
      if (prompt) batch.push({ id: `screen:${prompt}`, text: t(`prompts.${prompt}`) });
      if (content) batch.push({ id: `content:${screenKey}`, text: content });
      batch.push({ id: 'choices', text: t('audio.choices', { count: choices.length }) });
      speak(batch);
    },
    [prompt, screenKey, speak, t],
  );

  // A new screen, step or dialog: start again from its first choice and read it.
  useEffect(() => {
    focusIndex.current = -1;
    if (!active) return;
    const timer = setTimeout(() => {
      readScreen(intro.current ? [{ id: 'audio-on', text: t('audio.started') }] : []);
      intro.current = false;
    }, READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, screenKey, overlayKey, locale, readScreen, t]);

  // The session ended: the next person starts with the screen as usual, and nothing said to this one stays.
  useEffect(() => {
    if (!attract) return;
    setActive(false);
    heard.current.ids = [];
    setHeardLog('');
    setSpoken([]);
  }, [attract]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!active) {
        if (!isAudioActivationKey(e, isTextField(document.activeElement))) return;
        e.preventDefault();
        setMuted(false);
        voice.replay();
        intro.current = true;
        setActive(true);
        return;
      }
      const action = audioKeyAction(e, isTextField(document.activeElement));
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (action === 'repeat') {
        voice.replay();
        readScreen();
        return;
      }
      const choices = choicesOf(document);
      if (choices.length === 0) {
        readScreen();
        return;
      }
      const focused = choices.indexOf(document.activeElement as HTMLElement);
      const current = focused >= 0 ? focused : focusIndex.current;
      if (action === 'select') {
        const el = choices[current] ?? null;
        if (!el) {
          readScreen();
          return;
        }
        if (el instanceof HTMLSelectElement) {
          el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
          el.dispatchEvent(new Event('change', { bubbles: true }));
          speak([{ id: `selected:${choiceId(el)}`, text: describeChoice(el, words()) }]);
          return;
        }
        el.click();
        // A choice that stays on the screen (a tick box, a toggle) says its new state; one that changes the screen is followed by the new screen.
        setTimeout(() => {
          if (el.isConnected) speak([{ id: `selected:${choiceId(el)}`, text: describeChoice(el, words()) }]);
        }, 50);
        return;
      }
      const next = action === 'next' ? (current + 1) % choices.length : (current - 1 + choices.length) % choices.length;
      focusIndex.current = next;
      const el = choices[next]!;
      el.focus({ preventScroll: false });
      speak([{ id: `choice:${choiceId(el)}`, text: describeChoice(el, words()) }]);
    };
    // Keypad keys, arrows and Tab before anything else (no scanner sends them); the main keyboard's
    // Enter and Space only after the QR scanner's keyboard wedge (document, capture) has let them
    // through, so a scan's closing Enter still ends the scan in audio mode.
    const early = (e: KeyboardEvent) => {
      if (isKeypadOrMove(e)) onKey(e);
    };
    const late = (e: KeyboardEvent) => {
      if (!isKeypadOrMove(e) && !e.defaultPrevented) onKey(e);
    };
    window.addEventListener('keydown', early, true);
    window.addEventListener('keydown', late);
    return () => {
      window.removeEventListener('keydown', early, true);
      window.removeEventListener('keydown', late);
    };
  }, [active, readScreen, setMuted, speak, t, voice, words]);

  return (
    <div className="visually-hidden" aria-live="assertive" data-testid="audio-spoken" data-active={active} data-heard={heardLog} data-audio-skip>
      {spoken.map((u, i) => (
        <p key={`${u.id}-${i}`} data-prompt-id={u.id}>
          {u.text}
        </p>
      ))}
    </div>
  );
}
