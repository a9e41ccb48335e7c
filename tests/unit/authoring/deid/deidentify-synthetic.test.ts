/**
 * Every attribute of Table E.1-1 whose value the fixture writer can write simply (text and binary numbers), with a
 * distinctive value, in an Explicit and an Implicit VR Little Endian file. Not written: SQ (sequences), OB/OW/UN
 * (binary), group 0000 (command) and group 0002 (file meta, written by the writer itself: its Media Storage SOP
 * Instance UID is checked instead).
 */
import { describe, expect, it } from 'vitest';
import { BASIC_PROFILE, DEID_METHOD, isValidUid, type DeidResult, type ProfileRow } from '../../../../src/authoring/deid/index.js';
import { TS, grayPixelModule, writeDicom, type Element } from '../../../helpers/dicom-writer.js';
import { fieldAt, paren, parseDicom } from './parse-dicom.js';
import { deidentifyDataSet } from '../../../../src/authoring/deid/index.js';

const TEXT = new Set('AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT'.split(' '));
const NUMBER = new Set(['US', 'SS', 'UL', 'SL', 'FL', 'FD']);
const SECRET_NUMBER = 31337;

const writable = (r: ProfileRow): boolean => (TEXT.has(r.vr) || NUMBER.has(r.vr)) && !r.tag.startsWith('0000') && !r.tag.startsWith('0002');
const ROWS = [...BASIC_PROFILE.values()].filter(writable);

/** A UID that names its attribute, so a survivor is easy to spot. */
const originalUid = (r: ProfileRow): string => `1.2.999.${parseInt(r.tag, 16)}`;

function originalValue(r: ProfileRow): Element['value'] {
  if (NUMBER.has(r.vr)) return [r.vr.startsWith('F') ? SECRET_NUMBER + 0.5 : SECRET_NUMBER];
  if (r.vr === 'UI') return r.tag === '00080058' ? `${originalUid(r)}.1\\${originalUid(r)}.2` : originalUid(r);
  return `SECRET-${r.tag.slice(0, 4)}-${r.tag.slice(4)}`;
}

const KEPT: Element[] = [
  { tag: 0x00080060, vr: 'CS', value: 'DX' },
  { tag: 0x00080070, vr: 'LO', value: 'ACME Imaging' },
  { tag: 0x00181020, vr: 'LO', value: 'ACME DR 4.2' },
  { tag: 0x00185101, vr: 'CS', value: 'PA' },
  ...grayPixelModule({ rows: 4, columns: 4, bitsAllocated: 16, bitsStored: 12 }),
];

function build(transferSyntax: string, overrides: Readonly<Record<string, string>> = {}): Uint8Array {
  const elements: Element[] = ROWS.map((r) => ({ tag: parseInt(r.tag, 16), vr: r.vr, value: overrides[r.tag] ?? originalValue(r) }));
  return writeDicom({ transferSyntax, elements: [...elements, ...KEPT], pixels: new Uint16Array(16) });
}

function expectProfileApplied(d: DeidResult): void {
  const secrets = ROWS.map((r) => originalValue(r)).filter((v): v is string => typeof v === 'string');
  const parts = [...secrets.flatMap((s) => s.split('\\')), String(SECRET_NUMBER)];
  const leaks = d.header.flatMap((f) => parts.filter((p) => f.value.includes(p)).map((p) => `${f.tag} ${f.name} keeps ${p}`));
  expect(leaks).toEqual([]);
  const actionAt = (tag: string): string | undefined => d.actions.find((a) => a.tag === paren(tag))?.action;
  for (const r of ROWS) {
    const value = fieldAt(d.header, paren(r.tag));
    const first = r.action === 'C' ? 'X' : r.action.charAt(0);
    const label = `${r.tag} ${r.name} (${r.action})`;
    if (first === 'X') {
      expect(value, label).toBeUndefined();
      expect(actionAt(r.tag), label).toBe('removed');
    } else if (first === 'Z') {
      expect(value, label).toBe('');
      expect(actionAt(r.tag), label).toBe('emptied');
    } else if (first === 'U' || (first === 'D' && r.vr === 'UI')) {
      expect(value, label).toBeDefined();
      for (const uid of (value as string).split('\\')) expect(isValidUid(uid), `${label}: ${uid}`).toBe(true);
      expect(value, label).not.toBe(originalValue(r));
      expect(actionAt(r.tag), label).toBe('uid-replaced');
    } else if (first === 'D') {
      const dummy = { DA: '19000101', TM: '000000', DT: '19000101000000', PN: 'ANONYMOUS', AS: '000Y', DS: '0', IS: '0' }[r.vr] ?? 'REMOVED';
      expect(value, label).toBe(dummy);
      expect(actionAt(r.tag), label).toBe('replaced');
    } else {
      throw new Error(`unexpected code ${label}`);
    }
  }
  expect(fieldAt(d.header, '(0012,0062)')).toBe('YES');
  expect(fieldAt(d.header, '(0012,0063)')).toBe(DEID_METHOD);
  const meta = fieldAt(d.header, '(0002,0003)');
  expect(meta !== undefined && isValidUid(meta) && meta !== '1.2.3.4.5.6.7.8.9').toBe(true);
  expect(fieldAt(d.header, '(0008,0060)')).toBe('DX');
  expect(fieldAt(d.header, '(0028,0010)')).toBe('4');
  expect(fieldAt(d.header, '(0028,0101)')).toBe('12');
  expect(d.header.find((f) => f.tag === '(0008,0060)')?.name).toBe('Modality');
  const tags = d.header.map((f) => f.tag);
  expect(tags).toEqual([...tags].sort());
  expect(new Set(tags).size).toBe(tags.length);
}

describe('deidentifyDataSet on every writable attribute of Table E.1-1', () => {
  it('writes a few hundred of them', () => {
    expect(ROWS.length).toBeGreaterThan(300);
  });

  it('applies the profile to an Explicit VR Little Endian file', () => {
    expectProfileApplied(deidentifyDataSet(parseDicom(build(TS.explicitLE)), { salt: 'build-1' }));
  });

  it('applies the profile to an Implicit VR Little Endian file (VRs from the table and dictionary)', () => {
    expectProfileApplied(deidentifyDataSet(parseDicom(build(TS.implicitLE)), { salt: 'build-1' }));
  });

  it('maps a UID shared by two files to the same new UID, and other UIDs to other ones', () => {
    const study = '1.2.840.99.1.1';
    const a = deidentifyDataSet(parseDicom(build(TS.explicitLE, { '0020000D': study, '00080018': '1.2.840.99.2.1' })), { salt: 's' });
    const b = deidentifyDataSet(parseDicom(build(TS.implicitLE, { '0020000D': study, '00080018': '1.2.840.99.2.2' })), { salt: 's' });
    const c = deidentifyDataSet(parseDicom(build(TS.explicitLE, { '0020000D': study })), { salt: 'another build' });
    expect(fieldAt(a.header, '(0020,000D)')).toBe(fieldAt(b.header, '(0020,000D)'));
    expect(fieldAt(a.header, '(0008,0018)')).not.toBe(fieldAt(b.header, '(0008,0018)'));
    expect(fieldAt(c.header, '(0020,000D)')).not.toBe(fieldAt(a.header, '(0020,000D)'));
    const rooted = deidentifyDataSet(parseDicom(build(TS.explicitLE)), { uidRoot: '1.2.826.0.1.3680043.10.777' });
    const sop = fieldAt(rooted.header, '(0008,0018)') ?? '';
    expect(sop.startsWith('1.2.826.0.1.3680043.10.777.') && isValidUid(sop)).toBe(true);
  });
});

describe('free text outside Table E.1-1', () => {
  it('removes the hand-filled acquisition descriptions where names have been seen, and keeps the equipment identity', () => {
    const elements: Element[] = [
      ...KEPT,
      { tag: 0x00181401, vr: 'LO', value: 'DoeJ-proc' },
      { tag: 0x00280a04, vr: 'LO', value: 'calibrated for John Doe' },
      { tag: 0x00281055, vr: 'LO', value: 'JOHN DOE WINDOW' },
      { tag: 0x00185020, vr: 'LO', value: 'CHEST for J. Doe' },
      { tag: 0x00181260, vr: 'SH', value: 'DOE PLATE' },
    ];
    const d = deidentifyDataSet(parseDicom(writeDicom({ transferSyntax: TS.explicitLE, elements, pixels: new Uint16Array(16) })), { salt: 's' });
    expect(d.header.filter((f) => /doe/i.test(f.value))).toEqual([]);
    for (const tag of ['(0018,1401)', '(0028,0A04)', '(0028,1055)', '(0018,5020)', '(0018,1260)']) {
      expect(d.actions.find((a) => a.tag === tag)?.action, tag).toBe('removed');
    }
    expect(fieldAt(d.header, '(0008,0070)')).toBe('ACME Imaging');
    expect(fieldAt(d.header, '(0018,1020)')).toBe('ACME DR 4.2');
  });
});
