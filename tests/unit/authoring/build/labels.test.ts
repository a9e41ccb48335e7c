import { describe, expect, it } from 'vitest';
import { ambiguousLabel, labelFor, labelKeysFor, labelWarnings, parseCsv, parseLabelsCsv, unmatchedLabelRows, unmatchedLabelsWarning } from '../../../../src/authoring/build/index.js';

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
    expect(labelFor('xray/synthetic/roentgen-v2/y.png', null)).toEqual({ row: { label: 'synthetic' }, from: 'folder', folderGenerator: 'RoentGen' });
    expect(labelFor('misc/z.png', null)).toBeNull();
  });

  it('never takes a folder name that is no known generator as the generator (it may name a patient); the report lists it', () => {
    const paths = ['dept/synthetic/SMITH_JOHN_ACC20260311/img.png', 'dept/synthetic/SMITH_JOHN_ACC20260311/img2.png', 'dept/synthetic/lunggen-ddpm/s.png', 'dept/synthetic/x.png'];
    expect(labelFor(paths[0] as string, null, paths)).toEqual({ row: { label: 'synthetic' }, from: 'folder' });
    expect(labelFor(paths[2] as string, null, paths)?.folderGenerator).toBe('LungGen');
    const warnings = labelWarnings(null, paths);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^1 folder under synthetic\/ is not named after a generator .*"an unnamed generator".*: dept\/synthetic\/SMITH_JOHN_ACC20260311\/\. To name the generator, give it in labels\.csv's generator column/);
    // A CSV row for each of its files names the generator, so the folder is not listed.
    const t = parseLabelsCsv('file,label,generator\nimg.png,fake,RoentGen\nimg2.png,fake,RoentGen\n');
    expect(labelWarnings(t, paths)).toEqual([]);
  });

  it('reports every bad row at once with its line number', () => {
    expect(() => parseLabelsCsv('file,label\na.png,maybe\n,real\na.png,real\na.png,fake\n')).toThrow(/row 2 \(a.png\): label 'maybe'[\s\S]*row 3: the 'file' column is empty[\s\S]*row 5: 'a.png' is listed twice/);
    expect(() => parseLabelsCsv('name,truth\nx,real\n')).toThrow(/columns 'file' and 'label'/);
  });

  it('strips control characters so text stays text', () => {
    const t = parseLabelsCsv('file,label,explanation\na.png,fake,"bad\u0007 bell\u001b[31m"\n');
    expect(labelFor('a.png', t)?.row.explanation).toBe('bad bell[31m');
  });

  it('never labels two files with one base-name row: the row labels neither and says to write the path', () => {
    const t = parseLabelsCsv('file,label\nimg1.png,fake\nimg2.png,real\n');
    const paths = ['dept/a/img1.png', 'dept/b/img1.png', 'dept/a/img2.png'];
    for (const p of ['dept/a/img1.png', 'dept/b/img1.png']) {
      expect(labelFor(p, t, paths)).toBeNull();
      expect(ambiguousLabel(p, t, paths)).toBe(
        `img1.png in the labels CSV matches 2 input files (dept/a/img1.png, dept/b/img1.png); write the path instead (e.g. ${p}), one row per file.`,
      );
    }
    expect(labelFor('dept/a/img2.png', t, paths)).toEqual({ row: { label: 'real' }, from: 'csv' });
    expect(ambiguousLabel('dept/a/img2.png', t, paths)).toBeNull();
  });

  it('lets a row with the full path win for its file while the shared base name stays ambiguous for the others', () => {
    const t = parseLabelsCsv('file,label\ndept/a/img1.png,real\nimg1.png,fake\n');
    const paths = ['dept/a/img1.png', 'dept/b/img1.png', 'dept/c/img1.png'];
    expect(labelFor('dept/a/img1.png', t, paths)?.row.label).toBe('real');
    expect(labelFor('dept/b/img1.png', t, paths)).toBeNull();
    expect(ambiguousLabel('dept/c/img1.png', t, paths)).toMatch(/img1\.png in the labels CSV matches 3 input files/);
  });

  it('matches a path written inside the input folder (a/x.png for dept/a/x.png), unless two input folders hold it', () => {
    expect(labelKeysFor('dept/a/x.png')).toEqual(['dept/a/x.png', 'a/x.png', 'x.png']);
    expect(labelKeysFor('real/x.png')).toEqual(['real/x.png', 'x.png']);
    const t = parseLabelsCsv('file,label\na/x.png,fake\n./a/y.png,real\n');
    expect(labelFor('dept/a/x.png', t, ['dept/a/x.png', 'dept/b/x.png'])?.row.label).toBe('synthetic');
    expect(labelFor('dept/b/x.png', t, ['dept/a/x.png', 'dept/b/x.png'])).toBeNull();
    expect(labelFor('dept/a/y.png', t, ['dept/a/y.png'])?.row.label).toBe('real');
    const twoFolders = ['week1/a/x.png', 'week2/a/x.png'];
    expect(labelFor('week1/a/x.png', t, twoFolders)).toBeNull();
    expect(ambiguousLabel('week2/a/x.png', t, twoFolders)).toMatch(/^a\/x\.png in the labels CSV matches 2 input files \(week1\/a\/x\.png, week2\/a\/x\.png\)/);
  });

  it('does not fall back to the folder label when the CSV row for a file is ambiguous', () => {
    const t = parseLabelsCsv('file,label,generator\nscan.png,fake,RoentGen\n');
    const paths = ['d/real/scan.png', 'd/synthetic/scan.png'];
    expect(labelFor('d/real/scan.png', t, paths)).toBeNull();
    expect(labelFor('d/real/scan.png', null, paths)).toEqual({ row: { label: 'real' }, from: 'folder' });
  });

  it('lists the rows that match no input file, for a warning in the build report', () => {
    const t = parseLabelsCsv('file,label\ntypo.png,real\na/x.png,real\nmissing/y.png,fake\nz.png,fake\n');
    const paths = ['dept/a/x.png', 'dept/b/z.png'];
    expect(unmatchedLabelRows(t, paths)).toEqual(['typo.png', 'missing/y.png']);
    expect(unmatchedLabelsWarning(t, paths)).toMatch(/^labels\.csv: 2 rows match no input file: typo\.png, missing\/y\.png\. Check the spelling/);
    expect(unmatchedLabelsWarning(t, paths, 'week3.csv')).toMatch(/^week3\.csv: 2 row/);
    expect(unmatchedLabelsWarning(t, ['dept/a/x.png', 'dept/b/z.png', 'q/typo.png', 'missing/y.png'])).toBeNull();
    expect(unmatchedLabelsWarning(null, paths)).toBeNull();
    expect(labelWarnings(t, paths)).toEqual([unmatchedLabelsWarning(t, paths)]);
    expect(labelWarnings(null, paths)).toEqual([]);
    const many = parseLabelsCsv(`file,label\n${Array.from({ length: 12 }, (_, i) => `f${i}.png,real`).join('\n')}\n`);
    expect(unmatchedLabelsWarning(many, [])).toMatch(/12 rows .*f9\.png and 2 more\./);
  });
});
