import { describe, expect, it } from 'vitest';
import { simulateChest } from '../../../src/simulator/index.js';

/**
 * The authentic film's rotation cue names the clavicle head that lies nearer the spinous processes. Rotation shears
 * the anterior clavicle heads against the posterior processes (simulator/geometry.ts), so on a clearly rotated
 * patient the nearer head is on the side the rotation turns forward, whatever the spine's curve: the cue must measure
 * against the processes at the clavicles' level, not the spine's centre lower down, which a scoliosis moves sideways.
 */
const nearerSide = (cues: readonly string[]): string | undefined => cues.map((c) => /medial (right|left) clavicle head/.exec(c)?.[1]).find(Boolean);

describe('rotation cue', () => {
  it('names the side the patient is rotated to on every clearly rotated film, scoliosis or not', () => {
    const wrong: string[] = [];
    let checked = 0;
    let scoliotic = 0;
    for (let seed = 1; checked < 24 && seed < 400; seed++) {
      // A small film: the cue depends on the geometry, not the pixel count.
      const sim = simulateChest(seed, { width: 256, height: 288 });
      if (Math.abs(sim.patient.rotationDeg) < 2) continue;
      checked++;
      if (Math.abs(sim.patient.scoliosisMm) >= 6) scoliotic++;
      // Positive rotation moves anterior structures towards image right: the patient's right clavicle head (image left)
      // comes nearer the processes (x = cx + s * mag * (X + rot * Z - X0)).
      const expected = sim.patient.rotationDeg > 0 ? 'right' : 'left';
      const said = nearerSide(sim.authenticityCues);
      if (said !== expected) wrong.push(`seed ${seed}: rotation ${sim.patient.rotationDeg.toFixed(1)} deg, scoliosis ${sim.patient.scoliosisMm.toFixed(1)} mm, cue says ${said}`);
    }
    expect(checked).toBe(24);
    expect(scoliotic, 'the sample should include scoliotic spines').toBeGreaterThan(2);
    expect(wrong).toEqual([]);
  }, 60_000);
});
