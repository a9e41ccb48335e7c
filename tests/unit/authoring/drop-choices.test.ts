/**
 * A drop on the packs screen: what the panel must ask (a label per dropped folder that nothing else labels, a title
 * it must not take from a folder name unasked), what the build then uses, hidden files inside zips, and packs
 * imported one checked file at a time.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dropBuildOptions, dropQuestion, expandInputs, readDropAnswers, summariseDrop, TITLE_WARNING, type DroppedItem } from '../../../src/authoring/index.js';
import { BUILD_DEFAULTS } from '../../../src/authoring/build/index.js';
import { packToZip } from '../../../src/pack-format/index.js';
import { validPackFiles } from '../pack-format/fixtures.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const item = (path: string, bytes: Uint8Array | string = png): DroppedItem => ({ path, blob: new Blob([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>]) });
const { labels: _l, inputLabels: _i, title: _t, ...defaults } = BUILD_DEFAULTS;
const request = (choices: { title: string | null; rootLabels: Record<string, 'real' | 'synthetic'> }) => ({ options: { ...defaults, acceptLeaks: [], id: null }, choices });

describe('what the packs panel must ask about a drop', () => {
  it('a plain department folder: one root to label, its name offered as a title with a warning', () => {
    const s = summariseDrop([item('Smith J 2026-03/a.dcm'), item('Smith J 2026-03/b.dcm'), item('Smith J 2026-03/.DS_Store')]);
    expect(s).toEqual({
      isPack: false,
      roots: [{ name: 'Smith J 2026-03', files: 2, unlabelled: 2, isZip: false }],
      hasLabelsCsv: false,
      hasPackJson: false,
      titleSuggestion: 'Smith J 2026-03',
      titleWarning: TITLE_WARNING,
    });
    expect(TITLE_WARNING).toMatch(/patient's name/);
  });

  it('folders already named real/ and synthetic/ need no label; zips are roots the panel may leave to their folders', () => {
    const s = summariseDrop([item('dept/real/a.png'), item('dept/synthetic/b.png'), item('fakes.zip'), item('dept/labels.csv', 'file,label\n')]);
    expect(s.roots).toEqual([
      { name: 'dept', files: 2, unlabelled: 0, isZip: false },
      { name: 'fakes', files: 1, unlabelled: 0, isZip: true },
    ]);
    expect(s.hasLabelsCsv).toBe(true);
    expect(s.titleSuggestion).toBeNull();
    expect(summariseDrop([item('p/manifest.json', '{}'), item('p/images/c0001.png')]).isPack).toBe(true);
  });

  it("a folder with a pack.json has its title there, and answers are checked: a label per unlabelled folder", () => {
    const s = summariseDrop([item('Smith J 2026-03/a.dcm'), item('Smith J 2026-03/pack.json', '{}')]);
    expect(s.hasPackJson).toBe(true);
    expect(dropQuestion(s)).toMatch(/images in "Smith J 2026-03" are real films/);
    expect(readDropAnswers(s, { title: '', labels: {} })).toEqual({ problem: 'Say what the 1 image in "Smith J 2026-03" is: real films, or AI-generated or tampered.' });
    expect(readDropAnswers(s, { title: '', labels: { 'Smith J 2026-03': 'fake' } })).toMatchObject({ problem: expect.stringMatching(/"fake" is not a label/) });
    expect(readDropAnswers(s, { title: 'x'.repeat(121), labels: { 'Smith J 2026-03': 'real' } })).toMatchObject({ problem: expect.stringMatching(/120 characters/) });
    expect(readDropAnswers(s, { title: '  Chest   week 3 ', labels: { 'Smith J 2026-03': 'real' } })).toEqual({ choices: { title: 'Chest week 3', rootLabels: { 'Smith J 2026-03': 'real' } } });
  });
});

describe('the build options of a drop', () => {
  const dropped = { labels: null, settings: {}, suggestedTitle: 'Smith J 2026-03' };

  it('never takes the folder name as the title unasked: the default title, with a report line saying why', () => {
    const o = dropBuildOptions(request({ title: null, rootLabels: {} }), dropped);
    expect(o.title).toBe(BUILD_DEFAULTS.title);
    expect(o.id).toBe('department-case-pack');
    expect(o.notes?.[0]).toMatch(/the dropped folder's name was not used, since a folder can be named after a patient/);
  });

  it('takes the title the user confirmed, then pack.json, and a label per root as per-input labels', () => {
    const o = dropBuildOptions(request({ title: ' Chest week 3 ', rootLabels: { 'Smith J 2026-03': 'real', fakes: 'synthetic' } }), dropped);
    expect([o.title, o.id, o.notes]).toEqual(['Chest week 3', 'chest-week-3', []]);
    expect(o.inputLabels).toEqual([{ prefix: 'Smith J 2026-03', label: 'real' }, { prefix: 'fakes', label: 'synthetic' }]);
    const fromJson = dropBuildOptions(request({ title: null, rootLabels: {} }), { ...dropped, settings: { title: 'From pack.json', seed: 4 } });
    expect([fromJson.title, fromJson.seed, fromJson.notes]).toEqual(['From pack.json', 4, []]);
  });
});

describe('hidden files and packs in a drop', () => {
  it('files and folders starting with a dot inside a zip are never read as cases, and are listed', async () => {
    const zip = zipSync({ 'real/a.png': png, 'real/.hidden.png': png, '.git/config': png, 'real/.thumbs/b.png': png });
    const e = await expandInputs([item('dept.zip', zip), item('dept2/.secret/x.png')]);
    if (e.kind !== 'images') throw new Error('expected images');
    expect(e.paths).toEqual(['dept/real/a.png']);
    expect(e.skipped.map((s) => s.path).sort()).toEqual(['dept.zip: .git/config', 'dept.zip: real/.hidden.png', 'dept.zip: real/.thumbs/b.png', 'dept2/.secret/x.png']);
    expect(e.skipped[0]?.reason).toMatch(/^hidden/);
  });

  it('a pack zip is checked from its list and manifest before any image is read, then read one checked file at a time', async () => {
    const files = validPackFiles();
    const e = await expandInputs([item('pack.zip', packToZip(files))]);
    if (e.kind !== 'pack') throw new Error('expected a pack');
    expect(e.paths[0]).toBe('manifest.json');
    expect([...e.paths].sort()).toEqual([...files.keys()].sort());
    expect(await e.read('images/c0001.png')).toEqual(files.get('images/c0001.png'));
    const extra = new Map(files);
    extra.set('images/c0009.png', files.get('images/c0001.png') as Uint8Array);
    await expect(expandInputs([item('pack.zip', packToZip(extra))])).rejects.toThrow(/images\/c0009\.png: not part of the pack/);
  });
});
