import { describe, expect, it } from 'vitest';
import { materialRoute, windowMaterials } from './material-route';
import { precheckApplication } from './precheck';

const photo = { id: 'photo', required: true, electronic: false, capture: 'photo' as const };
const paper = { id: 'proof', required: true, electronic: false };
const held = { id: 'hukou', required: true, electronic: true, capture: 'scan' as const };

describe('materialRoute', () => {
  it('sends a material the platform takes captured to the window when this terminal cannot capture it, never to the tick list', () => {
    expect(materialRoute(photo)).toBe('window');
    expect(materialRoute(photo, true)).toBe('checklist');
    expect(materialRoute(paper)).toBe('checklist');
    expect(materialRoute({ ...paper, capture: null })).toBe('checklist');
    expect(materialRoute(held)).toBe('electronic');
  });

  it('lists the window materials in catalogue order', () => {
    expect(windowMaterials([paper, photo, held, { ...photo, id: 'scan', capture: 'scan' as const }]).map((m) => m.id)).toEqual(['photo', 'scan']);
  });
});

describe('precheckApplication with materials handed in at the window', () => {
  it('does not hold the application back for them (the window takes them), but still for a paper material not ticked', () => {
    expect(precheckApplication([], {}, [photo], [])).toEqual([]);
    expect(precheckApplication([], {}, [photo, paper], [])).toEqual([{ target: 'material', id: 'proof', problem: 'missing' }]);
  });

  it('asks for them on a terminal that can capture them', () => {
    expect(precheckApplication([], {}, [photo], [], true)).toEqual([{ target: 'material', id: 'photo', problem: 'missing' }]);
  });
});
