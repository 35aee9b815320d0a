import { randomUUID } from 'node:crypto';
import type { IdentifyFailure, SessionView } from '../../../common/contract/schemas';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { EventSink } from '../../../common/contract/define';
import { forgetIdentity, maskIdentity, type Identity } from './identity';
import { RevealWindow } from './reveal-window';

/** Listener for session wipes (e.g. to drop cached personal data elsewhere in core). */
export type WipeListener = (sessionId: string) => void;

/**
 * Owns the one walk-up session of the kiosk: who is identified, from which
 * source, and the wipe at the end. Emits `session:onChanged` (masked) on every
 * change and `session:onIdentifyFailed` on failed reads.
 */
export class SessionManager {
  private sessionId: string | null = null;
  private stage: SessionView['stage'] = 'idle';
  private identity: Identity | null = null;
  /** A card on the reader that must not open a session by itself (see `SessionView.leftCard`). */
  private leftCard: 'at-start' | 'after-session' | null = null;
  private cardOnReader = false;
  private rearmReader: () => void = () => undefined;
  private readonly wipeListeners = new Set<WipeListener>();
  /** Where `session.reveal` answers (see {@link RevealWindow}); closed whenever the session ends. */
  readonly reveal = new RevealWindow();

  constructor(private readonly events: EventSink<KioskContract>) {}

  /** Current masked view. */
  view(): SessionView {
    return {
      sessionId: this.sessionId,
      stage: this.stage,
      identity: this.identity ? maskIdentity(this.identity) : null,
      ...(this.leftCard ? { leftCard: this.leftCard } : {}),
    };
  }

  /** How to have the reader present (and read) the card on it again; set once the reader exists. */
  useReader(rearm: () => void): void {
    this.rearmReader = rearm;
  }

  /** The unmasked identity for core services (form prefill, receipts); null when nobody is identified. */
  currentIdentity(): Identity | null {
    return this.identity;
  }

  /** Current session id or null. */
  currentSessionId(): string | null {
    return this.sessionId;
  }

  /**
   * A card was detected: show "reading" and start a session when idle, and
   * answer true (read it). A card that was already on the reader when the
   * terminal started (`initial`) opens nothing by itself: it is left unread
   * (false) and reported as `leftCard: 'at-start'` until a touch
   * ({@link begin}) or until it is lifted.
   */
  cardPresented(initial = false): boolean {
    this.cardOnReader = true;
    if (this.stage === 'identified') return true;
    if (initial && this.stage === 'idle') {
      this.leftCard = 'at-start';
      this.publish();
      return false;
    }
    this.leftCard = null;
    this.sessionId ??= randomUUID();
    this.stage = 'reading';
    this.publish();
    return true;
  }

  /** The card was lifted off the reader: a left card is gone. */
  cardRemoved(): void {
    this.cardOnReader = false;
    if (this.leftCard === null) return;
    this.leftCard = null;
    this.publish();
  }

  /** The person touched the screen to start: a left card is read now (the reader presents it again) and opens the session. */
  begin(): SessionView {
    if (this.leftCard !== null && this.stage === 'idle') {
      this.leftCard = null;
      this.publish();
      this.rearmReader();
    }
    return this.view();
  }

  /**
   * An identity was established (card read or QR accepted). A different person
   * while identified ends the old session first, so data never mixes.
   */
  identified(identity: Identity): void {
    if (this.identity && (this.identity.idNumber !== identity.idNumber || this.identity.name !== identity.name)) {
      this.end();
    }
    this.sessionId ??= randomUUID();
    this.identity = identity;
    this.stage = 'identified';
    this.leftCard = null;
    this.publish();
  }

  /** Reading failed: back to idle (if nobody was identified) and tell the renderer why. */
  identifyFailed(failure: IdentifyFailure): void {
    if (this.stage === 'reading') {
      this.stage = this.identity ? 'identified' : 'idle';
      if (!this.identity) this.sessionId = null;
      this.publish();
    }
    this.events.emit('session', 'onIdentifyFailed', failure);
  }

  /** Ends the session: forgets the identity, notifies wipe listeners, publishes idle. */
  end(): SessionView {
    const ended = this.sessionId;
    if (this.identity) forgetIdentity(this.identity);
    this.reveal.close();
    this.identity = null;
    this.sessionId = null;
    this.stage = 'idle';
    // A card still on the reader belongs to the session that just ended: it must not open the next one.
    if (this.cardOnReader) this.leftCard = 'after-session';
    if (ended) for (const l of [...this.wipeListeners]) l(ended);
    this.publish();
    return this.view();
  }

  /** Registers a listener called with the session id whenever a session is wiped. */
  onWipe(listener: WipeListener): () => void {
    this.wipeListeners.add(listener);
    return () => this.wipeListeners.delete(listener);
  }

  private publish(): void {
    this.events.emit('session', 'onChanged', this.view());
  }
}
