/**
 * The same properties on the chest simulator's output, with its anatomy as hints. The simulator is being written
 * in parallel (src/imaging/simulate-chest.ts); until it exists this file skips instead of failing.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Polygon } from '../../../src/domain/geometry.js';
import type { ForgeryHints } from '../../../src/forgery/types.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { runTechniqueProperties } from './properties.js';

interface SimulatedChest {
  readonly image: GrayImage;
  readonly anatomy: {
    readonly lungs: { readonly right: Polygon; readonly left: Polygon };
    readonly midlineX: number;
    readonly mediastinum: Polygon;
    readonly marker: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  };
}
type SimulateChest = (seed: number, opts: { width: number; height: number }) => SimulatedChest;

const modulePath = fileURLToPath(new URL('../../../src/imaging/simulate-chest.ts', import.meta.url));
const hasSimulator = existsSync(modulePath);
// A variable specifier keeps the type checker from requiring the module before it exists.
const specifier = '../../../src/imaging/simulate-chest.js';

let subject: { image: GrayImage; hints: ForgeryHints } | undefined;

async function load(): Promise<{ image: GrayImage; hints: ForgeryHints }> {
  if (subject) return subject;
  const mod = (await import(/* @vite-ignore */ specifier)) as { simulateChest?: SimulateChest };
  if (typeof mod.simulateChest !== 'function') throw new Error('simulate-chest.ts does not export simulateChest()');
  const { image, anatomy } = mod.simulateChest(3, { width: 768, height: 768 });
  subject = { image, hints: { lungs: anatomy.lungs, midlineX: anatomy.midlineX, mediastinum: anatomy.mediastinum, marker: anatomy.marker } };
  return subject;
}

describe.skipIf(!hasSimulator)('forgery techniques on simulateChest(3, 768x768)', () => {
  let loaded: { image: GrayImage; hints: ForgeryHints } | undefined;
  it('loads the simulator with its anatomy', async () => {
    loaded = await load();
    expect(loaded.image.width).toBe(768);
    expect(loaded.hints.lungs?.right.length).toBeGreaterThan(2);
  });
  runTechniqueProperties({
    label: 'simulated',
    get: () => {
      if (!loaded) throw new Error('simulator not loaded (see the first test in this file)');
      return loaded;
    },
  });
});
