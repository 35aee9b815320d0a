import type { NameI18n } from '../../common/contract/catalogue-text';
import type { ServiceDetail } from '../../common/contract/schemas';
import { DEFAULT_ACTIONS, DEPARTMENT_SPECS, TYPE_NAMES, type DepartmentSpec } from './department-specs';
import { generatedCases, wellKnownCases } from './item-demand';
import { keywordsFor } from './item-keywords';
import { itemI18n, nameI18n } from './item-i18n';
import { feeDescriptionFor, resultDeliveryFor, summaryFor } from './guide-text';
import { SeededRandom } from './prng';
import { LIFE_EVENT_SPECS, WELL_KNOWN_ITEMS, type WellKnownItem } from './well-known-items';

type FormField = ServiceDetail['form'][number];
type Material = ServiceDetail['materials'][number];

/** A life-event bundle ("一件事") as sent in the catalogue response. */
export interface LifeEvent {
  id: string;
  name: string;
  /** The name in the other kiosk languages. */
  i18n?: NameI18n;
  itemCodes: string[];
}

/** The whole generated catalogue. */
export interface GeneratedCatalogue {
  /** Items in code-allocation order (well-known items first). */
  items: ServiceDetail[];
  lifeEvents: LifeEvent[];
}

/** Seed of the reference catalogue; changing it changes every generated detail. */
export const CATALOGUE_SEED = 20201101;

/**
 * Counties and districts that implement citizen-facing items themselves. Per
 * GB/T 39554.1 such an item keeps its basic code and gets an implementation
 * code per implementing office: here `<basic code>-<county code>`.
 */
export const COUNTIES: readonly { name: string; code: string }[] = [
  { name: '城东区', code: '410102' },
  { name: '城西区', code: '410103' },
  { name: '南湖区', code: '410104' },
  { name: '北山县', code: '410122' },
  { name: '西岭县', code: '410181' },
];

/** Item types implemented at county level (citizen-facing registrations, benefits, services). */
const COUNTY_TYPES = new Set(['行政确认', '行政给付', '公共服务']);

const TIME_LIMITS = ['当场办结', '1个工作日', '3个工作日', '5个工作日', '7个工作日', '10个工作日', '15个工作日', '20个工作日'];
const MATERIAL_NOTES = ['原件，看过就还您', '复印件一份', '已电子化的不用带', '本机可以现场拍照或扫描', null];
const PERMIT_FEES = [1000, 2000, 5000];
const LEVY_FEES = [5000, 10000, 20000, 38000];

class CodeAllocator {
  private readonly next = new Map<string, number>();

  /** Next 5-digit main item number for a type code. */
  main(type: string): number {
    const n = (this.next.get(type) ?? 0) + 1;
    this.next.set(type, n);
    return n;
  }
}

function code(type: string, main: number, sub: number): string {
  return `${type}${String(main).padStart(5, '0')}${String(sub).padStart(3, '0')}`;
}

/**
 * The applicant's fields. Only an item the office may have to call back
 * about asks a phone number: a query (answered on the spot) and a
 * certificate (printed on the spot) ask none.
 */
function identityFields(withAddress: boolean, onTheSpot = false): FormField[] {
  const fields: FormField[] = [
    { id: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name', maxLength: 50 },
    { id: 'idNumber', label: '身份证号码', kind: 'text', required: true, prefill: 'idNumber', maxLength: 18 },
  ];
  if (!onTheSpot) fields.push({ id: 'phone', label: '手机号码', kind: 'phone', required: true, prefill: null, maxLength: 11 });
  if (withAddress) fields.push({ id: 'address', label: '住址', kind: 'text', required: false, prefill: 'address', maxLength: 200 });
  return fields;
}

function extraField(spec: string, index: number): FormField {
  const [label = '', kind = 'text', options] = spec.split('|');
  const field: FormField = {
    id: `field${index + 1}`,
    label,
    kind: kind as FormField['kind'],
    required: true,
    prefill: null,
    maxLength: kind === 'number' ? 30 : 100,
  };
  if (kind === 'select' && options) field.options = options.split('/');
  return field;
}

/** A guide note that promises capture at the terminal becomes the material's `capture`, not text the kiosk would have to honour blindly. */
function withCapture(material: Material): Material {
  if (!material.note?.startsWith('本机可以现场')) return material;
  return { ...material, note: null, capture: material.note.includes('扫描') ? 'scan' : 'photo' };
}

function wellKnownMaterial(spec: string, index: number): Material {
  const [name = '', required, note, electronic] = spec.split('|');
  return withCapture({ id: `m${index + 1}`, name, required: required === '1', note: note || null, electronic: electronic === '1' });
}

function buildWellKnown(item: WellKnownItem, itemCode: string): ServiceDetail {
  return {
    code: itemCode,
    name: item.name,
    department: item.department,
    category: item.category,
    itemType: TYPE_NAMES[item.type]!,
    queueable: item.queueable,
    output: item.output,
    feeFen: item.feeFen,
    guide: {
      summary: item.summary,
      whoCanApply: item.who,
      timeLimit: item.timeLimit,
      resultDelivery: resultDeliveryFor(item.output, item.queueable),
      feeDescription: feeDescriptionFor(item.feeFen),
      legalBasis: item.legalBasis,
    },
    materials: item.materials.map(wellKnownMaterial),
    form: [...identityFields(item.address, item.kind === 'query' || item.output === 'certificate'), ...item.fields.map(extraField)],
    lifeEvents: [],
    keywords: keywordsFor(item.name),
    casesLastYear: wellKnownCases(item.name),
    ...(item.kind === 'query' ? { kind: 'query' as const } : {}),
    delegable: item.kind !== 'query' && item.delegable !== false,
  };
}

function outputFor(action: string): ServiceDetail['output'] {
  if (action.includes('开具') || action.includes('打印')) return 'certificate';
  if (action.includes('预约') || action.includes('咨询') || action.includes('报名')) return 'none';
  return 'receipt';
}

function feeFor(rng: SeededRandom, type: string, action: string): number {
  if (type === 'ZS' && action.includes('缴纳')) return rng.pick(LEVY_FEES);
  if (type === 'XK' && /补|换/.test(action) && rng.chance(0.5)) return rng.pick(PERMIT_FEES);
  if (type === 'XK' && rng.chance(0.08)) return rng.pick(PERMIT_FEES);
  return 0;
}

function buildGenerated(
  rng: SeededRandom,
  dept: DepartmentSpec,
  type: string,
  category: string,
  subject: string,
  action: string,
  scope: string | null,
  itemCode: string,
  rank: { action: number; scope: number },
): ServiceDetail {
  const base = action.replace('{}', subject);
  const name = scope ? `${base}（${scope}）` : base;
  const output = outputFor(action);
  const feeFen = feeFor(rng, type, action);
  const isQuery = action.includes('查询');
  const queueable = output !== 'certificate' && feeFen === 0 && !isQuery;
  const quick = isQuery || output !== 'receipt' || type === 'ZS';
  const timeLimit = quick ? '当场办结' : rng.pick(type === 'XK' ? TIME_LIMITS.slice(3) : TIME_LIMITS);
  const laws = rng.sample(dept.laws, rng.int(1, 2));
  const materials: Material[] = [{ id: 'm1', name: '居民身份证', required: true, note: '刷卡即可，不收走', electronic: true }];
  if (!isQuery) {
    for (const [i, m] of rng.sample(dept.materials, rng.int(0, 3)).entries()) {
      const note = rng.pick(MATERIAL_NOTES);
      materials.push(withCapture({ id: `m${i + 2}`, name: m, required: rng.chance(0.7), note, electronic: note === '已电子化的不用带' }));
    }
  }
  const extras = isQuery ? [] : rng.sample(dept.fields, rng.int(0, 2)).map(extraField);
  return {
    code: itemCode,
    name,
    department: dept.name,
    category,
    itemType: TYPE_NAMES[type]!,
    queueable,
    output,
    feeFen,
    guide: {
      summary: summaryFor(subject, name, action, type, scope),
      whoCanApply: dept.who,
      timeLimit,
      resultDelivery: resultDeliveryFor(output, queueable),
      feeDescription: feeDescriptionFor(feeFen),
      legalBasis: laws.join('；'),
    },
    materials,
    form: [...identityFields(!isQuery && output !== 'none', isQuery || output === 'certificate'), ...extras],
    lifeEvents: [],
    keywords: keywordsFor(name),
    casesLastYear: generatedCases(name, rank.action, rank.scope),
    ...(isQuery ? { kind: 'query' as const } : {}),
    // Permits (行政许可) and queries are the person's own; every other application may be made by a family member (代办).
    delegable: !isQuery && type !== 'XK',
  };
}

/**
 * Generates the reference catalogue: the well-known items, then every
 * department subject × action × scope, with life-event bundles linked both
 * ways, and each item's text in the other kiosk languages (`i18n`, see
 * item-i18n.ts: Traditional Chinese for all, English and Uyghur where the
 * translation tables have it). Pure and deterministic: the same seed gives byte-identical output.
 *
 * @param seed PRNG seed, default {@link CATALOGUE_SEED}.
 */
export function generateCatalogue(seed: number = CATALOGUE_SEED): GeneratedCatalogue {
  const rng = new SeededRandom(seed);
  const codes = new CodeAllocator();
  const items: ServiceDetail[] = [];
  const names = new Set<string>();

  for (const wk of WELL_KNOWN_ITEMS) {
    items.push(buildWellKnown(wk, code(wk.type, codes.main(wk.type), 1)));
    names.add(wk.name);
  }

  for (const dept of DEPARTMENT_SPECS) {
    for (const line of dept.subjects) {
      const [type = 'GG', category = '', subject = '', actionList = '', scopeList = ''] = line.split('|');
      const actions = actionList ? actionList.split(',') : DEFAULT_ACTIONS[type]!;
      const scopes: (string | null)[] = scopeList ? scopeList.split(',') : [null];
      actions.forEach((action, a) => {
        const main = codes.main(type);
        scopes.forEach((scope, s) => {
          const item = buildGenerated(rng, dept, type, category, subject, action, scope, code(type, main, s + 1), { action: a, scope: s });
          if (names.has(item.name)) return;
          names.add(item.name);
          items.push(item);
        });
      });
    }
  }

  const cityItems = items.slice(WELL_KNOWN_ITEMS.length).filter((i) => COUNTY_TYPES.has(i.itemType));
  for (const county of COUNTIES) {
    for (const city of cityItems) {
      const local: ServiceDetail = structuredClone(city);
      local.code = `${city.code}-${county.code}`;
      local.name = `${city.name}（${county.name}）`;
      local.guide.whoCanApply = `${city.guide.whoCanApply}由${county.name}${city.department}受理。`;
      local.region = county.code;
      local.implements = city.code;
      items.push(local);
    }
  }

  const byName = new Map(items.map((i) => [i.name, i]));
  const lifeEvents: LifeEvent[] = LIFE_EVENT_SPECS.map((spec) => {
    const members = spec.items.map((n) => {
      const item = byName.get(n);
      if (!item) throw new Error(`life event ${spec.id} names unknown item ${n}`);
      item.lifeEvents.push(spec.id);
      return item.code;
    });
    return { id: spec.id, name: spec.name, i18n: nameI18n(spec.name), itemCodes: members };
  });
  // Last, once every Chinese text is final: the other languages are derived from it.
  for (const item of items) item.i18n = itemI18n(item);

  return { items, lifeEvents };
}
