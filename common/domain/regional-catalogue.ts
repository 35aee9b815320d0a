/** What the regional view needs of a catalogue entry. */
export interface RegionalEntry {
  code: string;
  /** Division code of the implementing office (six digits), or null/absent for the platform's own level. */
  region?: string | null;
  /** Code of the basic item this entry implements, or null/absent. */
  implements?: string | null;
}

/** A six-digit administrative division code (GB/T 2260): two digits province, two city, two county. */
export const REGION_CODE = /^\d{6}$/;

/**
 * The division and the levels above it, most specific first: `410102` (a
 * district) → `410102`, `410100` (its city), `410000` (its province). A code
 * that already names a city or a province starts there.
 */
export function regionLevels(region: string): string[] {
  if (!REGION_CODE.test(region)) throw new RangeError(`not a six-digit division code: ${region}`);
  const levels = [`${region.slice(0, 2)}0000`];
  if (region.slice(2, 4) !== '00') levels.unshift(`${region.slice(0, 4)}00`);
  if (region.slice(4) !== '00') levels.unshift(region);
  return levels;
}

/** The catalogue as one terminal shows it: its entries, and for each basic item shown here, the code that stands for it. */
export interface RegionalCatalogue<T extends RegionalEntry> {
  items: T[];
  /** For a code of the whole catalogue, the code shown here in its place (its local implementation), or itself; null when not offered here. */
  shownAs(code: string): string | null;
}

/**
 * The national basic list as implemented for one place (基本目录 → 实施清单):
 * entries of the platform's own level and entries implemented by the
 * terminal's division or a level above it; for each basic item only the most
 * local implementation, which takes the basic item's place. Entries of other
 * divisions are not shown. `region` null: the basic list only (no local
 * implementation anywhere). Order of `items` is the catalogue's order.
 *
 * @throws RangeError when `region` is given and is not a six-digit code.
 */
export function regionalCatalogue<T extends RegionalEntry>(items: readonly T[], region: string | null): RegionalCatalogue<T> {
  const levels = region === null ? [] : regionLevels(region);
  const rank = (entry: T) => (entry.region ? levels.indexOf(entry.region) : levels.length);
  // The most local implementation of each basic item offered here.
  const chosen = new Map<string, T>();
  for (const entry of items) {
    if (entry.region && !levels.includes(entry.region)) continue;
    const basic = entry.implements ?? entry.code;
    const held = chosen.get(basic);
    if (!held || rank(entry) < rank(held)) chosen.set(basic, entry);
  }
  const shown = new Set([...chosen.values()].map((e) => e.code));
  const byCode = new Map(items.map((e) => [e.code, e]));
  return {
    items: items.filter((e) => shown.has(e.code)),
    shownAs(code) {
      const entry = byCode.get(code);
      if (!entry) return null;
      const instead = chosen.get(entry.implements ?? entry.code);
      return instead ? instead.code : null;
    },
  };
}
