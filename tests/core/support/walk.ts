import type { PrintJob, ServiceDetail, ServiceSummary, SessionView, SubmitResult } from '../../../common/contract/schemas';
import { receiptText, type ParsedReceipt } from '../../../drivers/receipt-printer/sim/parsed-receipt';
import type { CoreHarness } from './core-harness';
import { waitUntil } from './wait-until';

/** The queueable item the walks submit (a well-known item of platform-sim). */
export const WALK_ITEM_NAME = '社会保障卡申领';

/** Places the sample resident card on the simulated reader and waits for the identified session. */
export async function identifyWithCard(h: CoreHarness): Promise<SessionView> {
  h.core.simulators.insertCard('resident');
  const changes = () => h.log.of<SessionView>('session:onChanged');
  await waitUntil(() => changes().some((v) => v.stage === 'identified' || v.leftCard === 'at-start'), 'session:onChanged identified');
  // Placed right after start-up, before the reader's first poll, the card counts as one that was there at start: a touch reads it, as on screen.
  if (!changes().some((v) => v.stage === 'identified')) await h.ok('session:begin');
  await waitUntil(() => changes().some((v) => v.stage === 'identified'), 'session:onChanged identified');
  return h.log.of<SessionView>('session:onChanged').find((v) => v.stage === 'identified')!;
}

/** Finds a catalogue item by its exact name through `catalogue:search` and fetches its detail with `catalogue:get`. */
export async function findItem(h: CoreHarness, name: string): Promise<ServiceDetail> {
  const found = await h.ok<{ items: ServiceSummary[] }>('catalogue:search', { query: name, limit: 50 });
  const summary = found.items.find((i) => i.name === name);
  if (!summary) throw new Error(`catalogue:search "${name}" did not list it: ${found.items.map((i) => i.name).join(', ')}`);
  return h.ok<ServiceDetail>('catalogue:get', { code: summary.code });
}

/**
 * A complete form for `item` as the renderer would send it: every field the
 * person types (prefilled fields are left out: core fills them), and every
 * material marked provided.
 */
export function filledRequest(item: ServiceDetail): { serviceCode: string; form: Record<string, string>; materials: Array<{ id: string; provided: boolean }> } {
  const form: Record<string, string> = {};
  for (const field of item.form) {
    if (field.prefill) continue;
    switch (field.kind) {
      case 'phone':
        form[field.id] = '13800138000';
        break;
      case 'date':
        form[field.id] = '2026-01-15';
        break;
      case 'number':
        form[field.id] = '6222020200112233';
        break;
      case 'select':
        form[field.id] = field.options?.[0] ?? '';
        break;
      default:
        form[field.id] = '测试内容';
    }
  }
  return { serviceCode: item.code, form, materials: item.materials.map((m) => ({ id: m.id, provided: true })) };
}

/** Submits a filled form for `item`. */
export function submit(h: CoreHarness, item: ServiceDetail): Promise<SubmitResult> {
  return h.ok<SubmitResult>('transactions:submit', filledRequest(item));
}

/** Waits for `printer:onJobChanged` to report `state` for `jobId` and returns that event. */
export async function waitForJob(h: CoreHarness, jobId: string, state: PrintJob['state'], after = 0): Promise<PrintJob> {
  const match = () => h.log.of<PrintJob>('printer:onJobChanged').slice(after).find((j) => j.jobId === jobId && j.state === state);
  await waitUntil(() => match() !== undefined, `print job ${jobId} ${state}`);
  return match()!;
}

/** Every text line and QR payload of a printed receipt, joined. */
export function printedText(receipt: ParsedReceipt): string {
  const qr = receipt.elements.flatMap((e) => (e.kind === 'qr' ? [e.data] : []));
  return [...receiptText(receipt), ...qr].join('\n');
}

/** The receipt the simulated printer cut that contains `needle` (last match), or undefined. */
export function printedReceiptWith(h: CoreHarness, needle: string): ParsedReceipt | undefined {
  return [...(h.core.simulators.receiptPrinter?.printed ?? [])].reverse().find((r) => printedText(r).includes(needle));
}
