import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { BundleSubmitResult, ServiceDetail, SubmitResult } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { collectBundleProblems, mergeBundleForm, splitBundleForm, type BundlePrecheckProblem, type CombinedForm } from '../../../common/domain/bundle-form';
import { precheckApplication } from '../../../common/domain/precheck';
import { windowMaterials } from '../../../common/domain/material-route';
import type { KioskStore } from '../../../offline-cache/index';
import type { SessionManager } from '../session/session-manager';
import type { DelegationManager } from '../session/delegation-manager';
import { delegationServiceRefusal } from '../../../common/domain/delegation-rules';
import type { Identity } from '../session/identity';
import type { CatalogueService } from './catalogue-service';
import type { DeliveryWatcher } from '../../../uplink/index';

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
  /** The agent who applied for the applicant (代办); absent when the applicant applied themselves. Wiped with the session. */
  agent?: { name: string; idNumber: string | null };
  /** Set when the transaction is one item of a life-event bundle submitted with one form. */
  bundle?: SessionBundle;
}

/** The life-event bundle a session transaction belongs to (one receipt lists every item). */
export interface SessionBundle {
  id: string;
  name: string;
  /** Shared reference of the bundle's items (`_bundleRef`). */
  ref: string;
  /** Every item's transaction id, in bundle order. */
  transactionIds: string[];
}

/** A bundle request as the contract delivers it (combined-form ids). */
interface BundleInput {
  bundleId: string;
  itemCodes: string[];
  form: Record<string, string>;
  materials: Array<{ id: string; provided: boolean }>;
}

/** What a bundle request resolves to: the life event, its chosen items (bundle order) and their combined form. */
interface ResolvedBundle {
  event: { id: string; name: string };
  items: ServiceDetail[];
  combined: CombinedForm;
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
  /** Whom the identified person applies for (代办); absent: always for themselves. */
  delegation?: DelegationManager;
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
/**
 * The materials as the application records them: `_materials` the ids the
 * person ticked; `_atWindow` (only when there are any) the ids to be handed
 * in at the window because this terminal cannot capture them.
 */
function materialData(item: ServiceDetail, provided: ReadonlyArray<{ id: string; provided: boolean }>): Record<string, string> {
  const data: Record<string, string> = { _materials: provided.filter((m) => m.provided).map((m) => m.id).join(',') };
  const atWindow = windowMaterials(item.materials).map((m) => m.id);
  if (atWindow.length > 0) data._atWindow = atWindow.join(',');
  return data;
}

export class TransactionsService {
  private readonly submitted = new Map<string, SessionTransaction>();

  constructor(private readonly options: TransactionsServiceOptions) {
    options.session.onWipe(() => this.submitted.clear());
  }

  /** A transaction submitted in the current session, or undefined. */
  sessionTransaction(id: string): SessionTransaction | undefined {
    return this.submitted.get(id);
  }

  /** Every item of the bundle `id` belongs to (bundle order), or undefined when it is not a bundle item of this session. */
  sessionBundle(id: string): SessionTransaction[] | undefined {
    const bundle = this.submitted.get(id)?.bundle;
    if (!bundle) return undefined;
    return bundle.transactionIds.map((t) => this.submitted.get(t)).filter((t): t is SessionTransaction => t !== undefined);
  }

  /**
   * Resolves a bundle request: the life event must be known and every chosen
   * code one of its items in the cached catalogue (`not-found` otherwise).
   * Items keep the life event's order; a code chosen twice counts once.
   */
  private bundle(input: BundleInput): ResolvedBundle {
    // As listed at this terminal: the life event's items by their local implementation codes.
    const event = this.options.catalogue.lifeEvent(input.bundleId);
    if (!event) throw new KioskError('not-found', `no life event ${input.bundleId}`);
    const unknown = input.itemCodes.filter((c) => !event.itemCodes.includes(c));
    if (unknown.length > 0) throw new KioskError('not-found', `not items of ${event.id}: ${unknown.join(', ')}`, { itemCodes: unknown });
    const chosen = new Set(input.itemCodes);
    const items = event.itemCodes.filter((c) => chosen.has(c)).map((c) => this.item(c));
    return { event: { id: event.id, name: event.name }, items, combined: mergeBundleForm(items) };
  }

  /** Each item's own application (identity fields filled by core) and every problem of all of them in one list. */
  private checkBundle(
    bundle: ResolvedBundle,
    input: BundleInput,
    identity: Identity | null,
  ): { applications: Array<{ item: ServiceDetail; values: Record<string, string>; materials: Array<{ id: string; provided: boolean }> }>; problems: BundlePrecheckProblem[] } {
    const applications = bundle.items.map((item) => {
      const own = splitBundleForm(bundle.combined, item.code, input.form, input.materials);
      return { item, values: withPrefill(item, own.form, identity), materials: own.materials };
    });
    const perItem = applications.map((a) => ({ itemCode: a.item.code, problems: precheckApplication(a.item.form, a.values, a.item.materials, a.materials) }));
    return { applications, problems: collectBundleProblems(bundle.combined, perItem) };
  }

  private item(code: string): ServiceDetail {
    const item = this.options.catalogue.find(code);
    if (!item) throw new KioskError('not-found', `no service item ${code}`);
    return item;
  }

  /** A passed pre-check opens the review step, where the person may see their own data (`session.reveal`); a failed one sends them back to the form. */
  private reviewStep(passed: boolean): void {
    const sessionId = this.options.session.currentSessionId();
    if (passed && sessionId) this.options.session.reveal.open(sessionId, 'review');
    else this.options.session.reveal.close();
  }

  /**
   * Whom the application is for: the principal while acting for someone
   * (代办), else the identified person; null when nobody is identified.
   * Refuses (`forbidden`, `detail.reason`) an item the delegation may not be
   * used for (not delegable, not in the authorisation, authorisation
   * expired), and (`invalid-payload`, reason `delegation-incomplete`) a
   * delegation whose principal or relation is not yet known.
   */
  private applicantFor(items: readonly ServiceDetail[]): Identity | null {
    const delegation = this.options.delegation;
    if (!delegation?.engaged()) return this.options.session.currentIdentity();
    const active = delegation.active();
    if (!active) throw new KioskError('invalid-payload', 'the principal or the relation is not known yet', { reason: 'delegation-incomplete' });
    for (const item of items) {
      const refusal = delegationServiceRefusal(item, active.authorisation, new Date());
      if (refusal) throw new KioskError('forbidden', `${item.code} cannot be applied for under this delegation: ${refusal}`, { reason: refusal, itemCode: item.code });
    }
    return active.principal;
  }

  /** The agent of the current delegation for the session's receipt; undefined when applying for oneself. */
  private agentSnapshot(): { agent: { name: string; idNumber: string | null } } | Record<string, never> {
    const record = this.options.delegation?.record();
    return record ? { agent: { ...record.agent } } : {};
  }

  /** The contract methods of the `transactions` service. */
  methods(): MethodsOf<KioskContract['transactions']> {
    return {
      precheck: async (input) => {
        const item = this.item(input.serviceCode);
        const values = withPrefill(item, input.form, this.applicantFor([item]));
        const problems = precheckApplication(item.form, values, item.materials, input.materials);
        this.reviewStep(problems.length === 0);
        return { ok: problems.length === 0, problems };
      },
      submit: async (input) => {
        const identity = this.options.session.currentIdentity();
        if (!identity) throw new KioskError('no-session', 'identify first');
        // Captured now: the session may be wiped (and the identity blanked) while we wait for the platform.
        const sessionId = this.options.session.currentSessionId();
        const item = this.item(input.serviceCode);
        const applicantIdentity = this.applicantFor([item]) ?? identity;
        const delegation = this.options.delegation?.record() ?? undefined;
        const applicant = { applicantName: applicantIdentity.name, applicantIdNumber: applicantIdentity.idNumber, ...this.agentSnapshot() };
        if (!item.queueable && !this.options.isOnline()) {
          throw new KioskError('platform-unreachable', `${item.code} needs the platform and it is offline`);
        }
        // A query is asked (queries.run), not applied for: it must never reach the outbox.
        if (item.kind === 'query') throw new KioskError('invalid-payload', `${item.code} is a query: ask it with queries.run`);
        const values = withPrefill(item, input.form, applicantIdentity);
        const problems = precheckApplication(item.form, values, item.materials, input.materials);
        if (problems.length > 0) throw new KioskError('invalid-payload', 'pre-check failed', { problems });
        // Submitted: the review step is over, and with it the person's look at their own data.
        this.options.session.reveal.close();
        // A StorageError (storage-full, storage-corrupt) is a KioskError already and reaches the renderer as it is.
        const written = this.options.store.submitTransaction({
          service: item.code,
          data: { ...values, ...materialData(item, input.materials) },
          ...(delegation ? { delegation } : {}),
        });
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
      precheckBundle: async (input) => {
        const bundle = this.bundle(input);
        const { problems } = this.checkBundle(bundle, input, this.applicantFor(bundle.items));
        this.reviewStep(problems.length === 0);
        return { ok: problems.length === 0, problems };
      },
      submitBundle: async (input) => {
        const identity = this.options.session.currentIdentity();
        if (!identity) throw new KioskError('no-session', 'identify first');
        const sessionId = this.options.session.currentSessionId();
        const bundle = this.bundle(input);
        const applicantIdentity = this.applicantFor(bundle.items) ?? identity;
        const delegation = this.options.delegation?.record() ?? undefined;
        const applicant = { applicantName: applicantIdentity.name, applicantIdNumber: applicantIdentity.idNumber, ...this.agentSnapshot() };
        const online = this.options.isOnline();
        const needPlatform = bundle.items.filter((i) => !i.queueable).map((i) => i.code);
        if (needPlatform.length > 0 && !online) {
          throw new KioskError('platform-unreachable', `${needPlatform.join(', ')} need(s) the platform and it is offline`, { itemCodes: needPlatform });
        }
        // A query in a life event (社保查询 in 退休一件事) is asked on its own: never written with the applications.
        const queries = bundle.items.filter((i) => i.kind === 'query').map((i) => i.code);
        if (queries.length > 0) throw new KioskError('invalid-payload', `${queries.join(', ')}: queries are asked with queries.run, not submitted`, { itemCodes: queries });
        const { applications, problems } = this.checkBundle(bundle, input, applicantIdentity);
        if (problems.length > 0) throw new KioskError('invalid-payload', 'pre-check failed', { problems });
        this.options.session.reveal.close();
        const written = this.options.store.submitBundle({
          bundleId: bundle.event.id,
          items: applications.map((a) => ({
            service: a.item.code,
            data: { ...a.values, ...materialData(a.item, a.materials) },
          })),
          ...(delegation ? { delegation } : {}),
        });
        for (const item of bundle.items) this.options.catalogue.recordUse(item.code);
        const wait = online ? this.options.ackWaitMs : 0;
        const delivered = await Promise.all(written.items.map((w) => this.options.delivery.waitFor(w.id, wait)));
        const result: BundleSubmitResult = {
          bundleId: bundle.event.id,
          bundleRef: written.bundleRef,
          items: written.items.map((w, n) => ({
            id: w.id,
            receiptNumber: w.receiptNumber,
            status: delivered[n] ? 'delivered' : 'queued',
            createdAt: w.createdAt,
            serviceCode: bundle.items[n]!.code,
            serviceName: bundle.items[n]!.name,
          })),
        };
        if (this.options.session.currentSessionId() === sessionId) {
          const sessionBundle: SessionBundle = { id: bundle.event.id, name: bundle.event.name, ref: written.bundleRef, transactionIds: written.items.map((w) => w.id) };
          result.items.forEach((r, n) => {
            this.submitted.set(r.id, { id: r.id, receiptNumber: r.receiptNumber, createdAt: r.createdAt, status: r.status, service: bundle.items[n]!, ...applicant, bundle: sessionBundle });
          });
        }
        return result;
      },
    };
  }
}
