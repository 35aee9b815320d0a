import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { printFailureReason, testPageDocument, type ReceiptPrinter } from '../../../drivers/receipt-printer/index';
import type { SyncPassResult } from '../../../uplink/index';
import type { TechnicianAccess } from './technician-access';

/** What the technician's actions use. */
export interface TechnicianActionSources {
  access: TechnicianAccess;
  /** The `technician.status` method of technician-service.ts. */
  status: MethodsOf<KioskContract['technician']>['status'];
  printer(): ReceiptPrinter | null;
  syncNow(): Promise<SyncPassResult>;
}

/**
 * The `technician` service as the core implements it: every call goes
 * through {@link TechnicianAccess.act} first (keeps the visit alive, audits
 * the action, refuses a lapsed visit), so no action is anonymous.
 * `printTestReceipt` prints the test page (no personal data) and answers
 * `failed` with the printer's error kind instead of throwing.
 */
export function technicianServiceMethods(sources: TechnicianActionSources): MethodsOf<KioskContract['technician']> {
  const { access } = sources;
  return {
    status: async (input, ctx) => {
      access.act('status', ctx);
      return sources.status(input, ctx);
    },
    printTestReceipt: async (_input, ctx) => {
      access.act('print-test-receipt', ctx);
      const printer = sources.printer();
      if (!printer) return { state: 'failed' as const, reason: 'offline' };
      try {
        await printer.print(testPageDocument());
        return { state: 'done' as const, reason: null };
      } catch (e) {
        return { state: 'failed' as const, reason: printFailureReason(e) };
      }
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
