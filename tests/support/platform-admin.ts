/** One record of platform-sim's `GET /admin/transactions` (the exact contract of issue 5). */
export interface PlatformTransaction {
  id: string;
  deviceId: string;
  seq: number;
  service: string;
  receivedCount: number;
  acceptedAt: string;
  /** Present only on an application made by an agent for someone else (代办), as received. */
  delegation?: {
    route: string;
    relation: string;
    agent: { name: string; idNumber: string | null };
    principal: { name: string; idNumber: string | null };
    consent: { kind: string; ref: string | null };
  };
}

/** Reads platform-sim's record of received transactions. Throws on a non-2xx answer. */
export async function fetchPlatformTransactions(platformUrl: string): Promise<PlatformTransaction[]> {
  const r = await fetch(`${platformUrl.replace(/\/+$/, '')}/admin/transactions`);
  if (!r.ok) throw new Error(`GET /admin/transactions: HTTP ${r.status}`);
  return (await r.json()) as PlatformTransaction[];
}
