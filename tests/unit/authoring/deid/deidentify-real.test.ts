/**
 * The four real DICOMs of the shared set (NEMA WG04 CR samples, already pseudonymised, and an NIH CXR14 DX in
 * Implicit VR): every attribute present that Table E.1-1 lists is handled as the table says, and none of the
 * identifying values they carry survives in the kept header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { BASIC_PROFILE, deidentifyDataSet, isValidUid } from '../../../../src/authoring/deid/index.js';
import { requireXray } from '../../../helpers/shared-data.js';
import { fieldAt, paren, parseDicom } from './parse-dicom.js';

const FILES = ['RG1_J2KI.dcm', 'RG3_J2KI.dcm', 'RG3_J2KR.dcm', 'nih-cxr14-google-dx.dcm'];

function load(name: string): DataSet {
  return parseDicom(new Uint8Array(readFileSync(join(requireXray(), 'real', 'dicom', name))));
}

/** Identifying values these files are known to carry (names, ids, dates, places, stations, UIDs). */
const KNOWN_IDENTIFYING = [
  'CompressedSamples', 'Covid0000', '9RG1', '11RG3', 'exam Number', 'FUJI95706', 'ward', 'Our Department',
  'Philips Medical Systems Hamburg', 'N.C.C. HIGASHI', 'THORAVISION', 'CLUNIE1', '19400305', '19790408',
  '20040826', '1.3.6.1.4.1.5962.1', '1.3.6.1.4.1.11129.5.5', 'Non-ossifying fibroma', '92.00.003', '26210',
];

describe('deidentifyDataSet on the real DICOMs', () => {
  for (const name of FILES) {
    it(`${name}: applies Table E.1-1 to every listed attribute present`, () => {
      const ds = load(name);
      const d = deidentifyDataSet(ds, { salt: 'real-files' });
      const listed = Object.keys(ds.elements)
        .map((k) => k.slice(1).toUpperCase())
        .filter((t) => BASIC_PROFILE.has(t));
      expect(listed.length).toBeGreaterThan(5);
      for (const tag of listed) {
        const row = BASIC_PROFILE.get(tag);
        if (!row) continue;
        const value = fieldAt(d.header, paren(tag));
        const action = d.actions.find((a) => a.tag === paren(tag))?.action;
        const label = `${name} ${tag} ${row.name} (${row.action})`;
        const first = row.action.charAt(0);
        const original = ds.string(`x${tag.toLowerCase()}`);
        if (first === 'X' || row.vr === 'SQ') {
          expect([value, action], label).toEqual([undefined, 'removed']);
        } else if (first === 'Z') {
          expect([value, action], label).toEqual(['', 'emptied']);
        } else if (first === 'U') {
          expect(action, label).toBe('uid-replaced');
          expect(isValidUid(value ?? ''), label).toBe(true);
          expect(value, label).not.toBe(original);
        } else {
          expect(action, label).toBe('replaced');
          expect(value, label).not.toBe(original);
        }
      }
      const leaks = d.header.flatMap((f) => KNOWN_IDENTIFYING.filter((s) => f.value.includes(s)).map((s) => `${f.tag} ${f.name}: ${s}`));
      expect(leaks).toEqual([]);
      expect(fieldAt(d.header, '(0012,0062)')).toBe('YES');
      expect(fieldAt(d.header, '(0002,0016)')).toBeUndefined(); // Source AE Title (conservative extra removal)
      expect(d.header.every((f) => f.value.length <= 128)).toBe(true);
    });
  }

  it('keeps what teaching needs and handles the named identifying attributes', () => {
    const rg1 = deidentifyDataSet(load('RG1_J2KI.dcm'));
    expect(fieldAt(rg1.header, '(0010,0010)')).toBe(''); // Patient's Name: Z
    expect(fieldAt(rg1.header, '(0010,0020)')).toBe(''); // Patient ID: Z
    expect(fieldAt(rg1.header, '(0008,0020)')).toBe(''); // Study Date: Z
    expect(fieldAt(rg1.header, '(0008,0080)')).toBeUndefined(); // Institution Name: X/Z/D -> X
    expect(fieldAt(rg1.header, '(0008,1040)')).toBeUndefined(); // Institutional Department Name: X
    expect(fieldAt(rg1.header, '(0008,2111)')).toBeUndefined(); // Derivation Description: X
    expect(fieldAt(rg1.header, '(0020,4000)')).toBeUndefined(); // Image Comments: X
    expect(fieldAt(rg1.header, '(0008,0070)')).toBe('Philips Medical Systems');
    expect(fieldAt(rg1.header, '(0018,1020)')).toBe('Version 3.3.1');
    expect(fieldAt(rg1.header, '(0002,0010)')).toBe('1.2.840.10008.1.2.4.91');
    expect(fieldAt(rg1.header, '(0028,2110)')).toBe('01');
    expect(fieldAt(rg1.header, '(0018,5101)')).toBe('PA');
    expect(fieldAt(rg1.header, '(0028,0010)')).toBe(String(load('RG1_J2KI.dcm').uint16('x00280010')));
    expect(rg1.provenance.map((p) => p.source)).toEqual(expect.arrayContaining(['DICOM Manufacturer', 'DICOM Software Versions']));
    expect(rg1.provenance.every((p) => !p.isAiDeclared)).toBe(true);
    expect(rg1.burnedInAnnotation).toBeNull();

    // The two RG3 files share a study: same new Study Instance UID, different new SOP Instance UIDs.
    const a = deidentifyDataSet(load('RG3_J2KI.dcm'), { salt: 'pack' });
    const b = deidentifyDataSet(load('RG3_J2KR.dcm'), { salt: 'pack' });
    expect(fieldAt(a.header, '(0020,000D)')).toBe(fieldAt(b.header, '(0020,000D)'));
    expect(fieldAt(a.header, '(0008,0018)')).not.toBe(fieldAt(b.header, '(0008,0018)'));

    const nih = deidentifyDataSet(load('nih-cxr14-google-dx.dcm'));
    expect(fieldAt(nih.header, '(0010,1010)')).toBeUndefined(); // Patient's Age: X
    expect(fieldAt(nih.header, '(0010,0040)')).toBe(''); // Patient's Sex: Z
    expect(fieldAt(nih.header, '(0008,1030)')).toBeUndefined(); // Study Description: X
    expect(fieldAt(nih.header, '(0008,0060)')).toBe('DX');
    expect(fieldAt(nih.header, '(0028,0101)')).toBe('8');
    expect(isValidUid(fieldAt(nih.header, '(0008,0018)') ?? '')).toBe(true);
    expect(fieldAt(nih.header, '(0008,0018)')).toBe(fieldAt(nih.header, '(0002,0003)')); // same original, same new UID
  });
});
