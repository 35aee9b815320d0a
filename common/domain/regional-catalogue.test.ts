import { describe, expect, it } from 'vitest';
import { regionalCatalogue, regionLevels } from './regional-catalogue';

const items = [
  { code: 'GG00001001' },
  { code: 'GG00002001' },
  { code: 'GG00002001-410102', region: '410102', implements: 'GG00002001' },
  { code: 'GG00002001-410103', region: '410103', implements: 'GG00002001' },
  { code: 'GG00003001' },
  { code: 'GG00003001-410100', region: '410100', implements: 'GG00003001' },
  { code: 'GG00003001-410102', region: '410102', implements: 'GG00003001' },
  { code: 'GG00004001-420100', region: '420100', implements: 'GG00004001' },
  { code: 'GG00004001' },
];

describe('regionLevels', () => {
  it('goes from the division up to its province', () => {
    expect(regionLevels('410102')).toEqual(['410102', '410100', '410000']);
    expect(regionLevels('410100')).toEqual(['410100', '410000']);
    expect(regionLevels('410000')).toEqual(['410000']);
  });

  it('refuses what is not a six-digit code', () => {
    expect(() => regionLevels('4101')).toThrow(RangeError);
    expect(() => regionLevels('41010x')).toThrow(RangeError);
  });
});

describe('regionalCatalogue', () => {
  it('lists one entry per basic item: the most local implementation for this district, none of other districts', () => {
    const view = regionalCatalogue(items, '410102');
    expect(view.items.map((i) => i.code)).toEqual(['GG00001001', 'GG00002001-410102', 'GG00003001-410102', 'GG00004001']);
  });

  it('uses the city implementation where the district has none', () => {
    const view = regionalCatalogue(items, '410103');
    expect(view.items.map((i) => i.code)).toEqual(['GG00001001', 'GG00002001-410103', 'GG00003001-410100', 'GG00004001']);
  });

  it('without a region shows the basic list only', () => {
    expect(regionalCatalogue(items, null).items.map((i) => i.code)).toEqual(['GG00001001', 'GG00002001', 'GG00003001', 'GG00004001']);
  });

  it('maps a basic code (a life event names basic items) to the entry shown in its place, and another district\u2019s entry too', () => {
    const view = regionalCatalogue(items, '410102');
    expect(view.shownAs('GG00002001')).toBe('GG00002001-410102');
    expect(view.shownAs('GG00002001-410103')).toBe('GG00002001-410102');
    expect(view.shownAs('GG00001001')).toBe('GG00001001');
    expect(view.shownAs('nope')).toBeNull();
  });

  it('does not offer an implementation of a division elsewhere whose basic item is missing', () => {
    const view = regionalCatalogue([{ code: 'X-420100', region: '420100', implements: 'X' }], '410102');
    expect(view.items).toEqual([]);
    expect(view.shownAs('X-420100')).toBeNull();
  });
});
