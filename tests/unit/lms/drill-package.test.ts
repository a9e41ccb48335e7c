import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runLms } from '../../../src/cli/index.js';
import { drillFromForm, drillZipFiles } from '../../../src/app/drill-builder.js';
import { runDrill } from '../../../src/cli/run-drill.js';
import { parseDrillModule } from '../../../src/lms/index.js';
import { fakePackZip } from '../../helpers/lms-pack.js';
import { validateCmi5CourseStructure, validateScormManifest } from '../../helpers/xmllint.js';

/** `npm run lms -- package --drill ...` in-process, on a tiny stand-in game (the real build is packaged in the browser tests). */
function fakeGame(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lms-game-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>game</title></head><body></body></html>\n');
  return dir;
}

const CREATE = ['--title', 'Chest list, week 23', '--cases', '12', '--prevalence', '0.1', '--opens', '2026-06-01', '--closes', '2026-06-14', '--seed', '7'];

async function pack(standard: string, drillArgs: string[]): Promise<{ code: number; out: string; err: string; dir: string; files: Record<string, Uint8Array> }> {
  const work = mkdtempSync(join(tmpdir(), 'lms-drill-'));
  const zip = join(work, 'drill.zip');
  let out = '';
  let err = '';
  const code = await runLms(['package', '--standard', standard, '--drill', ...drillArgs, '--game', fakeGame(), '--out', zip], { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  const dir = join(work, 'unzipped');
  const files = code === 0 ? unzipSync(readFileSync(zip)) : {};
  for (const [p, b] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), b);
  }
  return { code, out, err, dir, files };
}

describe('npm run lms -- package --drill', () => {
  it('SCORM 1.2 from the options of drill create: drill.json, no mastery score, the worklist name as the title, valid manifest', async () => {
    const r = await pack('scorm12', [...CREATE, '--worklist-title', 'Chest reporting exercise']);
    expect(r.code, r.err).toBe(0);
    expect(Object.keys(r.files).sort()).toEqual(['adlcp_rootv1p2.xsd', 'drill.json', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml', 'index.html']);
    const v = validateScormManifest(r.dir, 'scorm12');
    expect(v.ok, v.output).toBe(true);
    const manifest = readFileSync(join(r.dir, 'imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('parameters="?module=drill.json"');
    expect(manifest).not.toContain('masteryscore');
    expect(manifest).toContain('<title>Chest reporting exercise</title>'); // never the drill's own title: learners see the course list
    expect(manifest).not.toContain('week 23');
    expect(readFileSync(join(r.dir, 'index.html'), 'utf8')).toContain('<meta name="xray-module" content="drill.json">');
    const d = parseDrillModule(JSON.parse(readFileSync(join(r.dir, 'drill.json'), 'utf8')));
    expect(d).toMatchObject({ kind: 'drill', id: 'chest-list-week-23', title: 'Chest list, week 23', standard: 'scorm12', deck: { kind: 'demo', seed: 7 } });
    expect(d.mode).toMatchObject({ casesPerRound: 12, fakeShare: 0.1, answer: 'read-and-flag', drill: { opens: '2026-06-01', closes: '2026-06-14', title: 'Chest reporting exercise' } });
    expect(r.err).toMatch(/Worklist: 12 films, each a fake with a chance of 10%, unprompted/);
    expect(r.out).toMatch(/Learners see it as "Chest reporting exercise"\. The LMS records completion only/);
  });

  it('SCORM 2004 and cmi5 from a drill.json: valid manifests; cmi5 moveOn Completed without masteryScore', async () => {
    const first = await pack('scorm12', [...CREATE, '--prompted', '1', '--ai-hint', '0.8']);
    const drillJson = join(first.dir, 'drill.json');
    const r2004 = await pack('scorm2004', [drillJson]);
    expect(r2004.code, r2004.err).toBe(0);
    const v = validateScormManifest(r2004.dir, 'scorm2004');
    expect(v.ok, v.output).toBe(true);
    expect(readFileSync(join(r2004.dir, 'imsmanifest.xml'), 'utf8')).toContain('<title>Readiness drill</title>'); // a prompted drill's default name
    expect(parseDrillModule(JSON.parse(readFileSync(join(r2004.dir, 'drill.json'), 'utf8'))).standard).toBe('scorm2004');
    const c = await pack('cmi5', [drillJson]);
    expect(c.code, c.err).toBe(0);
    const vc = validateCmi5CourseStructure(c.dir);
    expect(vc.ok, vc.output).toBe(true);
    const xml = readFileSync(join(c.dir, 'cmi5.xml'), 'utf8');
    expect(xml).toMatch(/<au id="https:\/\/w3id\.org\/xapi\/xray-trainer\/modules\/chest-list-week-23\/au" moveOn="Completed" launchMethod="AnyWindow">/);
    expect(xml).not.toContain('masteryScore');
    expect(xml).toContain('<url>index.html?module=drill.json</url>');
  });

  it('the signed drill that npm run drill -- create wrote, on a case pack; a tampered one is refused', async () => {
    const work = mkdtempSync(join(tmpdir(), 'drill-create-'));
    const zip = join(work, 'pack.zip');
    writeFileSync(zip, await fakePackZip(30, 5));
    const week = join(work, 'week23.json');
    let created = '';
    const made = await runDrill(['create', ...CREATE, '--deck', 'pack', '--pack', zip, '--instructor', 'Dr Q. Lead', '--out', week], { stdout: (t) => void (created += t), stderr: () => undefined });
    expect(made, created).toBe(0);
    const r = await pack('scorm12', [week, '--deck', zip]);
    expect(r.code, r.err).toBe(0);
    const d = parseDrillModule(JSON.parse(readFileSync(join(r.dir, 'drill.json'), 'utf8')));
    expect(d).toMatchObject({ title: 'Chest list, week 23', provider: 'Dr Q. Lead', deck: { kind: 'pack', packId: 'test-pack', seed: 7, folder: 'deck' } });
    expect(Object.keys(r.files)).toEqual(expect.arrayContaining(['deck/manifest.json', 'deck/images/c0001.png']));
    expect(validateScormManifest(r.dir, 'scorm12').ok).toBe(true);
    const missing = await pack('scorm12', [week]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/The drill plays case pack 'test-pack': give that pack with --deck <pack\.zip>/);
    writeFileSync(week, readFileSync(week, 'utf8').replace('"fakeShare": 0.1', '"fakeShare": 0.4'));
    const tampered = await pack('scorm12', [week, '--deck', zip]);
    expect(tampered.code).toBe(2);
    expect(tampered.err).toMatch(/--drill .*week23\.json: /);
  });

  it("the browser builder's drill form makes the same zip as the command line, file for file", async () => {
    const game = fakeGame();
    const work = mkdtempSync(join(tmpdir(), 'lms-drill-'));
    const zip = join(work, 'drill.zip');
    const args = ['package', '--standard', 'scorm2004', '--drill', ...CREATE, '--prompted', '1', '--ai-hint', '0.8', '--worklist-title', 'Chest list', '--game', game, '--out', zip];
    expect(await runLms(args, { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const cli = unzipSync(readFileSync(zip));
    const form = { kind: 'drill', standard: 'scorm2004', deck: 'demo', title: 'Chest list, week 23', cases: '12', prevalence: '10', opens: '2026-06-01', closes: '2026-06-14', seed: '7', prompted: '1', 'ai-hint': '80', 'worklist-title': 'Chest list' };
    const { drill, problems } = drillFromForm(form, null);
    expect(problems).toEqual([]);
    const schemas = new Map(['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'xml.xsd'].map((n) => [n, readFileSync(join('assets/lms-schemas/scorm2004', n))]));
    const files = drillZipFiles({ drill: drill!, game: new Map([['index.html', readFileSync(join(game, 'index.html'))]]), deck: new Map(), schemas });
    expect([...files.keys()].sort()).toEqual(Object.keys(cli).sort());
    for (const [name, bytes] of files) expect(Buffer.from(bytes).equals(Buffer.from(cli[name]!)), name).toBe(true);
    // Every problem at once: a field the form checks and one the drill rules check.
    expect(drillFromForm({ ...form, prevalence: '70', title: '' }, null).problems).toEqual(["Drill title: required (it names the drill in your report; learners see the worklist's name).", "Prevalence of fakes (%) '70': from 0 to 50 for a readiness drill."]);
    // The form takes percent: its refusal names its own field and unit, not the deep link's share.
    expect(drillFromForm({ ...form, prevalence: '70' }, null).problems).toEqual(["Prevalence of fakes (%) '70': from 0 to 50 for a readiness drill."]);
    // Every other refusal too: the form's label, the value typed, the form's units; never the deep link's names.
    const said = (o: Record<string, string>): string[] => drillFromForm({ ...form, ...o }, null).problems;
    expect(said({ 'ai-hint': '120' })).toEqual(["AI-hint arm: share right (%) '120': at most 100."]);
    expect(said({ prompted: '0' })).toEqual(['AI-hint arm: share right (%): only for a prompted drill. Leave it empty, or choose the variant "Prompted" (an authenticity-check badge tells an unprompted reader what the drill is about).']);
    expect(said({ seconds: '2' })).toEqual(["Seconds per film '2': at least 5."]);
    expect(said({ cases: '2.5' })).toEqual(["Films '2.5': a whole number."]);
    expect(said({ opens: '2026-13-01' })).toEqual(["Opens '2026-13-01': not a real date."]);
    expect(said({ opens: '2026-06-20' })).toEqual(['"Closes" (2026-06-14) is before "Opens" (2026-06-20): set Closes on or after Opens']);
    expect(said({ 'worklist-title': 'x'.repeat(81) })).toEqual(['Worklist name learners see: at most 80 characters (81 typed).']);
    for (const o of [{ 'ai-hint': '120' }, { prompted: '0' }, { seconds: '2' }, { opens: '2026-06-20' }] as Record<string, string>[]) expect(said(o).join(' ')).not.toMatch(/"(aiHint|seconds|opens|closes|prevalence)"|prompted=1|expected number/);
  });

  it('refuses what a drill module cannot have, all at once, with what to write', async () => {
    const r = await pack('scorm3', ['--key', 'k.json', '--qr', 'q.svg', '--prevalence', '0.1']);
    expect(r.code).toBe(1);
    for (const want of [/--key: a drill module is not signed/, /--qr: a drill module has no join link/, /--standard is required/, /--title <text> is required/]) expect(r.err).toMatch(want);
    const bad = await pack('cmi5', [...CREATE, '--prevalence', '0.7']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--prevalence of a readiness drill must be from 0 to 0\.5/);
  });
});
