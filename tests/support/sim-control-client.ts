/** Least time between lifting the simulated ID card and placing it again, in ms: two presence polls of the reader (300 ms each) and a margin. */
export const CARD_LIFT_TO_PLACE_MS = 700;

/** Where a web host with simulator control routes listens, and its per-launch token. */
export interface SimControlTarget {
  origin: string;
  token: string;
}

/** Calls a simulator control route (`POST /sim/...`) of the web host. Throws on a non-2xx answer. */
async function postSimControl(host: SimControlTarget, path: string, body: unknown = {}): Promise<unknown> {
  const r = await fetch(host.origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': host.token },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

/**
 * {@link postSimControl} for one web host, pacing the simulated ID card as a
 * hand would: a card placed less than {@link CARD_LIFT_TO_PLACE_MS} after it
 * was lifted is placed only then. The reader polls for presence and never
 * sees a lift shorter than a poll; no hand is that quick, back-to-back tests
 * and bench sessions are.
 */
export class SimControl {
  /** When the card was last lifted (`performance.now()`, ms). */
  private cardLiftedAt = -Infinity;

  constructor(private readonly host: SimControlTarget) {}

  /** Calls `path` (`/sim/...`) with `body`. Throws on a non-2xx answer. */
  async post(path: string, body: unknown = {}): Promise<unknown> {
    if (path === '/sim/idcard/insert') {
      const wait = this.cardLiftedAt + CARD_LIFT_TO_PLACE_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const answer = await postSimControl(this.host, path, body);
    if (path === '/sim/idcard/remove') this.cardLiftedAt = performance.now();
    return answer;
  }
}
