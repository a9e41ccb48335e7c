import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runLms } from '../../../src/cli/index.js';
import { parseModuleDefinition } from '../../../src/lms/index.js';
import { fakePackZip } from '../../helpers/lms-pack.js';
import { validateCmi5CourseStructure, validateScormManifest } from '../../helpers/xmllint.js';

/** `npm run lms -- package` in-process, on a tiny stand-in game (the real build is packaged in the browser tests). */
function fakeGame(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lms-game-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'lms-schemas'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>game</title></head><body></body></html>\n');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};\n');
  writeFileSync(join(dir, 'lms-schemas', 'copied-by-vite.xsd'), '<x/>');
  return dir;
}

async function pack(standard: string, extra: string[] = [], deck = 'demo'): Promise<{ code: number; out: string; err: string; dir: string; files: Record<string, Uint8Array> }> {
  const work = mkdtempSync(join(tmpdir(), 'lms-pkg-'));
  const zip = join(work, 'module.zip');
  const objectives = join(work, 'objectives.txt');
  writeFileSync(objectives, 'Recognise the tells of AI-generated radiographs\n# a comment\nUse the loupe on a suspicious margin\n');
  const disclosures = join(work, 'faculty.txt');
  writeFileSync(disclosures, 'Dr Ada Example | Course director | Nothing to disclose.\nŁukasz Nowak | Faculty | Consulting fees, Example Imaging Ltd\n');
  let out = '';
  let err = '';
  const code = await runLms(
    ['package', '--standard', standard, '--deck', deck, '--seed', '7', '--pre', '5', '--post', '5', '--title', 'Spotting synthetic radiographs & tampered films',
      '--provider', 'Test Radiology Institute', '--credits', '1.25', '--objectives', objectives, '--disclosures', disclosures, '--game', fakeGame(), '--out', zip, ...extra],
    { stdout: (t) => void (out += t), stderr: (t) => void (err += t) },
  );
  const dir = join(work, 'unzipped');
  const files = code === 0 ? unzipSync(readFileSync(zip)) : {};
  for (const [p, b] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), b);
  }
  return { code, out, err, dir, files };
}

describe('npm run lms -- package', () => {
  it('SCORM 1.2: imsmanifest.xml at the root, valid against the shipped 1.2 schemas; the game opens in module mode', async () => {
    const r = await pack('scorm12');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Wrote .*module\.zip .*imsmanifest\.xml at the root.*SCORM 1\.2/);
    expect(Object.keys(r.files).sort()).toEqual(['adlcp_rootv1p2.xsd', 'assets/app.js', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml', 'index.html', 'module.json']);
    const v = validateScormManifest(r.dir, 'scorm12');
    expect(v.ok, v.output).toBe(true);
    const manifest = readFileSync(join(r.dir, 'imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('parameters="?module=module.json"');
    expect(manifest).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(manifest).toContain('<title>Spotting synthetic radiographs &amp; tampered films</title>');
    expect(readFileSync(join(r.dir, 'index.html'), 'utf8')).toContain('<meta name="xray-module" content="module.json">');
    const def = parseModuleDefinition(JSON.parse(readFileSync(join(r.dir, 'module.json'), 'utf8')));
    expect(def).toMatchObject({ standard: 'scorm12', preCases: 5, postCases: 5, passMark: 0.75, attempts: 3, credits: 1.25, deck: { kind: 'demo', seed: 7 } });
    expect(def.objectives).toHaveLength(2);
    expect(def.faculty[1]).toEqual({ name: 'Łukasz Nowak', role: 'Faculty', disclosure: 'Consulting fees, Example Imaging Ltd' });
    expect(r.err).toMatch(/Post-test 3: 5 cases matched to the pre-test: 5 with the same tells and difficulty/);
  });

  it('SCORM 2004 4th edition: valid offline against the shipped schemas (xml.xsd through a catalog)', async () => {
    const r = await pack('scorm2004', ['--pass-mark', '0.8', '--attempts', '2']);
    expect(r.code, r.err).toBe(0);
    const v = validateScormManifest(r.dir, 'scorm2004');
    expect(v.ok, v.output).toBe(true);
    const manifest = readFileSync(join(r.dir, 'imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(manifest).toContain('adlcp:scormType="sco"');
    expect(Object.keys(r.files)).toEqual(expect.arrayContaining(['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'xml.xsd']));
  });

  it('cmi5: cmi5.xml at the root, valid against the course structure schema, masteryScore = pass mark', async () => {
    const r = await pack('cmi5', ['--pass-mark', '0.8']);
    expect(r.code, r.err).toBe(0);
    const v = validateCmi5CourseStructure(r.dir);
    expect(v.ok, v.output).toBe(true);
    const xml = readFileSync(join(r.dir, 'cmi5.xml'), 'utf8');
    expect(xml).toMatch(/<au id="[^"]+" moveOn="CompletedAndPassed" masteryScore="0.8"/);
    expect(xml).toContain('<url>index.html?module=module.json</url>');
    expect(Object.keys(r.files).some((f) => f.endsWith('.xsd'))).toBe(false);
  });

  it('a case pack: its files under deck/, listed in the manifest; a pack too small for fresh retries is refused (exit 2)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lms-deck-'));
    const zip = join(work, 'pack.zip');
    writeFileSync(zip, await fakePackZip(40, 5));
    const r = await pack('scorm12', ['--pre', '6', '--post', '6'], zip);
    expect(r.code, r.err).toBe(0);
    const def = parseModuleDefinition(JSON.parse(readFileSync(join(r.dir, 'module.json'), 'utf8')));
    expect(def.deck).toEqual({ kind: 'pack', seed: 7, packId: 'test-pack', folder: 'deck' });
    expect(Object.keys(r.files)).toEqual(expect.arrayContaining(['deck/manifest.json', 'deck/images/c0001.png', 'deck/originals/c0002.png']));
    expect(readFileSync(join(r.dir, 'imsmanifest.xml'), 'utf8')).toContain('<file href="deck/images/c0040.png"/>');
    expect(validateScormManifest(r.dir, 'scorm12').ok).toBe(true);
    expect(r.err).toMatch(/Post-test 1: 6 cases matched to the pre-test/);
    writeFileSync(zip, await fakePackZip(12, 5));
    const small = await pack('scorm12', ['--pre', '6', '--post', '6'], zip);
    expect(small.code).toBe(2);
    expect(small.err).toMatch(/pack 'test-pack' has 12 cases, but a pre-test of 6 and 3 post-tests of 6 fresh cases need 24\. Lower --attempts, --pre or --post, or build a larger pack\./);
  });

  it('refuses bad arguments all at once, with exit code 1 and what to write', async () => {
    let err = '';
    const code = await runLms(['package', '--standard', 'scorm3', '--seed', 'x', '--pre', '0', '--out', 'm.txt'], { stdout: () => undefined, stderr: (t) => void (err += t) });
    expect(code).toBe(1);
    for (const want of [/--standard is required: one of scorm12, scorm2004, cmi5 \(got 'scorm3'\)/, /--deck is required/, /Bad --seed 'x'/, /Bad --pre '0'/, /--post <k> is required/, /--title <text> is required/, /--out <module.zip> is required/]) {
      expect(err).toMatch(want);
    }
  });
});
