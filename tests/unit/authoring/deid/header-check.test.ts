/**
 * An imported pack's headers are held to what this version's builder writes: a hand-edited manifest with a patient's
 * name, ID or accession number is refused on import, and every header the builder makes (every Table E.1-1 row the
 * fixture writer can write, the shared set's DICOM files) passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BASIC_PROFILE, deidentifyDataSet, headerEntryProblem, KEPT_DICTIONARY, packHeaderProblems } from '../../../../src/authoring/deid/index.js';
import { expandInputs } from '../../../../src/authoring/pack-inputs.js';
import { type Element, grayPixelModule, TS, writeDicom } from '../../../helpers/dicom-writer.js';
import { requireXray } from '../../../helpers/shared-data.js';
import { validPackFiles } from '../../pack-format/fixtures.js';
import { parseDicom } from './parse-dicom.js';

const TEXT = new Set('AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT'.split(' '));
const entry = (tag: string, name: string, value: string) => ({ tag, name, value });

describe('headerEntryProblem: only what the builder writes', () => {
  it('refuses a name, an ID and an accession number with a value, an X attribute, a private tag and an unknown tag', () => {
    expect(headerEntryProblem(entry('(0010,0010)', 'PatientName', 'DOE^JOHN'))).toMatch(/holds a value, but the Basic Profile empties it \(Z\)/);
    expect(headerEntryProblem(entry('(0010,0020)', 'PatientID', '0012345'))).toMatch(/empties it \(Z\/D\)/);
    expect(headerEntryProblem(entry('(0008,0050)', 'AccessionNumber', 'ACC20260311'))).toMatch(/empties it/);
    expect(headerEntryProblem(entry('(0010,1040)', 'PatientAddress', '1 High St'))).toMatch(/removes \(X\)/);
    expect(headerEntryProblem(entry('(0009,0010)', 'Creator', 'ACME'))).toMatch(/private attribute/);
    expect(headerEntryProblem(entry('(0028,9999)', 'Whatever', 'x'))).toMatch(/never keeps/);
    expect(headerEntryProblem(entry('(0008,0070)', 'PatientName', 'DOE^JOHN'))).toMatch(/named as if it were something else \(this tag is Manufacturer\)/);
    expect(headerEntryProblem(entry('(0008,0018)', 'SOPInstanceUID', 'DOE^JOHN'))).toMatch(/not a replaced UID/);
  });

  it('accepts the emptied name and ID, a kept attribute and a replaced UID', () => {
    expect(headerEntryProblem(entry('(0010,0010)', 'PatientName', ''))).toBeNull();
    expect(headerEntryProblem(entry('(0010,0020)', 'PatientID', ''))).toBeNull();
    expect(headerEntryProblem(entry('(0008,0060)', 'Modality', 'DX'))).toBeNull();
    expect(headerEntryProblem(entry('(0008,0018)', 'SOPInstanceUID', '2.25.1234567890'))).toBeNull();
  });

  it('passes every header the builder writes: all writable Table E.1-1 rows and kept attributes, and the shared DICOM files', () => {
    const rows: Element[] = [...BASIC_PROFILE.values()]
      .filter((r) => TEXT.has(r.vr) && !r.tag.startsWith('0000') && !r.tag.startsWith('0002'))
      .map((r) => ({ tag: parseInt(r.tag, 16), vr: r.vr, value: r.vr === 'UI' ? `1.2.999.${parseInt(r.tag, 16)}` : r.vr === 'DA' ? '20260311' : r.vr === 'DS' || r.vr === 'IS' ? '7' : 'SECRET' }));
    const kept: Element[] = [...KEPT_DICTIONARY]
      .filter(([tag, d]) => ['CS', 'LO', 'SH'].includes(d.vr) && !tag.startsWith('0002') && !tag.startsWith('0028') && !BASIC_PROFILE.has(tag))
      .map(([tag, d]) => ({ tag: parseInt(tag, 16), vr: d.vr, value: 'ACME' }));
    for (const ts of [TS.explicitLE, TS.implicitLE]) {
      const file = writeDicom({ transferSyntax: ts, elements: [...rows, ...kept, ...grayPixelModule({ rows: 4, columns: 4, bitsAllocated: 16, bitsStored: 12 })], pixels: new Uint16Array(16) });
      const header = deidentifyDataSet(parseDicom(file)).header;
      expect(header.length).toBeGreaterThan(100);
      expect(packHeaderProblems([{ id: 'c1', header }])).toEqual([]);
    }
    for (const name of ['nih-cxr14-google-dx.dcm', 'RG3_J2KR.dcm', 'RG1_J2KI.dcm']) {
      const header = deidentifyDataSet(parseDicom(new Uint8Array(readFileSync(join(requireXray(), 'real/dicom', name))))).header;
      expect(packHeaderProblems([{ id: name, header }]), name).toEqual([]);
    }
  });
});

describe('importing a pack whose manifest carries a patient name', () => {
  it('is refused before any image is read, naming the case and the attributes, and saying to rebuild it', async () => {
    const files = validPackFiles();
    const json = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as { cases: { header: unknown[] }[] };
    (json.cases[0] as { header: unknown[] }).header.push(entry('(0010,0010)', 'PatientName', 'DOE^JOHN'), entry('(0010,0020)', 'PatientID', '0012345'), entry('(0008,0050)', 'AccessionNumber', 'ACC20260311'));
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(json)));
    const zip = zipSync(Object.fromEntries(files));
    const drop = [{ path: 'pack.zip', blob: new Blob([zip]) }];
    await expect(expandInputs(drop)).rejects.toThrow(/not imported: .*case c0001: \(0010,0010\) PatientName holds a value.*\(0010,0020\) PatientID.*\(0008,0050\) AccessionNumber.*Rebuild the pack .* with this version's builder/);
    // The same pack without them imports.
    json.cases[0]?.header.splice(1);
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(json)));
    expect((await expandInputs([{ path: 'pack.zip', blob: new Blob([zipSync(Object.fromEntries(files))]) }])).kind).toBe('pack');
  });
});
