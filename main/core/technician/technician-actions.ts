import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { PrintJob } from '../../../common/contract/schemas';
import type { DiscoveredDevices } from '../../../common/contract/technician-schemas';
import type { A4Printer } from '../../../drivers/a4-printer/index';
import type { IdCardReader } from '../../../drivers/idcard/index';
import { printFailureReason, testPageDocument, type ReceiptPrinter } from '../../../drivers/receipt-printer/index';
import type { Scanner } from '../../../drivers/scanner/interface';
import type { KioskStore } from '../../../offline-cache/index';
import type { SyncPassResult } from '../../../uplink/index';
import { assignDevice, readDeviceAssignments } from '../devices/device-assignments';
import type { DiscoveredHardware } from '../../../drivers/base/device-discovery';
import { recentLogHeadlines } from '../logging/read-log-lines';
import { retryAttentionItem, storedPlatformKey, writeAttentionExport } from '../queue/attention-handover';
import { testA4Page, testCardRead, testScan } from './device-tests';
import type { TechnicianAccess } from './technician-access';

/** What the technician's actions use. */
export interface TechnicianActionSources {
  access: TechnicianAccess;
  /** The `technician.status` method of technician-service.ts. */
  status: MethodsOf<KioskContract['technician']>['status'];
  printer(): ReceiptPrinter | null;
  syncNow(): Promise<SyncPassResult>;
  idcard(): IdCardReader | null;
  scanner(): Scanner | null;
  a4Printer(): A4Printer | null;
  store: KioskStore;
  dataDir: string;
  /** What the operating system lists now (main/core/devices/discover-devices.ts). */
  discover(): Promise<DiscoveredHardware>;
  /** Prints a journalled receipt job again, whatever session it was of (ReceiptPrinting.reprintJournalled). */
  reprintJournalled(jobId: string): PrintJob;
  networkTest: MethodsOf<KioskContract['technician']>['networkTest'];
  enrol(code: string): Promise<{ deviceId: string; siteId: string; algorithm: string }>;
  siteConfig: MethodsOf<KioskContract['technician']>['siteConfig'];
  /** Clock; default `new Date()`. */
  now?: () => Date;
}

/** Why an enrolment failed, as the screen shows it: the platform's error code, else the error's name. */
function enrolFailure(e: unknown): string {
  const code = (e as { errorCode?: unknown }).errorCode;
  return (typeof code === 'string' && code ? code : e instanceof Error ? e.name : 'failed').slice(0, 60);
}

/**
 * The `technician` service as the core implements it: every call goes
 * through {@link TechnicianAccess.act} first (keeps the visit alive, audits
 * the action with ids only, refuses a lapsed visit), so no action is
 * anonymous. Device tests answer `failed` with the device's error kind
 * instead of throwing; card fields and scanned payloads leave masked.
 */
export function technicianServiceMethods(sources: TechnicianActionSources): MethodsOf<KioskContract['technician']> {
  const { access, store } = sources;
  const now = sources.now ?? (() => new Date());
  const listed = async (): Promise<DiscoveredDevices> => ({ ...(await sources.discover()), assignments: readDeviceAssignments(store.config) });
  return {
    status: async (input, ctx) => {
      access.act('status', ctx);
      return sources.status(input, ctx);
    },
    printTestReceipt: async (_input, ctx) => {
      access.act('print-test-receipt', ctx);
      const document = testPageDocument(now());
      const preview = { title: document.title, lines: document.lines.map((l) => ({ label: l.label, value: l.value })), footer: document.footer };
      const printer = sources.printer();
      if (!printer) return { state: 'failed' as const, reason: 'offline', preview };
      try {
        await printer.print(document);
        return { state: 'done' as const, reason: null, preview };
      } catch (e) {
        return { state: 'failed' as const, reason: printFailureReason(e), preview };
      }
    },
    testCard: async ({ waitSeconds }, ctx) => {
      access.act('test-card', ctx);
      const r = await testCardRead(sources.idcard(), waitSeconds * 1000);
      store.audit.append('technician.device-test', { device: 'idcard', state: r.state, reason: r.reason });
      return r;
    },
    testScan: async ({ waitSeconds }, ctx) => {
      access.act('test-scan', ctx);
      const r = await testScan(sources.scanner(), waitSeconds * 1000);
      store.audit.append('technician.device-test', { device: 'scanner', state: r.state, payloadType: r.payloadType });
      return r;
    },
    printTestA4: async (_input, ctx) => {
      access.act('print-test-a4', ctx);
      const r = await testA4Page(sources.a4Printer(), store.deviceId);
      store.audit.append('technician.device-test', { device: 'a4Printer', state: r.state, reason: r.reason, jobId: r.jobId });
      return r;
    },
    discoverDevices: async (_input, ctx) => {
      access.act('discover-devices', ctx);
      return listed();
    },
    assignDevice: async ({ role, path }, ctx) => {
      const technicianId = access.act('assign-device', ctx, { role, path });
      const port = (await sources.discover()).serial.find((p) => p.path === path);
      if (!port) return { ok: false as const, reason: 'not-listed' as const };
      const assignment = assignDevice(store.config, role, port, technicianId, now());
      store.audit.append('technician.device-assigned', { technicianId, role, port: port.path, vendorId: port.vendorId, productId: port.productId });
      return { ok: true as const, assignment, appliesAtRestart: true as const };
    },
    attention: async (_input, ctx) => {
      access.act('queue-attention', ctx);
      return store.outbox.needsAttention(500).map((i) => ({ id: i.id, seq: i.seq, kind: i.kind, reason: i.reason.slice(0, 200), createdAt: i.createdAt }));
    },
    retryAttention: async ({ id }, ctx) => {
      const technicianId = access.act('queue-retry', ctx, { id });
      const r = retryAttentionItem(store, id, 'technician.queue.retry', { technicianId });
      return { outcome: r.outcome };
    },
    exportAttention: async (_input, ctx) => {
      const technicianId = access.act('queue-export', ctx);
      const recipient = (() => {
        try {
          return storedPlatformKey(store);
        } catch {
          return null;
        }
      })();
      if (!recipient) return { ok: false as const, reason: 'no-platform-key' as const };
      const dir = join(sources.dataDir, 'exports');
      const at = now();
      const file = join(dir, `attention-${at.toISOString().replace(/[:.]/g, '-')}.json`);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const w = writeAttentionExport(store, file, recipient, 'technician.queue.export', at, { technicianId });
        return { ok: true as const, file, items: w.items, recipientFingerprint: w.recipientFingerprint };
      } catch {
        return { ok: false as const, reason: 'write-failed' as const };
      }
    },
    printJobs: async (_input, ctx) => {
      access.act('print-jobs', ctx);
      return store.printJobs.unfinished().slice(0, 200).map((j) => ({ jobId: j.id, state: j.state, reason: j.reason, createdAt: j.createdAt }));
    },
    reprintJob: async ({ jobId }, ctx) => {
      access.act('reprint-job', ctx, { jobId });
      return sources.reprintJournalled(jobId);
    },
    networkTest: async (input, ctx) => {
      access.act('network-test', ctx);
      return sources.networkTest(input, ctx);
    },
    enrol: async ({ code }, ctx) => {
      const technicianId = access.act('enrol', ctx);
      try {
        const e = await sources.enrol(code);
        store.audit.append('technician.enrolled', { technicianId, deviceId: e.deviceId, siteId: e.siteId, algorithm: e.algorithm });
        return { ok: true as const, deviceId: e.deviceId, siteId: e.siteId, algorithm: e.algorithm, restartNeeded: true as const };
      } catch (e) {
        const reason = enrolFailure(e);
        store.audit.append('technician.enrol-refused', { technicianId, reason });
        return { ok: false as const, reason };
      }
    },
    siteConfig: async (input, ctx) => {
      access.act('site-config', ctx);
      return sources.siteConfig(input, ctx);
    },
    logs: async ({ lines }, ctx) => {
      access.act('logs', ctx);
      return recentLogHeadlines(sources.dataDir, lines);
    },
    syncNow: async (_input, ctx) => {
      access.act('sync-now', ctx);
      const r = await sources.syncNow();
      return { drained: r.drained, reachable: r.reachable, sent: r.sent, rejected: r.rejected };
    },
    handBack: async (_input, ctx) => {
      access.handBack(ctx);
      return { ok: true as const };
    },
  };
}
