/**
 * A real film that none of its planned forgery techniques fits (NIH 00027061: a low-contrast portable film on which
 * no usable lung is found, so every lung-placed technique refuses) is a sound film: the pack keeps it as a real case
 * and says so in a warning, instead of dropping it as "corrupt".
 */
import { describe, expect, it } from 'vitest';
import { buildPack, planPack } from '../../../../src/authoring/build/index.js';
import type { Probe } from '../../../../src/authoring/build/probe.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { decodeInput } from '../../../../src/authoring/ingest/decode-input.js';
import { forge } from '../../../../src/forgery/index.js';
import { normaliseImage } from '../../../../src/imaging/index.js';
import { buildOptions, memoryInputs, memorySink, sharedFiles } from '../../../helpers/pack-inputs.js';

const codecs = createCodecSet();
const film = sharedFiles('real/chest/nih-cxr14', 1, 'dept/real/nih', (f) => f === '00027061_000.png');
// A pack needs real and fake cases: another real film (sorted before it, as buildPack orders inputs) and an AI image.
const other = sharedFiles('real/chest/nih-cxr14', 1, 'dept/real/nih', (f) => f === '00000075_000.png');
const synthetic = sharedFiles('synthetic/roentgen-v2', 1, 'dept/synthetic/rg2', (f) => f === 'rg2_r1c1.png');

describe('a planned forgery that fits no technique', () => {
  it('keeps the film as a real case, with a warning naming the techniques that refused', async () => {
    expect(film).toHaveLength(1);
    const served = normaliseImage((await decodeInput(film[0] as (typeof film)[0], codecs, { salt: 'test-salt' })).image, { size: 512, bits: 8 });
    // A pack seed whose plan gives this film only techniques that refuse it (searched, not assumed).
    const refuses = new Map<string, boolean>();
    const refused = (step: { techniqueId: string; level: string; seed: number }): boolean => {
      const key = `${step.techniqueId}/${step.level}/${step.seed}`;
      if (!refuses.has(key)) {
        let threw = false;
        try {
          forge(served, [step as Parameters<typeof forge>[1][0]]);
        } catch {
          threw = true;
        }
        refuses.set(key, threw);
      }
      return refuses.get(key) as boolean;
    };
    const probe = { label: { label: 'real' } } as unknown as Probe;
    const real2 = { label: { label: 'real' } } as unknown as Probe;
    const syn = { label: { label: 'synthetic' } } as unknown as Probe;
    let seed = -1;
    for (let s = 1; s <= 2000 && seed < 0; s++) {
      const planned = planPack([real2, probe, syn], s, 0.5).find((p) => p.probe === probe);
      if (planned?.kind === 'forged' && planned.candidates.every(refused)) seed = s;
    }
    expect(seed, 'some pack seed plans only refusing techniques for this film').toBeGreaterThan(0);

    const sink = memorySink();
    const built = await buildPack(memoryInputs([...other, ...film, ...synthetic]), buildOptions({ seed, forgedShare: 0.5, leakThreshold: 1 }), { codecs, sink });
    expect(built.ok, built.ok ? '' : built.error).toBe(true);
    if (!built.ok) return;
    expect(built.manifest.cases.map((c) => c.truth.kind).sort()).toEqual(['authentic', 'authentic', 'synthetic']);
    expect(built.manifest.cases.every((c) => c.original === undefined)).toBe(true);
    expect([...sink.files.keys()].filter((p) => p.startsWith('originals/'))).toEqual([]);
    expect(built.report.bad).toEqual([]);
    expect(built.report.included).toEqual({ authentic: 2, synthetic: 1, forged: 0 });
    const warning = built.report.warnings.find((w) => /kept as a real case/.test(w));
    expect(warning).toMatch(/none of the 3 forgery techniques planned for it fitted its image/);
    expect(warning).toMatch(/no room|lung/i);
    expect(warning, 'each technique named once').not.toMatch(/([a-z-]+): \1:/);
  }, 60_000);
});
