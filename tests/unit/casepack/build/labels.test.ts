import { describe, expect, it } from 'vitest';
import { labelFor, parseCsv, parseLabelsCsv } from '../../../../src/casepack/build/index.js';

describe('labels for pack inputs', () => {
  it('reads RFC 4180 CSV: quotes, doubled quotes, commas and newlines inside fields, CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
    expect(() => parseCsv('a,"open\n')).toThrow(/never closed/);
  });

  it('takes labels, generators and explanations from the CSV, by path or by base name', () => {
    const t = parseLabelsCsv('File,Label,Generator,Explanation,Body Part\nreal/a.dcm,real,,,chest\nb.png,AI,RoentGen v2,"Smooth, plasticky lungs",\n');
    expect(labelFor('real/a.dcm', t)).toEqual({ row: { label: 'real', bodyPart: 'CHEST' }, from: 'csv' });
    expect(labelFor('some/where/b.png', t)?.row).toEqual({ label: 'synthetic', generator: 'RoentGen v2', explanation: 'Smooth, plasticky lungs' });
  });

  it('falls back to the nearest labelled folder; synthetic/<generator>/ names the generator', () => {
    expect(labelFor('dept/real/chest/x.png', null)).toEqual({ row: { label: 'real' }, from: 'folder' });
    expect(labelFor('xray/synthetic/roentgen-v2/y.png', null)).toEqual({ row: { label: 'synthetic' }, from: 'folder', folderGenerator: 'roentgen-v2' });
    expect(labelFor('misc/z.png', null)).toBeNull();
  });

  it('reports every bad row at once with its line number', () => {
    expect(() => parseLabelsCsv('file,label\na.png,maybe\n,real\na.png,real\na.png,fake\n')).toThrow(/row 2 \(a.png\): label 'maybe'[\s\S]*row 3: the 'file' column is empty[\s\S]*row 5: 'a.png' is listed twice/);
    expect(() => parseLabelsCsv('name,truth\nx,real\n')).toThrow(/columns 'file' and 'label'/);
  });

  it('strips control characters so text stays text', () => {
    const t = parseLabelsCsv('file,label,explanation\na.png,fake,"bad\u0007 bell\u001b[31m"\n');
    expect(labelFor('a.png', t)?.row.explanation).toBe('bad bell[31m');
  });
});
