import type { Connectivity, ConnectivityState } from '../../common/contract/schemas';
import { TypedEmitter as Emitter, type Off } from '../../common/domain/typed-emitter';
import type { ClaimedItem, KioskStore, OutboxKind } from '../../offline-cache/index';
import type { PlatformClient } from '../client/platform-client';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from '../client/platform-errors';
import type { PlatformReply } from '../client/platform-transport';
import { MAX_BATCH_ITEMS } from '../protocol/protocol-schemas';
import { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
import { CLOCK_KEY, clockReading, lastClockReading } from './clock-offset';

/** Default items per batch request. */
export const DEFAULT_BATCH_SIZE = 100;
/** Default wait between passes while online and drained: 30 s (new items and nudge() wake it sooner). */
export const DEFAULT_POLL_INTERVAL_MS = 30_000;
/** An exchange slower than this (ms) marks the link degraded. Default 5 s. */
export const DEFAULT_DEGRADED_LATENCY_MS = 5_000;

/** Config key of the last successful exchange time (ISO). */
const LAST_CONTACT_KEY = 'sync.lastContactAt';
/** Kinds in delivery order: applications first. */
const KINDS: readonly OutboxKind[] = ['transaction', 'rating', 'telemetry'];

/** Options of {@link createSyncEngine}. */
export interface SyncEngineOptions {
  store: KioskStore;
  client: PlatformClient;
  /** Items per request, 1..500. Default 100. */
  batchSize?: number;
  /** [0, 1) source for backoff jitter. Default Math.random. */
  random?: () => number;
  /** Kiosk clock in ms. Default Date.now. */
  now?: () => number;
  /** Backoff base (ms). Default 1 000. */
  baseDelayMs?: number;
  /** Backoff cap (ms). Default 300 000. */
  capDelayMs?: number;
  /** Wait between passes when drained and online (ms). Default 30 000. */
  pollIntervalMs?: number;
  /**
   * A drained background pass asks the platform's time (to learn it is still
   * there) only when the last such check is at least this old and the link is
   * online (ms). An explicit `syncNow()` always asks. Default
   * {@link IDLE_PROBE_INTERVAL_MS}: an idle terminal's day stays inside the
   * byte budget (bench/fleet-bytes.bench.ts).
   */
  idleProbeIntervalMs?: number;
  /** One-shot timer of the loop's waits (returns its cancel). Default setTimeout; the byte bench runs a virtual clock. */
  setTimer?: (fire: () => void, ms: number) => () => void;
  /** Latency (ms) above which a successful exchange counts as degraded. Default 5 000. */
  degradedLatencyMs?: number;
}

/** Default of {@link SyncEngineOptions.idleProbeIntervalMs}: 10 min (the catalogue check's interval, so both share one connection). */
export const IDLE_PROBE_INTERVAL_MS = 600_000;

/** Result of one pass. */
export interface SyncPassResult {
  /** Nothing pending or in flight after the pass. */
  drained: boolean;
  /** The platform answered (any HTTP status) during the pass. */
  reachable: boolean;
  /** Items sent and answered in this pass. */
  sent: number;
  /** Of those, items the platform rejected (they wait in the needs-attention list). */
  rejected: number;
}

/** Events of the engine. */
export type SyncEngineEvents = {
  /** Connectivity changed (state, pending count or last contact). */
  connectivity: Connectivity;
  /** Ids newly acknowledged (accepted or duplicate) by the platform. */
  delivered: string[];
};

/** Delivers the outbox to the platform; see {@link createSyncEngine}. */
export interface SyncEngine {
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops the loop: aborts the request in flight (its items go back to pending) and waits for the pass to end. */
  stop(): Promise<void>;
  /** Runs one pass now (joins a pass already running). Never rejects. */
  syncNow(): Promise<SyncPassResult>;
  /** Connectivity may have returned: attempt now instead of waiting out the backoff. */
  nudge(): void;
  readonly connectivity: Connectivity;
  on<K extends keyof SyncEngineEvents>(name: K, listener: (payload: SyncEngineEvents[K]) => void): Off;
}

type Failure = 'unreachable' | 'transient' | 'envelope' | 'protocol' | 'local';

/**
 * Creates the sync engine: at-least-once delivery of the outbox in seq order,
 * per kind, in batches; the platform dedupes by the UUIDv7 id so the effect is
 * exactly once. Per-item `rejected` goes to the needs-attention list and never
 * blocks later items. Transient failures (network, timeout, 5xx) return the
 * batch to pending and back off with full jitter (base 1 s, cap 5 min);
 * an invalid answer or a 4xx envelope raises an alert and backs off the same
 * way (items stay queued, never dropped).
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, client } = options;
  const batchSize = Math.min(Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)), MAX_BATCH_ITEMS);
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const baseMs = options.baseDelayMs ?? BACKOFF_BASE_MS;
  const capMs = options.capDelayMs ?? BACKOFF_CAP_MS;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const degradedMs = options.degradedLatencyMs ?? DEFAULT_DEGRADED_LATENCY_MS;
  const idleProbeMs = options.idleProbeIntervalMs ?? IDLE_PROBE_INTERVAL_MS;
  let lastIdleProbeMs = Number.NEGATIVE_INFINITY;
  const setTimer =
    options.setTimer ??
    ((fire: () => void, ms: number) => {
      const t = setTimeout(fire, ms);
      return () => clearTimeout(t);
    });
  const events = new Emitter<SyncEngineEvents>();

  const storedContact = store.config.get(LAST_CONTACT_KEY);
  let state: ConnectivityState = 'offline';
  let lastContactAt: string | null = typeof storedContact === 'string' ? storedContact : null;
  let current: Connectivity = { state, pending: safePending(), lastContactAt };
  let running: Promise<SyncPassResult> | null = null;
  let loop: Promise<void> | null = null;
  let stopped = true;
  let failures = 0;
  let wake: (() => void) | null = null;
  let inBackoff = false;
  let offEnqueued: Off | null = null;
  /** Aborted by stop() so a shutdown does not wait out a request timeout. */
  let cancel = new AbortController();

  function safePending(): number {
    try {
      return store.outbox.undelivered();
    } catch {
      return current?.pending ?? 0;
    }
  }

  function publish(): void {
    const next: Connectivity = { state, pending: safePending(), lastContactAt };
    if (next.state !== current.state || next.pending !== current.pending || next.lastContactAt !== current.lastContactAt) {
      current = next;
      events.emit('connectivity', next);
    }
  }

  function contact(reply: PlatformReply<unknown>): void {
    const at = new Date(now()).toISOString();
    lastContactAt = at;
    state = reply.receivedAt - reply.sentAt > degradedMs ? 'degraded' : 'online';
    try {
      if (reply.platformTime) store.config.set(CLOCK_KEY, clockReading(reply.platformTime, reply.sentAt, reply.receivedAt));
      store.config.set(LAST_CONTACT_KEY, at);
    } catch {
      // Clock bookkeeping is best effort; the delivery result is what matters.
    }
  }

  function toWire(item: ClaimedItem, offset: number | null): { id: string } & Record<string, unknown> {
    switch (item.kind) {
      case 'transaction':
        return {
          id: item.id,
          seq: item.seq,
          service: item.body.service,
          createdAt: item.body.createdAt,
          kioskClockOffsetMs: offset,
          data: item.body.data,
          ...(item.body.delegation ? { delegation: item.body.delegation } : {}),
        };
      case 'rating':
        return { id: item.id, seq: item.seq, transactionId: item.body.transactionId, service: item.body.service, level: item.body.level, reason: item.body.reason, createdAt: item.body.createdAt };
      case 'telemetry':
        return { id: item.id, seq: item.seq, type: item.body.type, at: item.body.at, data: item.body.data };
    }
  }

  function classify(e: unknown): Failure {
    if (e instanceof PlatformUnreachableError) return 'unreachable';
    if (e instanceof PlatformHttpError) return e.transient ? 'transient' : 'envelope';
    if (e instanceof PlatformProtocolError) return 'protocol';
    return 'local';
  }

  function noteFailure(kind: Failure, e: unknown): void {
    if (kind === 'unreachable') state = 'offline';
    else state = 'degraded';
    if (kind === 'envelope') {
      store.setAlert('sync-envelope-rejected', `平台拒绝了上报请求，需要技术人员处理。 / The platform refused a sync request (${String((e as Error).message).slice(0, 160)}); a technician is needed.`);
    } else if (kind === 'protocol') {
      store.setAlert('sync-invalid-response', `平台返回了无效数据。 / The platform sent an invalid response (${String((e as Error).message).slice(0, 160)}).`);
    }
  }

  async function pass(forceProbe: boolean): Promise<SyncPassResult & { ok: boolean }> {
    // A stop() in progress keeps its abort; any later pass gets a fresh signal.
    if (cancel.signal.aborted && (!stopped || loop === null)) cancel = new AbortController();
    let sent = 0;
    let rejected = 0;
    let reachable = false;
    let offset = lastClockReading(store.config)?.offsetMs ?? null;
    if (offset === null && safePending() > 0) {
      // Learn the platform clock before the first batch so every item carries an offset.
      try {
        contact(await client.time(cancel.signal));
        reachable = true;
        offset = lastClockReading(store.config)?.offsetMs ?? null;
      } catch (e) {
        const k = classify(e);
        if (k !== 'unreachable') reachable = true;
        noteFailure(k, e);
        publish();
        return { drained: false, reachable, sent, rejected, ok: false };
      }
    }
    for (const kind of KINDS) {
      for (;;) {
        let items: ClaimedItem[];
        try {
          items = store.outbox.claim(kind, batchSize);
        } catch {
          publish();
          return { drained: false, reachable, sent, rejected, ok: false };
        }
        if (items.length === 0) break;
        const ids = items.map((i) => i.id);
        try {
          const reply = await client.sendBatch(kind, items.map((i) => toWire(i, offset)), cancel.signal);
          reachable = true;
          contact(reply);
          const delivered = store.outbox.complete(reply.body.results);
          sent += items.length;
          rejected += reply.body.results.filter((r) => r.status === 'rejected' && ids.includes(r.id)).length;
          store.setAlert('sync-envelope-rejected', null);
          store.setAlert('sync-invalid-response', null);
          if (delivered.length > 0) events.emit('delivered', delivered);
          publish();
        } catch (e) {
          try {
            store.outbox.release(ids);
          } catch {
            // Left in-flight: the next claim takes in-flight items again.
          }
          const kindOfFailure = classify(e);
          if (kindOfFailure !== 'unreachable' && kindOfFailure !== 'local') reachable = true;
          noteFailure(kindOfFailure, e);
          publish();
          return { drained: false, reachable, sent, rejected, ok: false };
        }
        if (stopped && loop !== null) {
          publish();
          return { drained: safePending() === 0, reachable, sent, rejected, ok: true };
        }
      }
    }
    if (sent === 0 && (forceProbe || state !== 'online' || now() - lastIdleProbeMs >= idleProbeMs)) {
      try {
        contact(await client.time(cancel.signal));
        lastIdleProbeMs = now();
        reachable = true;
      } catch (e) {
        const k = classify(e);
        if (k !== 'unreachable') reachable = true;
        noteFailure(k, e);
        publish();
        return { drained: safePending() === 0, reachable, sent, rejected, ok: false };
      }
    }
    publish();
    return { drained: safePending() === 0, reachable, sent, rejected, ok: true };
  }

  let lastOk = true;
  function syncNow(forceProbe = true): Promise<SyncPassResult> {
    if (!running) {
      running = pass(forceProbe)
        .then((r) => {
          lastOk = r.ok;
          return { drained: r.drained, reachable: r.reachable, sent: r.sent, rejected: r.rejected };
        })
        .catch(() => {
          lastOk = false;
          return { drained: false, reachable: false, sent: 0, rejected: 0 };
        })
        .finally(() => {
          running = null;
        });
    }
    return running;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancelTimer = setTimer(done, ms);
      function done() {
        cancelTimer();
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function runLoop(): Promise<void> {
    while (!stopped) {
      const r = await syncNow(false);
      if (stopped) break;
      let delay: number;
      if (lastOk && r.drained) {
        failures = 0;
        delay = pollMs;
      } else if (lastOk) {
        failures = 0;
        delay = 0;
      } else {
        failures++;
        delay = backoffDelayMs(failures, random, baseMs, capMs);
      }
      inBackoff = !lastOk;
      await sleep(delay);
      inBackoff = false;
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      cancel = new AbortController();
      offEnqueued = store.onEnqueued(() => {
        if (!inBackoff) wake?.();
        else publish();
      });
      loop = runLoop();
    },
    async stop() {
      stopped = true;
      offEnqueued?.();
      offEnqueued = null;
      cancel.abort();
      wake?.();
      await loop;
      loop = null;
    },
    syncNow: () => syncNow(true),
    nudge() {
      wake?.();
    },
    get connectivity() {
      return current;
    },
    on: (name, listener) => events.on(name, listener),
  };
}
