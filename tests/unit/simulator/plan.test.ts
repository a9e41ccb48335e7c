/**
 * The exam, the patient and the findings a seed draws, without rendering a pixel: the mix of projections, detectors
 * and film sizes, and devices and findings at roughly clinical rates, more on portable films and with age.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import { drawAcquisition } from '../../../src/simulator/acquisition.js';
import { filmFrame } from '../../../src/simulator/film.js';
import { planFindings, type FindingKind } from '../../../src/simulator/findings.js';
import { mag } from '../../../src/simulator/geometry.js';
import { drawPatient } from '../../../src/simulator/patient.js';
import { buildThorax } from '../../../src/simulator/thorax.js';

const N = 1500;
const draws = Array.from({ length: N }, (_, seed) => {
  const rng = createRng(seed + 1);
  const acq = drawAcquisition(rng.fork('acquisition'));
  const patient = drawPatient(rng.fork('patient'), acq.projection);
  const plan = planFindings(rng.fork('findings'), patient, acq);
  return { acq, patient, plan };
});
const share = (f: (d: (typeof draws)[number]) => boolean, of = draws): number => of.filter(f).length / of.length;
const has = (kind: FindingKind) => (d: (typeof draws)[number]): boolean => d.plan.list.some((x) => x.kind === kind);

describe('what a seed draws', () => {
  it('mixes PA wall-stand films with portable AP films, DR and CR, whole detectors and cropped fields', () => {
    expect(share((d) => d.acq.projection === 'PA')).toBeGreaterThan(0.58);
    expect(share((d) => d.acq.projection === 'PA')).toBeLessThan(0.72);
    expect(share((d) => d.acq.detector.kind === 'CR')).toBeGreaterThan(0.15);
    expect(share((d) => d.acq.detector.crop !== null)).toBeGreaterThan(0.25);
    expect(share((d) => d.acq.detector.crop === null && d.acq.detector.width === d.acq.detector.height)).toBeGreaterThan(0.1);
    expect(share((d) => d.acq.marker.style === 'digital')).toBeGreaterThan(0.1);
    for (const d of draws) expect(Math.max(d.acq.detector.width, d.acq.detector.height)).toBeLessThanOrEqual(2048);
  });

  it('puts devices on about a third of films, far more on portable AP films, and lists every drawn item', () => {
    const ap = draws.filter((d) => d.acq.projection === 'AP');
    const pa = draws.filter((d) => d.acq.projection === 'PA');
    expect(share(has('ecg-leads'), ap)).toBeGreaterThan(0.5);
    expect(share(has('ecg-leads'), pa)).toBeLessThan(0.2);
    expect(share(has('central-line'), ap)).toBeGreaterThan(share(has('central-line'), pa) * 4);
    const anyDevice = share((d) => d.plan.list.some((f) => f.category === 'device'));
    expect(anyDevice).toBeGreaterThan(0.2);
    expect(anyDevice).toBeLessThan(0.6);
    expect(share(has('calcified-granuloma'))).toBeGreaterThan(0.04);
    expect(share(has('calcified-granuloma'))).toBeLessThan(0.11);
    expect(share(has('azygos-fissure'))).toBeLessThan(0.03);
    // Every drawn device or finding is in the list, and nothing is listed that was not drawn.
    for (const d of draws) {
      const kinds = new Set(d.plan.list.map((f) => f.kind));
      expect(kinds.has('ecg-leads')).toBe(d.plan.ecg !== null);
      expect(kinds.has('pacemaker')).toBe(d.plan.pacemaker !== null);
      expect(kinds.has('pleural-effusion')).toBe(d.plan.effusion !== null);
      expect(kinds.has('hyperinflation')).toBe(d.patient.hyperinflated);
    }
  });

  it('gives the old more sternotomies, pacemakers and calcified knobs than the young', () => {
    const old = draws.filter((d) => d.patient.age > 65);
    const young = draws.filter((d) => d.patient.age < 45);
    for (const k of ['pacemaker', 'sternotomy-wires', 'aortic-knob-calcification'] as const) expect(share(has(k), old), k).toBeGreaterThan(share(has(k), young));
  });
});

describe('film geometry', () => {
  it('crops a field around the chest that fits the detector, at most 2048 px a side', () => {
    for (const d of draws.slice(0, 200).filter((x) => x.acq.detector.crop)) {
      const m = buildThorax(d.patient, d.patient.inspirationRibs, createRng(1));
      const f = filmFrame(d.acq, d.patient, m);
      expect(Math.max(f.width, f.height)).toBeLessThanOrEqual(2048);
      expect(f.width / f.s).toBeLessThanOrEqual(d.acq.detector.widthMm + 1e-6);
      expect(f.height / f.s).toBeLessThanOrEqual(d.acq.detector.heightMm + 1e-6);
      // The central ray falls inside the film.
      expect(f.cx).toBeGreaterThan(0);
      expect(f.cx).toBeLessThan(f.width);
    }
  });

  it('magnifies anterior structures more on an AP film (heart far from the detector) than on a PA film', () => {
    const pick = (proj: 'PA' | 'AP') => draws.find((d) => d.acq.projection === proj && d.acq.detector.crop === null) as (typeof draws)[number];
    const ratio = (d: (typeof draws)[number]): number => {
      const m = buildThorax(d.patient, d.patient.inspirationRibs, createRng(1));
      const f = filmFrame(d.acq, d.patient, m);
      return mag(f, 30) / mag(f, -60); // heart (anterior) over spine (posterior)
    };
    expect(ratio(pick('AP'))).toBeGreaterThan(1.05);
    expect(ratio(pick('PA'))).toBeLessThan(1);
  });
});
