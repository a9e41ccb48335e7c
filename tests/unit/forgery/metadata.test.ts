import { describe, expect, it } from 'vitest';
import { createRng, headerValue, withField, type Difficulty } from '../../../src/domain/index.js';
import { METADATA_TECHNIQUES } from '../../../src/forgery/metadata/index.js';
import { demoHeader } from '../../../src/decks/demo-header.js';
import { simulateChest } from '../../../src/simulator/index.js';

const sim = simulateChest(4, { width: 512, height: 512 });
const header = demoHeader(sim, 4);
const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];

describe('metadata forgeries', () => {
  it.each(Object.values(METADATA_TECHNIQUES).map((t) => [t.id, t] as const))('%s changes the header, names its tell, and is deterministic', (_id, t) => {
    for (const level of LEVELS) {
      const a = t.apply(sim.image, header, { level }, createRng(1));
      const b = t.apply(sim.image, header, { level }, createRng(1));
      expect(a.header).toEqual(b.header);
      expect(a.header).not.toEqual(header);
      expect(a.tells.map((x) => x.artifactId)).toEqual([...t.artifactIds]);
      expect(a.tells[0]?.howToSee).toMatch(/header panel \(D\)/);
      expect(a.tells[0]?.explanation.length).toBeGreaterThan(60);
    }
    expect(t.apply(sim.image, header, { level: 'obvious' }, createRng(1)).tells[0]!.strength)
      .toBeGreaterThan(t.apply(sim.image, header, { level: 'expert' }, createRng(1)).tells[0]!.strength);
  });

  it('leave the pixels alone except the generator format, which really is 8-bit and square', () => {
    for (const id of ['provenance-manifest', 'colour-tint', 'inconsistent-header']) {
      expect(METADATA_TECHNIQUES[id]!.apply(sim.image, header, { level: 'obvious' }, createRng(1)).image).toBe(sim.image);
    }
    const m2 = METADATA_TECHNIQUES['generator-native-format']!.apply(sim.image, header, { level: 'subtle' }, createRng(1));
    expect(m2.image.width).toBe(m2.image.height);
    expect(new Set(Array.from(m2.image.data, (v) => v % 16))).toEqual(new Set([0]));
  });

  it('say what they declare: an AI manifest (M1), colour samples (T5), a broken signature (M3)', () => {
    const m1 = METADATA_TECHNIQUES['provenance-manifest']!.apply(sim.image, header, { level: 'obvious' }, createRng(1));
    expect(headerValue(m1.header, 'ProvenanceManifest')).toMatch(/trainedAlgorithmicMedia/);
    const t5 = METADATA_TECHNIQUES['colour-tint']!.apply(sim.image, header, { level: 'obvious' }, createRng(1));
    expect(headerValue(t5.header, 'SamplesPerPixel')).toBe('3');
    const m3 = METADATA_TECHNIQUES['inconsistent-header']!.apply(sim.image, header, { level: 'obvious' }, createRng(1));
    expect(headerValue(m3.header, 'DigitalSignaturesSequence')).toMatch(/does NOT verify/);
    expect(Number(headerValue(m3.header, 'ContentDate'))).toBeLessThan(Number(headerValue(m3.header, 'AcquisitionDate')));
  });

  it('M3 dates its content before the acquisition with real date arithmetic (header seed 3; the 1st of a month)', () => {
    const m3 = METADATA_TECHNIQUES['inconsistent-header']!;
    const seed3 = demoHeader(sim, 3);
    const isDate = (v: string | undefined): boolean => {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v ?? '');
      if (!m) return false;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1;
    };
    for (const level of ['obvious', 'subtle'] as const) {
      const a = m3.apply(sim.image, seed3, { level }, createRng(1)).header;
      expect(isDate(headerValue(a, 'ContentDate')), headerValue(a, 'ContentDate')).toBe(true);
      expect(Number(headerValue(a, 'ContentDate'))).toBeLessThan(Number(headerValue(a, 'AcquisitionDate')));
    }
    const first = withField(header, '(0008,0022)', 'AcquisitionDate', '20260101');
    expect(headerValue(m3.apply(sim.image, first, { level: 'subtle' }, createRng(1)).header, 'ContentDate')).toBe('20251229');
  });

  it('an ordinary header states no signature verification result; M3 says the signed attributes changed, not the pixels', () => {
    expect(headerValue(header, 'DigitalSignaturesSequence')).toMatch(/present/);
    expect(headerValue(header, 'DigitalSignaturesSequence')).not.toMatch(/verifies|verified|valid/i);
    for (const level of LEVELS) {
      const m3 = METADATA_TECHNIQUES['inconsistent-header']!.apply(sim.image, header, { level }, createRng(1));
      const sig = headerValue(m3.header, 'DigitalSignaturesSequence') ?? '';
      expect(sig).toMatch(/does NOT verify/);
      expect(sig).toMatch(/signed attributes/);
      expect(sig).not.toMatch(/pixel/i);
    }
  });

  it('M2 emits only the generator sizes of the design catalog (1024 x 1024, 1024 x 1536, 1536 x 1024), at every level', () => {
    const sizes = new Set(['1024x1024', '1024x1536', '1536x1024']);
    for (const level of LEVELS) {
      const m2 = METADATA_TECHNIQUES['generator-native-format']!.apply(sim.image, header, { level }, createRng(1));
      expect(sizes.has(`${m2.image.width}x${m2.image.height}`), `${level}: ${m2.image.width}x${m2.image.height}`).toBe(true);
      expect(headerValue(m2.header, 'Columns')).toBe(String(m2.image.width));
      expect(headerValue(m2.header, 'Rows')).toBe(String(m2.image.height));
      expect(m2.tells[0]?.explanation).toContain(`${m2.image.width} x ${m2.image.height}`);
    }
  });
});

