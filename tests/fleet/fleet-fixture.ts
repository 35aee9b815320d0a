import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ServiceState, SystemInfo } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore, type KioskCoreOptions } from '../../main/core/create-kiosk-core';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from '../trust/trust-fixture';

/** A platform-sim that requires signed requests, shared by a test file. */
export async function fleetPlatform(): Promise<SimFixture> {
  return startFixture({ requireSignedRequests: true });
}

/**
 * A kiosk core enrolled against `sim` (a fresh code for `site`, or none when
 * the data dir already holds an enrolment), checking the heartbeat every
 * 100 ms with a full report every 400 ms, idle after 300 ms.
 */
export async function startFleetCore(sim: SimFixture, dataDir: string, options: KioskCoreOptions & { site?: string; enrol?: boolean } = {}): Promise<KioskCore> {
  const { site = 'site-fleet', enrol = true, ...rest } = options;
  return createKioskCore(loadConfig({ dataDir, platformUrl: sim.sim.url }, {}), {
    syncPollIntervalMs: 200,
    probeIntervalMs: 100,
    heartbeat: { intervalMs: 100, fullReportMs: 400 },
    idleAfterMs: 300,
    ...(enrol ? { enrolmentCode: await issueCode(sim.sim.url, site) } : {}),
    ...rest,
  });
}

/** Calls a contract method of the core as the in-process host does. */
export async function call<T>(core: KioskCore, channel: string, payload: unknown = {}): Promise<T> {
  const r = await core.dispatcher.handle(channel as never, payload);
  if (!r.ok) throw new Error(`${channel} failed`);
  return r.value as T;
}

export const info = (core: KioskCore) => call<SystemInfo>(core, 'system:info');
export const serviceState = (core: KioskCore) => call<ServiceState>(core, 'system:serviceState');

/** The audit rows of a kiosk data dir (action and parsed detail), oldest first. */
export function auditRows(dir: string): Array<{ action: string; detail: Record<string, unknown> }> {
  const raw = new Database(join(dir, 'kiosk.db'), { readonly: true });
  try {
    return (raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, unknown>>).map((r) => ({
      action: String(r.action),
      detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
    }));
  } finally {
    raw.close();
  }
}

/** Settings that pass the strict schema. */
export function goodSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    services: ['GG00001001', 'QR00014002'],
    theme: { partner: '中国银行', primaryColor: '#1a5fb4', logoUrl: null },
    openingHours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
    idleTimeoutSeconds: 90,
    countdownSeconds: 20,
    languages: ['zh-CN', 'en', 'ug'],
    voice: false,
    maintenanceWindow: { start: '01:00', end: '04:00' },
    ...overrides,
  };
}
