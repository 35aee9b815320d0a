import type { BundleSubmitResult, FormField, ServiceDetail, SubmitResult } from '../../../common/contract/schemas';
import { mergeBundleForm } from '../../../common/domain/bundle-form';
import type { BundleFlow, CatalogueOverview, FlowContext } from './flow-types';
import { isServiceAvailable } from './selectors';

/**
 * Why an item of a life event cannot be ticked now, or null when it can:
 * `needs-network` (not queueable while offline), `query` (asked on its own
 * from its guide, never submitted with the bundle). Items with a fee can be
 * ticked: their fees are paid one after the other once the bundle is
 * submitted (or later by receipt number when it was queued).
 */
export function bundleItemBlocker(item: Pick<ServiceDetail, 'queueable' | 'kind'>, connectivity: FlowContext['connectivity']): 'needs-network' | 'query' | null {
  // A query (社保查询 in 退休一件事) is asked on its own, never submitted with the applications.
  if (item.kind === 'query') return 'query';
  return isServiceAvailable(item, connectivity) ? null : 'needs-network';
}

/** The chosen items of a bundle in life-event order. */
export function chosenItems(bundle: BundleFlow): ServiceDetail[] {
  return bundle.items.filter((i) => bundle.chosen.includes(i.code));
}

/** True when at least one item is ticked and every ticked item can be applied for now. */
export function canStartBundle(bundle: BundleFlow | null, connectivity: FlowContext['connectivity']): boolean {
  if (!bundle || bundle.chosen.length === 0) return false;
  return chosenItems(bundle).every((i) => bundleItemBlocker(i, connectivity) === null);
}

/** A new bundle for the life event `id` of the overview (items not loaded yet), or null when the overview has no such life event. */
export function newBundle(overview: CatalogueOverview | null, id: string): BundleFlow | null {
  const e = overview?.lifeEvents.find((l) => l.id === id);
  return e ? { id: e.id, name: e.name, ...(e.i18n ? { i18n: e.i18n } : {}), itemCodes: e.itemCodes, items: [], chosen: [], combined: null, result: null } : null;
}

/** The bundle with item `code` ticked or unticked; `chosen` stays in life-event order. */
export function withChoice(bundle: BundleFlow, code: string, chosen: boolean): BundleFlow {
  const next = chosen ? [...new Set([...bundle.chosen, code])] : bundle.chosen.filter((c) => c !== code);
  return { ...bundle, chosen: bundle.itemCodes.filter((c) => next.includes(c)) };
}

/** The bundle state once its items are loaded: every item that can be applied for now ticked. */
export function withItems(bundle: BundleFlow, items: ServiceDetail[], connectivity: FlowContext['connectivity']): BundleFlow {
  return { ...bundle, items, chosen: items.filter((i) => bundleItemBlocker(i, connectivity) === null).map((i) => i.code) };
}

/** The bundle with its combined form computed from the chosen items (the same merge main/core does). */
export function withCombinedForm(bundle: BundleFlow): BundleFlow {
  return { ...bundle, combined: mergeBundleForm(chosenItems(bundle)), result: null };
}

/** The request of `transactions.precheckBundle` / `submitBundle`, built from what the person entered. */
export function bundleRequest(context: FlowContext): { bundleId: string; itemCodes: string[]; form: Record<string, string>; materials: { id: string; provided: boolean }[] } {
  return {
    bundleId: context.bundle?.id ?? '',
    itemCodes: context.bundle ? chosenItems(context.bundle).map((i) => i.code) : [],
    form: { ...context.form },
    materials: Object.entries(context.materials).map(([id, provided]) => ({ id, provided })),
  };
}

/**
 * The bundle as one result for the steps shared with a single item: the
 * first item's id (its receipt lists every item), `delivered` only when
 * every item was delivered.
 */
export function summaryResult(result: BundleSubmitResult): SubmitResult {
  const first = result.items[0];
  return {
    id: first?.id ?? '',
    receiptNumber: first?.receiptNumber ?? '',
    status: result.items.every((i) => i.status === 'delivered') ? 'delivered' : 'queued',
    createdAt: first?.createdAt ?? '',
  };
}

/** What the form, pre-check and confirm screens show: the single item's form, or the bundle's combined form. */
export function applicationOf(context: Pick<FlowContext, 'service' | 'bundle'>): { name: string; form: FormField[]; materials: ServiceDetail['materials'] } | null {
  if (context.bundle?.combined) return { name: context.bundle.name, form: context.bundle.combined.form, materials: context.bundle.combined.materials };
  if (context.service) return { name: context.service.name, form: context.service.form, materials: context.service.materials };
  return null;
}
