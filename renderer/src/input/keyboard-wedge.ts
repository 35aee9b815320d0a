/** Tuning of {@link KeyboardWedge}. */
export interface KeyboardWedgeOptions {
  /** Longest pause between two keys of one scan, in ms; default 35. */
  maxGapMs?: number;
  /** Fewest characters a scan has (Enter excluded); default 6. */
  minLength?: number;
  /** Most characters a scan may have; default 2048. Longer bursts are rejected. */
  maxLength?: number;
}

/** The part of a `keydown` event the wedge needs (a real `KeyboardEvent` fits). */
export interface WedgeKey {
  /** `KeyboardEvent.key`: one character, or a key name such as `Enter` or `Shift`. */
  key: string;
  /** Event time in ms (`KeyboardEvent.timeStamp`); must not go backwards. */
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** Why a burst that looked like a scan was not accepted. */
export type WedgeRejection = 'too-long' | 'control-character';

/** What the caller does with one key. */
export interface WedgeDecision {
  /** Call `preventDefault()` (and stop propagation): the key belongs to a (possible) scan. */
  preventDefault: boolean;
  /**
   * Keys held back earlier that turned out to be human typing, to be inserted
   * into the focused field *before* this key's default action; else null.
   */
  release: string | null;
  /** A complete scan payload (ended by this Enter); else null. Opaque, may be personal: never log it. */
  scan: string | null;
  /** Set when this Enter ended a scan-like burst that was rejected; else null. */
  rejected: WedgeRejection | null;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

const NONE: WedgeDecision = { preventDefault: false, release: null, scan: null, rejected: null };

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * Recognises a USB keyboard-wedge scanner: a fast burst of printable keys
 * (each ≤ `maxGapMs` after the previous one, at least `minLength` of them)
 * ended by Enter. Printable keys are held back (the caller prevents their
 * default action) until the wedge knows: a pause longer than `maxGapMs`, a
 * short burst ended by Enter, or a non-printable key releases the held text
 * as human typing; a long fast burst ended by Enter is a scan and nothing of
 * it reaches a field. Modifier keys (Shift for capitals) are ignored.
 * A fast burst with a control key (e.g. Tab) or more than `maxLength`
 * characters is swallowed: reported as rejected when Enter ends it, dropped
 * silently otherwise. Pure: no DOM, no timers;
 * call {@link KeyboardWedge.flush} from a timer to release held human typing.
 */
export class KeyboardWedge {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly maxLength: number;
  private held = '';
  private heldCount = 0;
  private lastTime = Number.NEGATIVE_INFINITY;
  private poisoned: WedgeRejection | null = null;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 6;
    this.maxLength = options.maxLength ?? 2048;
  }

  /** True while keys are held back; the caller should schedule {@link flush} about `maxGapMs` later. */
  get holding(): boolean {
    return this.heldCount > 0;
  }

  /** Longest pause between keys of one scan, in ms. */
  get gapMs(): number {
    return this.maxGapMs;
  }

  /** Classifies one keydown. Never throws. */
  handleKey(event: WedgeKey): WedgeDecision {
    if (MODIFIERS.has(event.key)) {
      // A scanner presses Shift for capitals: a fast modifier keeps the burst alive.
      if (this.heldCount > 0 && event.timeStamp - this.lastTime <= this.maxGapMs) this.lastTime = event.timeStamp;
      return NONE;
    }
    const fast = this.heldCount > 0 && event.timeStamp - this.lastTime <= this.maxGapMs;
    const release = fast ? null : this.takeHuman();
    if (event.ctrlKey || event.altKey || event.metaKey) {
      return { ...NONE, release: release ?? this.takeHuman() };
    }
    if (event.key === 'Enter') return this.onEnter(fast, release);
    const printable = [...event.key].length === 1 && !isControl(event.key.codePointAt(0) ?? 0);
    if (!printable) return this.onControlKey(event, fast, release);
    this.hold(event.key, event.timeStamp);
    return { ...NONE, preventDefault: true, release };
  }

  /**
   * Call from a timer: when more than `maxGapMs` passed since the last key
   * (`now` on the same clock as `timeStamp`), returns the held text as human
   * typing to insert; else null.
   */
  flush(now: number): string | null {
    if (this.heldCount === 0 || now - this.lastTime <= this.maxGapMs) return null;
    return this.takeHuman();
  }

  private hold(key: string, time: number): void {
    this.heldCount++;
    this.lastTime = time;
    if (this.heldCount > this.maxLength) {
      this.poisoned = 'too-long';
      this.held = '';
    } else if (this.poisoned === null) {
      this.held += key;
    }
  }

  private onEnter(fast: boolean, release: string | null): WedgeDecision {
    if (fast && this.heldCount >= this.minLength) {
      const poisoned = this.poisoned;
      const payload = this.held;
      this.clear();
      return poisoned ? { ...NONE, preventDefault: true, rejected: poisoned } : { ...NONE, preventDefault: true, scan: payload };
    }
    return { ...NONE, release: release ?? this.takeHuman() };
  }

  private onControlKey(event: WedgeKey, fast: boolean, release: string | null): WedgeDecision {
    // Inside a fast burst no person types a control key (Tab, Escape...) within
    // maxGapMs, so the burst is a scanner's and the control key poisons it.
    if (fast) {
      this.poisoned ??= 'control-character';
      this.heldCount++;
      this.lastTime = event.timeStamp;
      return { ...NONE, preventDefault: true };
    }
    return { ...NONE, release: release ?? this.takeHuman() };
  }

  /** Returns held text as human typing (null when none, or when a poisoned burst is dropped). */
  private takeHuman(): string | null {
    if (this.heldCount === 0) return null;
    const text = this.poisoned === null ? this.held : null;
    this.clear();
    return text;
  }

  private clear(): void {
    this.held = '';
    this.heldCount = 0;
    this.poisoned = null;
  }
}
