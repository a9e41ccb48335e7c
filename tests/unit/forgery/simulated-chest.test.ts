/**
 * The same properties on the chest simulator's output, with its anatomy as hints.
 */
import { describe, expect, it } from 'vitest';
import type { ForgeryHints } from '../../../src/forgery/types.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { simulateChest } from '../../../src/simulator/index.js';
import { runTechniqueProperties } from './properties.js';

let subject: { image: GrayImage; hints: ForgeryHints } | undefined;

function load(): { image: GrayImage; hints: ForgeryHints } {
  if (subject) return subject;
  const { image, anatomy } = simulateChest(3, { width: 768, height: 768 });
  subject = { image, hints: { lungs: anatomy.lungs, midlineX: anatomy.midlineX, mediastinum: anatomy.mediastinum, marker: anatomy.marker } };
  return subject;
}

describe('forgery techniques on simulateChest(3, 768x768)', () => {
  it('loads the simulator with its anatomy', () => {
    const loaded = load();
    expect(loaded.image.width).toBe(768);
    expect(loaded.hints.lungs?.right.length).toBeGreaterThan(2);
  });
  runTechniqueProperties({ label: 'simulated', get: load });
});
