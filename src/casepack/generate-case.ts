import { simulateChest } from '../imaging/simulate-chest.js';
import { forge } from '../forgery/catalog.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';

/** Builds one demo case: simulate the radiograph, then forge it when the spec says so. Pure; runs in a worker. */
export function generateDemoCase(spec: DemoCaseSpec, clock: () => number = () => 0): PreparedCase {
  const t0 = clock();
  const sim = simulateChest(spec.simSeed);
  if (!spec.forgery) {
    return {
      id: spec.id,
      image: sim.image,
      original: null,
      truth: { kind: 'authentic', authenticityCues: sim.authenticityCues },
      generationMs: clock() - t0,
    };
  }
  const hints = { lungs: sim.anatomy.lungs, midlineX: sim.anatomy.midlineX, mediastinum: sim.anatomy.mediastinum };
  const result = forge(sim.image, spec.forgery, hints);
  return {
    id: spec.id,
    image: result.image,
    original: sim.image,
    truth: { kind: 'forged', recipe: spec.forgery, tells: result.tells },
    generationMs: clock() - t0,
  };
}
