import { createRng, hashString, type ForgeryStep, type Tell } from '../domain/index.js';
import { simulateChest, type SimulatedChest } from '../simulator/index.js';
import { forge, METADATA_TECHNIQUES, NoRoomError, TECHNIQUE_INFO, type ForgeryResult } from '../forgery/index.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';
import { demoHeader } from './demo-header.js';

/**
 * Builds one demo case: simulate the radiograph and its header, then forge it when the spec says so. Pixel steps go
 * through the forgery engine; metadata steps (M2, M3) forge the header and file format. Pure; runs in a worker.
 */
export function generateDemoCase(spec: DemoCaseSpec, clock: () => number = () => 0): PreparedCase {
  const t0 = clock();
  if (!spec.forgery) {
    const sim = simulateChest(spec.simSeed);
    return {
      id: spec.id, image: sim.image, original: null, header: demoHeader(sim, spec.simSeed),
      truth: { kind: 'authentic', authenticityCues: sim.authenticityCues },
      filmFindings: sim.findings,
      generationMs: clock() - t0,
    };
  }
  const { sim, simSeed, recipe, forged } = forgeWithFallback(spec.forgery, spec.simSeed);
  const hints = demoHints(sim);
  let image = forged?.image ?? sim.image;
  const tells: Tell[] = [...(forged?.tells ?? [])];
  let header = demoHeader(sim, simSeed);
  for (const step of recipe) {
    const meta = METADATA_TECHNIQUES[step.techniqueId];
    if (!meta) continue;
    const r = meta.apply(image, header, { level: step.level, hints }, createRng(step.seed));
    image = r.image;
    header = r.header;
    tells.push(...r.tells);
  }
  return {
    id: spec.id, image, original: sim.image, header,
    truth: { kind: 'forged', recipe, tells },
    filmFindings: sim.findings,
    generationMs: clock() - t0,
  };
}

/** The hints a demo case gives the forgery engine: the simulator's anatomy and projection. */
export const demoHints = (sim: SimulatedChest) => ({
  lungs: sim.anatomy.lungs, midlineX: sim.anatomy.midlineX, mediastinum: sim.anatomy.mediastinum, marker: sim.anatomy.marker,
  projection: sim.acquisition.projection, clavicles: sim.anatomy.clavicles,
});

/** Other sites for the same technique (fresh seeds), and other films, tried before a case gives up. */
const OTHER_SITES = 2;
const OTHER_FILMS = 8;

interface Attempt {
  readonly simSeed: number;
  readonly recipe: readonly ForgeryStep[];
}

/**
 * A local technique may find no room on a film (a gastric bubble on a film whose stomach is out of the field). A deck
 * must still make every planned case, the same on every machine, so a one-step pixel recipe falls back in a fixed
 * order, as the case-pack builder does (authoring/build/build-case.ts): the same technique at other sites (seeds
 * derived from the step's), then the other techniques that make all of its tells, then the same technique on other
 * films (so a tell drill keeps its tell). A technique that declines a whole film (NoRoomError.wholeFilm) is not
 * retried at other sites there. The truth records the recipe and film actually used.
 */
function attempts(recipe: readonly ForgeryStep[], simSeed: number): Attempt[] {
  const pixel = recipe.filter((s) => !(s.techniqueId in METADATA_TECHNIQUES));
  const step = pixel[0];
  if (pixel.length !== 1 || !step) return [{ simSeed, recipe }];
  const swap = (to: ForgeryStep): readonly ForgeryStep[] => recipe.map((s) => (s === step ? to : s));
  const derived = (what: string, k: number): number => hashString(`demo-fallback:${what}:${step.seed}:${simSeed}:${k}`) % 2 ** 31;
  const out: Attempt[] = [{ simSeed, recipe }];
  for (let k = 0; k < OTHER_SITES; k++) out.push({ simSeed, recipe: swap({ ...step, seed: derived('site', k) }) });
  const tellsOf = TECHNIQUE_INFO.find((t) => t.id === step.techniqueId)?.artifactIds ?? [];
  // A twin makes every tell of the planned technique, so whatever a drill focuses on (a tell or its category) stays.
  const twins = TECHNIQUE_INFO.filter((t) => t.id !== step.techniqueId && t.scope !== 'metadata' && tellsOf.every((a) => t.artifactIds.includes(a)));
  for (const t of [...twins].sort((a, b) => (a.id < b.id ? -1 : 1))) out.push({ simSeed, recipe: swap({ ...step, techniqueId: t.id }) });
  for (let k = 0; k < OTHER_FILMS; k++) out.push({ simSeed: derived('film', k), recipe });
  return out;
}

function forgeWithFallback(recipe: readonly ForgeryStep[], simSeed: number): { sim: SimulatedChest; simSeed: number; recipe: ForgeryStep[]; forged: ForgeryResult | null } {
  const sims = new Map<number, SimulatedChest>();
  // Film and technique pairs whose technique declined the whole film: its other sites there would decline too.
  const declined = new Set<string>();
  const key = (a: Attempt, pixelSteps: readonly ForgeryStep[]): string => `${a.simSeed}:${pixelSteps.map((s) => `${s.techniqueId}/${s.level}`).join(',')}`;
  for (const a of attempts(recipe, simSeed)) {
    const pixelSteps = a.recipe.filter((s) => !(s.techniqueId in METADATA_TECHNIQUES));
    if (declined.has(key(a, pixelSteps))) continue;
    let sim = sims.get(a.simSeed);
    if (!sim) {
      sim = simulateChest(a.simSeed);
      sims.set(a.simSeed, sim);
    }
    try {
      const forged = pixelSteps.length > 0 ? forge(sim.image, pixelSteps, demoHints(sim)) : null;
      return { sim, simSeed: a.simSeed, recipe: [...a.recipe], forged };
    } catch (e) {
      if (!(e instanceof NoRoomError)) throw e;
      if (e.wholeFilm) declined.add(key(a, pixelSteps));
    }
  }
  // Neutral on purpose: the reader may see it before answering, so it must not name the technique or say "fake".
  throw new Error('This case could not be prepared.');
}
