import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ServiceDetailSchema } from '../../common/contract/schemas';
import { CatalogueVersions } from './catalogue-versions';
import { generateCatalogue } from './generate-catalogue';
import { WELL_KNOWN_ITEMS } from './well-known-items';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('generated catalogue', () => {
  const catalogue = generateCatalogue();

  it('has at least 3,000 items, every one valid against ServiceDetailSchema', () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(3000);
    const invalid = catalogue.items.filter((i) => !ServiceDetailSchema.safeParse(i).success).map((i) => i.code);
    expect(invalid).toEqual([]);
  });

  it('marks every 查询 item a query (kind) that needs the platform and asks no phone number; nothing else is one; certificates ask none either', () => {
    const queries = catalogue.items.filter((i) => i.kind === 'query');
    expect(queries.map((i) => i.name)).toEqual(expect.arrayContaining(['社保查询', '住房公积金查询']));
    expect(queries.length).toBeGreaterThan(50);
    for (const q of queries) {
      expect(q.name).toContain('查询');
      expect(q.queueable).toBe(false);
      expect(q.form.some((f) => f.kind === 'phone')).toBe(false);
    }
    // A certificate printed on the spot has nothing to call back about either; an application that is processed later does.
    const certificates = catalogue.items.filter((i) => i.output === 'certificate');
    expect(certificates.map((i) => i.name)).toContain('社会保险参保缴费证明打印');
    expect(certificates.filter((i) => i.form.some((f) => f.kind === 'phone')).map((i) => i.name)).toEqual([]);
    expect(catalogue.items.find((i) => i.name === '城乡居民养老保险参保登记')?.form.some((f) => f.kind === 'phone')).toBe(true);
    const applications = catalogue.items.filter((i) => i.kind !== 'query');
    expect(applications.some((i) => i.name === '社会保障卡申领' && i.kind === undefined)).toBe(true);
  });

  it('is deterministic: the same hash on every generation', () => {
    expect(hash(generateCatalogue())).toBe(hash(catalogue));
    expect(hash(generateCatalogue(1))).not.toBe(hash(catalogue));
  });

  it('uses unique GB/T 39554.1-style codes and unique names', () => {
    const codes = catalogue.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(catalogue.items.map((i) => i.name)).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^(XK|QR|JF|ZS|GG|CJ|QT)\d{5}\d{3}(-\d{6})?$/);
  });

  it('contains the well-known items, with exactly-named 社保查询', () => {
    const names = new Set(catalogue.items.map((i) => i.name));
    for (const n of ['社保查询', '城乡居民养老保险参保登记', '出生医学证明', '新生儿落户', '居住证办理', '退休申请', '医保异地就医备案', '残疾人证办理', '无犯罪记录证明']) {
      expect(names.has(n), n).toBe(true);
    }
    const nocr = catalogue.items.find((i) => i.name === '无犯罪记录证明')!;
    expect(nocr).toMatchObject({ output: 'certificate', queueable: false });
    expect(catalogue.items.slice(0, WELL_KNOWN_ITEMS.length).map((i) => i.name)).toEqual(WELL_KNOWN_ITEMS.map((w) => w.name));
  });

  it('is mostly free and mostly queueable; fee and certificate items need the platform', () => {
    const free = catalogue.items.filter((i) => i.feeFen === 0).length;
    const queueable = catalogue.items.filter((i) => i.queueable).length;
    expect(free / catalogue.items.length).toBeGreaterThan(0.9);
    expect(queueable / catalogue.items.length).toBeGreaterThan(0.6);
    expect(catalogue.items.filter((i) => (i.feeFen > 0 || i.output === 'certificate') && i.queueable)).toEqual([]);
  });

  it('prefills identity fields and links life events both ways', () => {
    for (const item of catalogue.items) {
      expect(item.form.find((f) => f.id === 'name')?.prefill).toBe('name');
      expect(item.form.find((f) => f.id === 'idNumber')?.prefill).toBe('idNumber');
    }
    const byCode = new Map(catalogue.items.map((i) => [i.code, i]));
    expect(catalogue.lifeEvents.map((e) => e.name)).toEqual(expect.arrayContaining(['新生儿出生一件事', '退休一件事', '身后一件事', '企业开办一件事', '入学一件事']));
    for (const e of catalogue.lifeEvents) {
      expect(e.itemCodes.length).toBeGreaterThanOrEqual(3);
      for (const c of e.itemCodes) expect(byCode.get(c)?.lifeEvents).toContain(e.id);
    }
  });
});

describe('catalogue versions', () => {
  it('bumps deterministically and serves deltas until the history runs out', () => {
    const a = new CatalogueVersions(generateCatalogue(), 3, WELL_KNOWN_ITEMS.length);
    const b = new CatalogueVersions(generateCatalogue(), 3, WELL_KNOWN_ITEMS.length);
    const size = a.size;
    const bump = a.bump(5);
    expect(b.bump(5)).toEqual(bump);
    expect(bump.version).toBe(2);
    expect(bump.changed).toHaveLength(5);
    expect(a.size).toBe(size);
    expect(a.find(bump.removed[0]!)).toBeUndefined();
    expect(a.isKnown(bump.removed[0]!)).toBe(true);
    expect(ServiceDetailSchema.safeParse(a.find(bump.added[0]!)).success).toBe(true);

    const d = a.since(1);
    expect(d).toMatchObject({ version: 2, full: false, removed: bump.removed });
    expect(d.items.map((i) => i.code).sort()).toEqual([...bump.changed, ...bump.added].sort());
    a.bump();
    a.bump();
    a.bump();
    expect(a.since(1).full).toBe(true);
    expect(a.since(3).full).toBe(false);
    expect(a.since(5).items).toEqual([]);
    expect(a.since(null).items).toHaveLength(a.size);
    const wellKnown = new Set(generateCatalogue().items.slice(0, WELL_KNOWN_ITEMS.length).map((i) => i.code));
    for (let v = 0; v < 30; v++) for (const c of a.bump(3).removed) expect(wellKnown.has(c)).toBe(false);
  });
});
