import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { ServiceDetail, SubmitResult } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { precheckApplication } from '../../../common/domain/precheck';
import type { KioskStore } from '../../../offline-cache/index';
import type { SessionManager } from '../session/session-manager';
import type { Identity } from '../session/identity';
import type { CatalogueService } from './catalogue-service';
import type { DeliveryWatcher } from '../sync/delivery-watcher';

/** A submitted transaction remembered for the rest of the session (for the receipt). */
export interface SessionTransaction {
  id: string;
  receiptNumber: string;
  createdAt: string;
  status: SubmitResult['status'];
  service: ServiceDetail;
  /** Identity snapshot for the receipt; wiped with the session. */
  applicantName: string;
  applicantIdNumber: string | null;
}

/** Fills the identity-prefilled fields: values come from core, never from the renderer. */
export function withPrefill(item: ServiceDetail, form: Record<string, string>, identity: Identity | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of item.form) {
    if (field.prefill && identity) {
      const v = identity[field.prefill];
      values[field.id] = v ?? '';
    } else if (field.id in form) {
      values[field.id] = form[field.id] ?? '';
    }
  }
  return values;
}

/** Options of {@link TransactionsService}. */
export interface TransactionsServiceOptions {
  store: KioskStore;
  catalogue: CatalogueService;
  session: SessionManager;
  delivery: DeliveryWatcher;
  /** True when the platform is reachable right now. */
  isOnline: () => boolean;
  /** How long submit waits for the platform's acknowledgement before answering `queued`, in ms. */
  ackWaitMs: number;
}

/**
 * Pre-check and submit. A submission is written to the outbox (durable,
 * encrypted) before the call resolves; it then waits up to `ackWaitMs` for
 * the platform and reports `delivered` or `queued`.
 */
export class TransactionsService {
  private readonly submitted = new Map<string, SessionTransaction>();

  constructor(private readonly options: TransactionsServiceOptions) {
    options.session.onWipe(() => this.submitted.clear());
  }

  /** A transaction submitted in the current session, or undefined. */
  sessionTransaction(id: string): SessionTransaction | undefined {
    return this.submitted.get(id);
  }

  private item(code: string): ServiceDetail {
    const item = this.options.catalogue.find(code);
    if (!item) throw new KioskError('not-found', `no service item ${code}`);
    return item;
  }

  /** The contract methods of the `transactions` service. */
  methods(): MethodsOf<KioskContract['transactions']> {
    return {
      precheck: async (input) => {
        const item = this.item(input.serviceCode);
        const values = withPrefill(item, input.form, this.options.session.currentIdentity());
        const problems = precheckApplication(item.form, values, item.materials, input.materials);
        return { ok: problems.length === 0, problems };
      },
      submit: async (input) => {
        const identity = this.options.session.currentIdentity();
        if (!identity) throw new KioskError('no-session', 'identify first');
        // Captured now: the session may be wiped (and the identity blanked) while we wait for the platform.
        const sessionId = this.options.session.currentSessionId();
        const applicant = { applicantName: identity.name, applicantIdNumber: identity.idNumber };
        const item = this.item(input.serviceCode);
        if (!item.queueable && !this.options.isOnline()) {
          throw new KioskError('platform-unreachable', `${item.code} needs the platform and it is offline`);
        }
        const values = withPrefill(item, input.form, identity);
        const problems = precheckApplication(item.form, values, item.materials, input.materials);
        if (problems.length > 0) throw new KioskError('invalid-payload', 'pre-check failed', { problems });
        const materials = input.materials.filter((m) => m.provided).map((m) => m.id).join(',');
        let written;
        try {
          written = this.options.store.submitTransaction({ service: item.code, data: { ...values, _materials: materials } });
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === 'storage-full' || code === 'storage-corrupt') throw new KioskError(code, (e as Error).message);
          throw e;
        }
        this.options.catalogue.recordUse(item.code);
        const delivered = await this.options.delivery.waitFor(written.id, this.options.isOnline() ? this.options.ackWaitMs : 0);
        const result: SubmitResult = {
          id: written.id,
          receiptNumber: written.receiptNumber,
          status: delivered ? 'delivered' : 'queued',
          createdAt: written.createdAt,
        };
        // Remembered for the receipt only if the same session is still open; a wiped session must not leak into the next.
        if (this.options.session.currentSessionId() === sessionId) this.submitted.set(written.id, { ...result, service: item, ...applicant });
        return result;
      },
    };
  }
}
