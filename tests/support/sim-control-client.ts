/** Where a web host with simulator control routes listens, and its per-launch token. */
export interface SimControlTarget {
  origin: string;
  token: string;
}

/** Calls a simulator control route (`POST /sim/...`) of the web host. Throws on a non-2xx answer. */
export async function postSimControl(host: SimControlTarget, path: string, body: unknown = {}): Promise<unknown> {
  const r = await fetch(host.origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': host.token },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}
