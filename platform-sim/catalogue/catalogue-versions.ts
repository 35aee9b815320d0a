import type { ServiceDetail } from '../../common/contract/schemas';
import { CATALOGUE_SEED, type GeneratedCatalogue, type LifeEvent } from './generate-catalogue';
import { SeededRandom } from './prng';
import { itemI18n } from './item-i18n';

/** What `GET /api/v1/catalogue` returns, without `serverTime`. */
export interface CatalogueDelta {
  version: number;
  /** True when `items` is the whole catalogue and `removed` is empty. */
  full: boolean;
  items: ServiceDetail[];
  /** Codes removed since the requested version. */
  removed: string[];
  /** Absent from a compact delta (the life events did not change: they never do in platform-sim). */
  lifeEvents?: LifeEvent[];
  /** Compact delta only: single texts changed (in order), for items not otherwise changed. */
  patches?: CataloguePatch[];
}

/** One text of one item changed in one language (`zh-CN`: the Chinese field itself). */
export interface CataloguePatch {
  code: string;
  locale: 'zh-CN' | 'zh-TW' | 'en' | 'ug';
  field: 'name';
  text: string;
}

/** What one bump changed. */
export interface BumpResult {
  version: number;
  changed: string[];
  added: string[];
  removed: string[];
}

interface VersionChange {
  changed: Set<string>;
  removed: Set<string>;
  /** Text edits of this version (`editName`). */
  patches?: CataloguePatch[];
}

const NEW_ITEMS: { name: string; department: string; category: string }[] = [
  { name: '电动自行车登记上牌', department: '公安局', category: '交通管理' },
  { name: '老年人免费乘车卡办理', department: '交通运输局', category: '出行服务' },
  { name: '长期护理保险待遇申请', department: '医保局', category: '待遇支付' },
  { name: '托育机构备案', department: '卫健委', category: '妇幼健康' },
  { name: '个人养老金制度参加信息查询', department: '人社局', category: '社会保险' },
  { name: '灵活就业人员住房公积金自愿缴存', department: '公积金中心', category: '缴存' },
  { name: '适老化改造补贴申请', department: '民政局', category: '老年人福利' },
  { name: '新就业形态劳动者职业伤害保障查询', department: '人社局', category: '社会保险' },
];

/**
 * The catalogue's version history. Version 1 is the generated catalogue; each
 * {@link bump} makes the next version by changing a few items, removing one and
 * adding one, deterministically (seeded by the new version number), so a
 * restart that replays the same bumps rebuilds exactly the same catalogue.
 */
export class CatalogueVersions {
  private readonly items = new Map<string, ServiceDetail>();
  private readonly everKnown = new Set<string>();
  private readonly history = new Map<number, VersionChange>();
  private readonly protectedCodes: Set<string>;
  private readonly lifeEvents: LifeEvent[];
  private current = 1;
  private fullCache: { version: number; json: string } | null = null;

  /**
   * @param base the generated catalogue (not copied: do not reuse it elsewhere).
   * @param keepVersions how many versions of delta history to keep (default 50);
   *   a `since` older than that gets the full catalogue.
   * @param protectedCount leading items never removed by a bump (the well-known items).
   */
  constructor(
    base: GeneratedCatalogue,
    private readonly keepVersions = 50,
    protectedCount = 0,
  ) {
    for (const item of base.items) {
      this.items.set(item.code, item);
      this.everKnown.add(item.code);
    }
    this.lifeEvents = base.lifeEvents;
    this.protectedCodes = new Set(base.items.slice(0, protectedCount).map((i) => i.code));
    for (const e of base.lifeEvents) for (const c of e.itemCodes) this.protectedCodes.add(c);
  }

  /** Current version number (1 = as generated). */
  get version(): number {
    return this.current;
  }

  /** Number of items in the current version. */
  get size(): number {
    return this.items.size;
  }

  /** The current item with this code, if any. */
  find(code: string): ServiceDetail | undefined {
    return this.items.get(code);
  }

  /** True when the code exists now or existed in any earlier version (queued offline submissions stay valid). */
  isKnown(code: string): boolean {
    return this.everKnown.has(code);
  }

  /**
   * Makes the next version: changes `changes` items (clamped to 1..50), removes
   * one unprotected item and adds one new item.
   */
  bump(changes = 3): BumpResult {
    const next = this.current + 1;
    const rng = new SeededRandom((CATALOGUE_SEED ^ Math.imul(next, 0x9e3779b1)) >>> 0);
    const count = Math.min(50, Math.max(1, Math.floor(changes)));
    const candidates = [...this.items.keys()].filter((c) => !this.protectedCodes.has(c));
    const picked = rng.sample(candidates, count + 1);
    const removedCode = picked.pop()!;
    const changed: string[] = [];
    for (const c of picked) {
      const item = structuredClone(this.items.get(c)!);
      const days = rng.int(1, 5);
      item.guide.timeLimit = `${days}个工作日（第${next}版起提速）`;
      const optional = item.materials.findIndex((m) => m.id !== 'm1' && !m.electronic);
      if (optional >= 0) item.materials[optional] = { ...item.materials[optional]!, electronic: true, note: '已电子化的不用带' };
      item.i18n = itemI18n(item);
      this.items.set(c, item);
      changed.push(c);
    }
    this.items.delete(removedCode);
    const added = this.newItem(next, rng);
    this.items.set(added.code, added);
    this.everKnown.add(added.code);
    changed.push(added.code);
    this.history.set(next, { changed: new Set(changed), removed: new Set([removedCode]) });
    this.history.delete(next - this.keepVersions);
    this.current = next;
    this.fullCache = null;
    return { version: next, changed: picked, added: [added.code], removed: [removedCode] };
  }

  /**
   * Makes the next version by changing one text of one item: its name in
   * `locale` (`zh-CN` the Chinese name itself, else its `i18n` entry). Returns
   * null for an unknown code.
   */
  editName(code: string, locale: 'zh-CN' | 'zh-TW' | 'en' | 'ug', name: string): BumpResult | null {
    const found = this.items.get(code);
    if (!found) return null;
    const item = structuredClone(found);
    if (locale === 'zh-CN') item.name = name;
    else item.i18n = { ...item.i18n, [locale]: { ...item.i18n?.[locale], name } };
    const next = this.current + 1;
    this.items.set(code, item);
    this.history.set(next, { changed: new Set(), removed: new Set(), patches: [{ code, locale, field: 'name', text: name }] });
    this.history.delete(next - this.keepVersions);
    this.current = next;
    this.fullCache = null;
    return { version: next, changed: [code], added: [], removed: [] };
  }

  /**
   * Items changed since `since`. Full catalogue when `since` is null, not a
   * known version, in the future, or older than the kept history. `compact`
   * (the kiosk asked `compact=1`): an item whose only changes are text edits
   * comes as `patches`, and `lifeEvents` is left out (unchanged).
   */
  since(since: number | null, compact = false): CatalogueDelta {
    const full = since === null || !Number.isInteger(since) || since < 1 || since > this.current || since < this.current - this.keepVersions + 1;
    if (full) return { version: this.current, full: true, items: [...this.items.values()], removed: [], lifeEvents: this.lifeEvents };
    const changed = new Set<string>();
    const removed = new Set<string>();
    const patches: CataloguePatch[] = [];
    for (let v = since + 1; v <= this.current; v++) {
      const h = this.history.get(v)!;
      for (const c of h.changed) changed.add(c);
      for (const c of h.removed) removed.add(c);
      patches.push(...(h.patches ?? []));
    }
    // A patched item that also changed otherwise (or without compact) goes whole.
    const patched = compact ? patches.filter((p) => !changed.has(p.code) && this.items.has(p.code)) : [];
    for (const p of patches) if (!patched.includes(p)) changed.add(p.code);
    const items = [...changed].filter((c) => this.items.has(c)).map((c) => this.items.get(c)!);
    const gone = [...removed, ...changed].filter((c) => !this.items.has(c));
    if (compact) return { version: this.current, full: false, items, removed: [...new Set(gone)], patches: patched };
    return { version: this.current, full: false, items, removed: [...new Set(gone)], lifeEvents: this.lifeEvents };
  }

  /** JSON text of the full delta minus its opening brace, cached per version (the body is ~4 MB). */
  fullJsonTail(): string {
    if (this.fullCache?.version !== this.current) {
      this.fullCache = { version: this.current, json: JSON.stringify(this.since(null)).slice(1) };
    }
    return this.fullCache.json;
  }

  private newItem(version: number, rng: SeededRandom): ServiceDetail {
    const template = NEW_ITEMS[(version - 2) % NEW_ITEMS.length]!;
    const round = Math.floor((version - 2) / NEW_ITEMS.length);
    const name = round === 0 ? template.name : `${template.name}（第${round + 1}批）`;
    const item: ServiceDetail = {
      code: `GG${String(90000 + version).padStart(5, '0').slice(-5)}001`,
      name,
      department: template.department,
      category: template.category,
      itemType: '公共服务',
      queueable: true,
      output: 'receipt',
      feeFen: 0,
      delegable: true,
      guide: {
        summary: `新上线的服务：在这里可以办理“${name}”，按屏幕提示一步一步来就行。`,
        whoCanApply: '本市居民，本人办理。',
        timeLimit: `${rng.int(1, 10)}个工作日`,
        resultDelivery: '提交后打印受理回执；办理结果会用短信告诉您。',
        feeDescription: '不收费。',
        legalBasis: '本市便民服务相关规定',
      },
      materials: [{ id: 'm1', name: '居民身份证', required: true, note: '刷卡即可，不收走', electronic: true }],
      form: [
        { id: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name', maxLength: 50 },
        { id: 'idNumber', label: '身份证号码', kind: 'text', required: true, prefill: 'idNumber', maxLength: 18 },
        { id: 'phone', label: '手机号码', kind: 'phone', required: true, prefill: null, maxLength: 11 },
      ],
      lifeEvents: [],
    };
    item.i18n = itemI18n(item);
    return item;
  }
}
