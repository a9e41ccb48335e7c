import { createRng, type ForgeryStep, type Tell } from '../domain/index.js';
import { simulateChest } from '../simulator/index.js';
import { forge, METADATA_TECHNIQUES } from '../forgery/index.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';
import { demoHeader } from './demo-header.js';

/**
 * Builds one demo case: simulate the radiograph and its header, then forge it when the spec says so. Pixel steps go
 * through the forgery engine; metadata steps (M2, M3) forge the header and file format. Pure; runs in a worker.
 */
export function generateDemoCase(spec: DemoCaseSpec, clock: () => number = () => 0): PreparedCase {
  const t0 = clock();
  const sim = simulateChest(spec.simSeed);
  const header0 = demoHeader(sim, spec.simSeed);
  if (!spec.forgery) {
    return {
      id: spec.id, image: sim.image, original: null, header: header0,
      truth: { kind: 'authentic', authenticityCues: sim.authenticityCues },
      filmFindings: sim.findings,
      generationMs: clock() - t0,
    };
  }
  const hints = { lungs: sim.anatomy.lungs, midlineX: sim.anatomy.midlineX, mediastinum: sim.anatomy.mediastinum, marker: sim.anatomy.marker };
  const pixelSteps: ForgeryStep[] = spec.forgery.filter((s) => !(s.techniqueId in METADATA_TECHNIQUES));
  const forged = pixelSteps.length > 0 ? forge(sim.image, pixelSteps, hints) : null;
  let image = forged?.image ?? sim.image;
  const tells: Tell[] = [...(forged?.tells ?? [])];
  let header = header0;
  for (const step of spec.forgery) {
    const meta = METADATA_TECHNIQUES[step.techniqueId];
    if (!meta) continue;
    const r = meta.apply(image, header, { level: step.level, hints }, createRng(step.seed));
    image = r.image;
    header = r.header;
    tells.push(...r.tells);
  }
  return {
    id: spec.id, image, original: sim.image, header,
    truth: { kind: 'forged', recipe: spec.forgery, tells },
    filmFindings: sim.findings,
    generationMs: clock() - t0,
  };
}
