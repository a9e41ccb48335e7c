/** The profile's general rules (private, curve, overlay, PN), Burned In Annotation, and provenance. */
import { describe, expect, it } from 'vitest';
import { deidentifyDataSet } from '../../../../src/authoring/deid/index.js';
import { TS, grayPixelModule, writeDicom, type Element } from '../../../helpers/dicom-writer.js';
import { fieldAt, parseDicom } from './parse-dicom.js';

const IMAGE: Element[] = [{ tag: 0x00080060, vr: 'CS', value: 'CR' }, ...grayPixelModule({ rows: 2, columns: 2, bitsAllocated: 16, bitsStored: 12 })];

function deid(elements: readonly Element[], transferSyntax: string = TS.explicitLE) {
  return deidentifyDataSet(parseDicom(writeDicom({ transferSyntax, elements: [...IMAGE, ...elements], pixels: new Uint16Array(4) })));
}

const secretsIn = (values: readonly string[]): string[] => values.filter((v) => /SECRET/i.test(v));

describe('general rules of the Basic Profile', () => {
  const extra: Element[] = [
    { tag: 0x00090010, vr: 'LO', value: 'SECRET PRIVATE CREATOR' },
    { tag: 0x00091001, vr: 'LO', value: 'SECRET-PRIVATE-NAME' },
    { tag: 0x00290010, vr: 'LO', value: 'SECRET CREATOR 2' },
    { tag: 0x00291010, vr: 'OB', value: new TextEncoder().encode('SECRET BLOB') },
    { tag: 0x50000005, vr: 'US', value: [2] },
    { tag: 0x50003000, vr: 'OW', value: new Uint8Array(8) },
    { tag: 0x60000010, vr: 'US', value: [2] },
    { tag: 0x60000022, vr: 'LO', value: 'SECRET overlay description' },
    { tag: 0x60003000, vr: 'OW', value: new Uint8Array(8) },
    { tag: 0x60004000, vr: 'LT', value: 'SECRET overlay comment' },
    { tag: 0x001899f0, vr: 'PN', value: 'SECRET^UNLISTED^PERSON' },
    { tag: 0x00189a00, vr: 'LO', value: 'SECRET unknown attribute' },
  ];

  it('removes and counts private attributes, removes curves, overlays and an unlisted PN (explicit VR)', () => {
    const d = deid(extra);
    expect(d.privateRemoved).toBe(4);
    expect(d.header.filter((f) => /^\((0009|0029|50|60)/.test(f.tag))).toEqual([]);
    expect(fieldAt(d.header, '(0018,99F0)')).toBeUndefined();
    expect(secretsIn(d.header.map((f) => f.value))).toEqual([]);
    expect(secretsIn(d.header.map((f) => f.name))).toEqual([]);
    const removed = d.actions.filter((a) => a.action === 'removed').map((a) => a.tag);
    expect(removed).toEqual(expect.arrayContaining(['(5000,0005)', '(5000,3000)', '(6000,0010)', '(6000,0022)', '(6000,3000)', '(6000,4000)', '(0018,99F0)']));
    expect(d.actions.some((a) => a.tag.startsWith('(0009') || a.tag.startsWith('(0029'))).toBe(false);
    expect(d.unlistedDropped).toBeGreaterThanOrEqual(1);
    expect(fieldAt(d.header, '(0008,0060)')).toBe('CR');
  });

  it('removes the same in an implicit VR file, where an unknown attribute cannot be judged', () => {
    const d = deid(extra, TS.implicitLE);
    expect(d.privateRemoved).toBe(4);
    expect(d.header.filter((f) => /^\((0009|0029|50|60)/.test(f.tag))).toEqual([]);
    expect(secretsIn(d.header.map((f) => f.value))).toEqual([]);
    expect(fieldAt(d.header, '(0028,0010)')).toBe('2');
  });

  it('drops a kept attribute whose value is longer than 128 characters', () => {
    const d = deid([{ tag: 0x00181020, vr: 'LO', value: 'v'.repeat(130) }]);
    expect(fieldAt(d.header, '(0018,1020)')).toBeUndefined();
  });

  it('overrides an input Patient Identity Removed and De-identification Method', () => {
    const d = deid([
      { tag: 0x00120062, vr: 'CS', value: 'NO' },
      { tag: 0x00120063, vr: 'LO', value: 'SECRET homebrew' },
    ]);
    expect(fieldAt(d.header, '(0012,0062)')).toBe('YES');
    expect(fieldAt(d.header, '(0012,0063)')).toMatch(/PS3\.15 E\.1 Basic Application Level Confidentiality Profile/);
    expect(d.header.filter((f) => f.tag === '(0012,0062)')).toHaveLength(1);
  });
});

describe('Burned In Annotation (0028,0301)', () => {
  it('reports YES, NO and absent as declared, and keeps the attribute', () => {
    const yes = deid([{ tag: 0x00280301, vr: 'CS', value: 'YES' }]);
    expect(yes.burnedInAnnotation).toBe('YES');
    expect(fieldAt(yes.header, '(0028,0301)')).toBe('YES');
    expect(deid([{ tag: 0x00280301, vr: 'CS', value: 'NO' }]).burnedInAnnotation).toBe('NO');
    expect(deid([{ tag: 0x00280301, vr: 'CS', value: 'NO' }], TS.implicitLE).burnedInAnnotation).toBe('NO');
    expect(deid([]).burnedInAnnotation).toBeNull();
  });
});

describe('provenance from kept values', () => {
  it('reports a Software Versions value naming a generator as AI-declared, and keeps Manufacturer', () => {
    const d = deid([
      { tag: 0x00080070, vr: 'LO', value: 'ORGAN Imaging Ltd' },
      { tag: 0x00081090, vr: 'LO', value: 'GANTRY-FREE DR' },
      { tag: 0x00181020, vr: 'LO', value: 'RoentGen v0.2 (Stable Diffusion fine-tune)' },
      { tag: 0x00082111, vr: 'ST', value: 'made with StyleGAN2 by SECRET' },
    ]);
    expect(fieldAt(d.header, '(0008,0070)')).toBe('ORGAN Imaging Ltd');
    expect(d.header.find((f) => f.tag === '(0008,0070)')?.name).toBe('Manufacturer');
    const sw = d.provenance.find((p) => p.source === 'DICOM Software Versions');
    expect(sw).toMatchObject({ text: 'RoentGen v0.2 (Stable Diffusion fine-tune)', isAiDeclared: true });
    expect(sw?.generator).toBeDefined();
    const maker = d.provenance.find((p) => p.source === 'DICOM Manufacturer');
    expect(maker).toMatchObject({ text: 'ORGAN Imaging Ltd', isAiDeclared: false });
    expect(maker?.generator).toBeUndefined();
    expect(d.provenance.find((p) => p.source === "DICOM Manufacturer's Model Name")?.isAiDeclared).toBe(false);
    // Derivation Description is X in Table E.1-1: neither kept nor reported, even though it names a generator.
    expect(fieldAt(d.header, '(0008,2111)')).toBeUndefined();
    expect(d.provenance.some((p) => p.text.includes('StyleGAN'))).toBe(false);
  });

  it('treats generic words and Conversion Type SYN as AI-declared without naming a generator', () => {
    const d = deid([
      { tag: 0x00080064, vr: 'CS', value: 'SYN' },
      { tag: 0x00181020, vr: 'LO', value: 'synthetic CXR generator (latent diffusion)' },
    ]);
    expect(d.provenance.find((p) => p.source === 'DICOM Conversion Type')).toMatchObject({ text: 'SYN (Synthetic Image)', isAiDeclared: true });
    const sw = d.provenance.find((p) => p.source === 'DICOM Software Versions');
    expect(sw?.isAiDeclared).toBe(true);
    expect(sw?.generator).toBeUndefined();
  });
});
