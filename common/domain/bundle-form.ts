import type { FormField, ServiceDetail } from '../contract/schemas';
import type { PrecheckProblem } from './precheck';

type Material = ServiceDetail['materials'][number];

/** What the merge needs of an item. */
export type BundleItem = Pick<ServiceDetail, 'code' | 'form' | 'materials'>;

/** Where a combined field or material comes from: the item and the id it has there. */
export interface BundleSource {
  itemCode: string;
  id: string;
}

/**
 * The ONE form of a life-event bundle ("一件事一次办"): the chosen items'
 * fields and materials, each asked once. Ids in `form` and `materials` are
 * the combined ids the renderer sends back; `sources` maps them to each item.
 */
export interface CombinedForm {
  form: FormField[];
  materials: Material[];
  fieldSources: Record<string, BundleSource[]>;
  materialSources: Record<string, BundleSource[]>;
}

/** A pre-check problem of a bundle: `id` is a combined id; `itemCode` names the item when the problem is specific to it. */
export interface BundlePrecheckProblem extends PrecheckProblem {
  itemCode: string | null;
}

/** Two fields are the same question when they agree on everything the person sees and core fills. */
function fieldSignature(f: FormField): string {
  return JSON.stringify([f.label, f.kind, f.prefill, f.options ?? null]);
}

/** Picks the combined id: the member's own id unless another group took it, then `<id>-<item code>` (unique: ids are unique per item). */
function claimId(taken: Set<string>, first: BundleSource): string {
  const id = taken.has(first.id) ? `${first.id}-${first.itemCode}`.slice(0, 64) : first.id;
  taken.add(id);
  return id;
}

/**
 * Merges the forms of a bundle's items into one, pure and deterministic (the
 * same items in the same order give the same combined form), so main/core and
 * the renderer agree on it.
 *
 * Fields are de-duplicated by id: the same id is one field, required when any
 * item requires it, with the smallest `maxLength` (the value must fit every
 * item). Platform ids are item-local (`field1` of one item is not `field1` of
 * another), so an id is merged only where the items agree on what it asks
 * (label, kind, prefill, options); a field another item asks under another id
 * with the same definition (e.g. 银行账号) is merged too, and an id that means
 * different things in two items stays two fields, the later one renamed
 * `<id>-<item code>`. Materials are de-duplicated by id the same way, keyed by
 * name: required when any item requires it, electronic only when every item
 * holds it electronically.
 */
export function mergeBundleForm(items: readonly BundleItem[]): CombinedForm {
  const fieldGroups = new Map<string, { field: FormField; sources: BundleSource[] }>();
  for (const item of items) {
    const seen = new Map<string, number>();
    for (const f of item.form) {
      // The n-th field of one item with a given definition joins the n-th group of it: an item never has one value for two of its fields.
      const signature = fieldSignature(f);
      const n = seen.get(signature) ?? 0;
      seen.set(signature, n + 1);
      const key = `${signature}#${n}`;
      const group = fieldGroups.get(key);
      if (!group) fieldGroups.set(key, { field: { ...f }, sources: [{ itemCode: item.code, id: f.id }] });
      else {
        group.sources.push({ itemCode: item.code, id: f.id });
        group.field.required ||= f.required;
        group.field.maxLength = Math.min(group.field.maxLength, f.maxLength);
      }
    }
  }
  const materialGroups = new Map<string, { material: Material; sources: BundleSource[] }>();
  for (const item of items) {
    const seen = new Map<string, number>();
    for (const m of item.materials) {
      const n = seen.get(m.name) ?? 0;
      seen.set(m.name, n + 1);
      const key = `${m.name}#${n}`;
      const group = materialGroups.get(key);
      if (!group) materialGroups.set(key, { material: { ...m }, sources: [{ itemCode: item.code, id: m.id }] });
      else {
        group.sources.push({ itemCode: item.code, id: m.id });
        group.material.required ||= m.required;
        group.material.electronic &&= m.electronic;
        group.material.note ??= m.note;
      }
    }
  }
  const combined: CombinedForm = { form: [], materials: [], fieldSources: {}, materialSources: {} };
  const fieldIds = new Set<string>();
  for (const { field, sources } of fieldGroups.values()) {
    const id = claimId(fieldIds, sources[0]!);
    combined.form.push({ ...field, id });
    combined.fieldSources[id] = sources;
  }
  const materialIds = new Set<string>();
  for (const { material, sources } of materialGroups.values()) {
    const id = claimId(materialIds, sources[0]!);
    combined.materials.push({ ...material, id });
    combined.materialSources[id] = sources;
  }
  return combined;
}

/** The combined form's values and materials as one item's own application (its own ids). */
export function splitBundleForm(
  combined: CombinedForm,
  itemCode: string,
  values: Record<string, string>,
  provided: ReadonlyArray<{ id: string; provided: boolean }>,
): { form: Record<string, string>; materials: Array<{ id: string; provided: boolean }> } {
  const form: Record<string, string> = {};
  for (const f of combined.form) {
    const source = combined.fieldSources[f.id]?.find((s) => s.itemCode === itemCode);
    const value = values[f.id];
    if (source && value !== undefined) form[source.id] = value;
  }
  const given = new Map(provided.map((p) => [p.id, p.provided]));
  const materials: Array<{ id: string; provided: boolean }> = [];
  for (const m of combined.materials) {
    const source = combined.materialSources[m.id]?.find((s) => s.itemCode === itemCode);
    if (source && given.has(m.id)) materials.push({ id: source.id, provided: given.get(m.id) === true });
  }
  return { form, materials };
}

/**
 * Gathers the per-item pre-check problems into ONE list in the combined
 * form's order ("一次性告知"), by combined id. A problem every item asking
 * that field (or material) has is told once with `itemCode: null` when
 * several items share it; otherwise it is told per item, naming the item.
 */
export function collectBundleProblems(
  combined: CombinedForm,
  perItem: ReadonlyArray<{ itemCode: string; problems: readonly PrecheckProblem[] }>,
): BundlePrecheckProblem[] {
  const chosen = new Set(perItem.map((p) => p.itemCode));
  const kinds: PrecheckProblem['problem'][] = ['missing', 'invalid', 'too-long'];
  const out: BundlePrecheckProblem[] = [];
  const collect = (target: PrecheckProblem['target'], id: string, sources: readonly BundleSource[]) => {
    const carriers = sources.filter((s) => chosen.has(s.itemCode));
    for (const problem of kinds) {
      const reporting = carriers.filter((s) =>
        perItem.some((p) => p.itemCode === s.itemCode && p.problems.some((q) => q.target === target && q.id === s.id && q.problem === problem)),
      );
      if (reporting.length === 0) continue;
      if (reporting.length === carriers.length && carriers.length > 1) out.push({ target, id, problem, itemCode: null });
      else for (const s of reporting) out.push({ target, id, problem, itemCode: s.itemCode });
    }
  };
  for (const f of combined.form) collect('field', f.id, combined.fieldSources[f.id] ?? []);
  for (const m of combined.materials) collect('material', m.id, combined.materialSources[m.id] ?? []);
  return out;
}
