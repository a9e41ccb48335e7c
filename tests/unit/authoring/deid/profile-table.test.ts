import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BASIC_PROFILE,
  KEPT_DICTIONARY,
  effectiveAction,
  isValidUid,
  keywordOf,
  patternRuleFor,
  replaceUid,
  sha256,
} from '../../../../src/authoring/deid/index.js';

const CODES = new Set(['D', 'Z', 'X', 'K', 'C', 'U', 'Z/D', 'X/Z', 'X/D', 'X/Z/D', 'X/Z/U*']);
const VRS = new Set('AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '));

describe('PS3.15 Table E.1-1 as data', () => {
  it('has several hundred rows, each with a well-formed tag, a PS3.6 VR, a Basic Profile code and a name', () => {
    expect(BASIC_PROFILE.size).toBeGreaterThan(450);
    for (const [key, row] of BASIC_PROFILE) {
      expect(key).toBe(row.tag);
      expect(row.tag, row.name).toMatch(/^[0-9A-F]{8}$/);
      expect(VRS.has(row.vr), `${row.tag} ${row.vr}`).toBe(true);
      expect(CODES.has(row.action), `${row.tag} ${row.action}`).toBe(true);
      expect(row.name.length).toBeGreaterThan(1);
      expect(parseInt(row.tag.slice(0, 4), 16) % 2, `${row.tag} is private`).toBe(0);
    }
  });

  it('carries the rows every radiograph meets, with the codes of the standard', () => {
    const code = (t: string): string | undefined => BASIC_PROFILE.get(t)?.action;
    expect(code('00100010')).toBe('Z'); // Patient's Name
    expect(code('00100020')).toBe('Z/D'); // Patient ID
    expect(code('00100030')).toBe('Z'); // Patient's Birth Date
    expect(code('00080020')).toBe('Z'); // Study Date
    expect(code('00080050')).toBe('Z'); // Accession Number
    expect(code('00080080')).toBe('X/Z/D'); // Institution Name
    expect(code('00081010')).toBe('X/Z/D'); // Station Name
    expect(code('00080018')).toBe('U'); // SOP Instance UID
    expect(code('0020000D')).toBe('U'); // Study Instance UID
    expect(code('00082111')).toBe('X'); // Derivation Description
    expect(code('00082112')).toBe('X/Z/U*'); // Source Image Sequence
    expect(code('00101010')).toBe('X'); // Patient's Age
    expect(code('00181000')).toBe('X/Z/D'); // Device Serial Number
  });

  it('keeps the dictionary of kept attributes apart from the table', () => {
    for (const tag of KEPT_DICTIONARY.keys()) expect(BASIC_PROFILE.has(tag), tag).toBe(false);
    for (const t of ['00080060', '00280010', '00181020', '00080070', '00280301', '00185101']) expect(KEPT_DICTIONARY.has(t)).toBe(true);
  });

  it('resolves compound codes to their strictest member for a header that is not an IOD', () => {
    expect(effectiveAction('X/Z')).toBe('X');
    expect(effectiveAction('X/D')).toBe('X');
    expect(effectiveAction('X/Z/D')).toBe('X');
    expect(effectiveAction('X/Z/U*')).toBe('X');
    expect(effectiveAction('Z/D')).toBe('Z');
    expect(effectiveAction('C')).toBe('X');
    expect(effectiveAction('U')).toBe('U');
    expect(effectiveAction('K')).toBe('K');
  });

  it('classifies private, curve and overlay tags', () => {
    expect(patternRuleFor('00090010')).toBe('private');
    expect(patternRuleFor('00291010')).toBe('private');
    expect(patternRuleFor('50000005')).toBe('curve');
    expect(patternRuleFor('60003000')).toBe('overlay');
    expect(patternRuleFor('601E4000')).toBe('overlay');
    expect(patternRuleFor('00100010')).toBeNull();
  });

  it('derives PS3.6 keywords from names', () => {
    expect(keywordOf("Patient's Name")).toBe('PatientName');
    expect(keywordOf("Operators' Name")).toBe('OperatorsName');
    expect(keywordOf('Physician(s) of Record')).toBe('PhysiciansOfRecord');
    expect(keywordOf('Contrast/Bolus Agent')).toBe('ContrastBolusAgent');
    expect(keywordOf('X-Ray Detector ID')).toBe('XRayDetectorID');
    expect(keywordOf('Exposure in µAs')).toBe('ExposureInuAs');
    expect(keywordOf("Manufacturer's Model Name")).toBe('ManufacturerModelName');
    expect(keywordOf('De-identification Method')).toBe('DeidentificationMethod');
    expect(keywordOf('Observation Date (Trial)')).toBe('ObservationDateTrial');
  });
});

describe('replacement UIDs', () => {
  it('hashes with a correct SHA-256', () => {
    for (const s of ['', 'abc', 'x'.repeat(200)]) {
      const mine = Buffer.from(sha256(new TextEncoder().encode(s))).toString('hex');
      expect(mine).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('is valid, deterministic per salt, different per salt and per UID, and honours a root', () => {
    const a = replaceUid('1.2.3.4', 'salt');
    expect(isValidUid(a)).toBe(true);
    expect(a.startsWith('2.25.')).toBe(true);
    expect(replaceUid('1.2.3.4', 'salt')).toBe(a);
    expect(replaceUid('1.2.3.4', 'other')).not.toBe(a);
    expect(replaceUid('1.2.3.5', 'salt')).not.toBe(a);
    const rooted = replaceUid('1.2.3.4', 'salt', '1.2.826.0.1.3680043.10.999.123456789');
    expect(rooted.startsWith('1.2.826.0.1.3680043.10.999.123456789.')).toBe(true);
    expect(isValidUid(rooted)).toBe(true);
    expect(replaceUid('1.2.3\\4.5', 's').split('\\').every(isValidUid)).toBe(true);
    expect(() => replaceUid('1.2', 's', '01.2')).toThrow(/uidRoot/);
  });
});
