import { describe, expect, it } from 'vitest';
import { caseId, isFake } from '../../../src/domain/index.js';
import { generateDemoCase } from '../../../src/casepack/generate-case.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';

describe('a demo case, end to end in Node', () => {
  it('an authentic case carries its authenticity cues and no original', () => {
    const c = generateDemoCase({ id: caseId('r'), simSeed: 11, forgery: null });
    expect(c.truth.kind).toBe('authentic');
    if (c.truth.kind === 'authentic') expect(c.truth.authenticityCues.length).toBeGreaterThan(0);
    expect(c.original).toBeNull();
    expect(Math.max(c.image.width, c.image.height)).toBeGreaterThanOrEqual(1536);
  });

  it.each(Object.keys(TECHNIQUES))('a %s fake keeps its original and names its tells', (techniqueId) => {
    const c = generateDemoCase({ id: caseId('f'), simSeed: 12, forgery: [{ techniqueId, level: 'obvious', seed: 5 }] });
    expect(isFake(c.truth)).toBe(true);
    expect(c.original).not.toBeNull();
    if (c.truth.kind !== 'forged') throw new Error('expected a forged truth');
    expect(c.truth.tells.length).toBeGreaterThan(0);
    expect(c.truth.tells.every((t) => t.regions.length > 0 && t.explanation.length > 40 && t.howToSee.length > 20)).toBe(true);
    let differing = 0;
    for (let i = 0; i < c.image.data.length; i++) if (c.image.data[i] !== c.original?.data[i]) differing++;
    expect(differing).toBeGreaterThan(500);
  });
});
