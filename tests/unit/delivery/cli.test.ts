import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCohort } from '../../../src/cli/run-cohort.js';
import { runSession } from '../../../src/cli/run-session.js';
import { parseSessionLink, verifySession, type SignedSession } from '../../../src/delivery/index.js';
import { answersFor, readerSaves } from '../../helpers/delivery.js';

const dir = mkdtempSync(join(tmpdir(), 'delivery-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(fn: (argv: string[], io: { stdout(t: string): void; stderr(t: string): void }) => Promise<number>, argv: string[]) {
  let out = '';
  let err = '';
  return fn(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }).then((code) => ({ code, out, err }));
}

describe('npm run session', () => {
  it('creates a signed session, a key when none is given, a QR code, and prints the link last', async () => {
    const out = join(dir, 'tuesday.json');
    const r = await run(runSession, ['create', '--deck', 'demo', '--seed', '7', '--cases', '4', '--rounds', '1', '--seconds', '30', '--title', 'Tuesday', '--instructor', 'Dr A. Rossi', '--order', 'counterbalanced', '--out', out, '--base-url', 'https://teaching.example.org/xray/', '--qr', join(dir, 'join.svg')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/instructor-key\.json/);
    const last = r.out.trim().split('\n').pop() as string;
    expect(last).toMatch(/^#session=/);
    const fromLink = await verifySession(parseSessionLink(last));
    const fromFile = await verifySession(JSON.parse(readFileSync(out, 'utf8')));
    expect(fromLink.ok && fromFile.ok).toBe(true);
    if (fromLink.ok && fromFile.ok) expect(fromLink.sha256).toBe(fromFile.sha256);
    expect(readFileSync(join(dir, 'join.svg'), 'utf8')).toMatch(/^<svg/);
    // A second session with the same key shows the same fingerprint.
    const again = await run(runSession, ['create', '--deck', 'demo', '--seed', '8', '--cases', '4', '--rounds', '1', '--seconds', '30', '--title', 'Wednesday', '--key', join(dir, 'instructor-key.json'), '--out', join(dir, 'wed.json')]);
    expect(again.code, again.err).toBe(0);
    const fp = (s: string) => /fingerprint ([A-Z2-7-]{19})/.exec(s)?.[1];
    expect(fp(again.out)).toBe(fp(r.out));
  });

  it('usage errors exit 1 with a message that says what to do, and write nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['create', '--deck', 'demo'], /--seed is required/],
      [['create', '--deck', 'demo', '--seed', 'x', '--cases', '4', '--rounds', '1', '--seconds', '30', '--title', 'T', '--out', join(dir, 'a.json')], /--seed must be a whole number/],
      [['create', '--deck', 'demo', '--seed', '1', '--cases', '4', '--rounds', '1', '--seconds', '3', '--title', 'T', '--out', join(dir, 'a.json'), '--key', join(dir, 'instructor-key.json')], /--seconds must be/],
      [['create', '--bogus'], /bogus/],
      [['create', '--deck', 'demo', '--seed', '1', '--cases', '4', '--rounds', '1', '--seconds', '30', '--title', 'T', '--out', join(dir, 'tuesday.json')], /already exists/],
      [['create', '--deck', 'demo', '--seed', '1', '--cases', '4', '--rounds', '1', '--seconds', '30', '--title', 'T', '--out', join(dir, 'b.json'), '--key', join(dir, 'instructor-key.json'), '--lrs-endpoint', 'https://lrs.example.org/xapi/'], /--lrs-token/],
    ];
    for (const [argv, msg] of cases) {
      const r = await run(runSession, argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toMatch(msg);
    }
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });
});

describe('npm run cohort', () => {
  it('reports readers and the group from a folder and a zip, refuses the bad files, and exports', async () => {
    const s = JSON.parse(readFileSync(join(dir, 'tuesday.json'), 'utf8')) as SignedSession;
    const perfect = await readerSaves(s, 'Ana', await answersFor(s, (_, fake) => (fake ? 6 : 1)));
    const guesser = await readerSaves(s, '=HYPERLINK("x")', await answersFor(s, (i) => (i % 2 === 0 ? 5 : 2)));
    const late = await readerSaves(s, 'Cy', await answersFor(s, (i, fake) => (i === 0 ? null : fake ? 4 : 3)));
    writeFileSync(join(dir, 'ana.json'), perfect.bytes);
    writeFileSync(join(dir, 'class.zip'), zipSync({ 'b.json': guesser.bytes, 'c.json': late.bytes }));
    writeFileSync(join(dir, 'broken.json'), perfect.bytes.slice(0, 300));
    const csv = join(dir, 'answers.csv');
    const lrc = join(dir, 'study.lrc');
    const r = await run(runCohort, ['report', join(dir, 'ana.json'), join(dir, 'class.zip'), join(dir, 'broken.json'), '--session', join(dir, 'tuesday.json'), '--csv', csv, '--lrc', lrc, '--imrmc', join(dir, 'study.imrmc')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Ana .* 100%/);
    expect(r.out).toMatch(/broken\.json: truncated/);
    expect(r.out).toMatch(/Reader-averaged AUC/);
    const csvText = readFileSync(csv, 'utf8');
    expect(csvText).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(1 + 3 * 4);
    expect(readFileSync(lrc, 'utf8').length).toBeGreaterThan(20);
    const json = await run(runCohort, ['report', join(dir, 'ana.json'), join(dir, 'class.zip'), '--json', '--anonymise']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { readers: { readerId: string; accuracy: number }[] };
    expect(parsed.readers.map((x) => x.readerId)).toEqual(['R1', 'R2', 'R3']);
    expect(parsed.readers[0]!.accuracy).toBe(1);
    expect(json.out).not.toMatch(/Ana|HYPERLINK/);
  });

  it('--anonymise prints no display name and no input file name (text, JSON) and leaves the CSV fingerprint and file columns empty', async () => {
    const s = JSON.parse(readFileSync(join(dir, 'tuesday.json'), 'utf8')) as SignedSession;
    const anon = join(dir, 'anon');
    mkdirSync(anon);
    const answers = await answersFor(s, (i) => (i % 2 ? 6 : 1));
    const first = await readerSaves(s, 'Ana Garcia', answers, { finishedAt: Date.parse('2026-03-02T10:00:00Z') });
    writeFileSync(join(anon, 'tuesday-ana-garcia-result.json'), first.bytes);
    writeFileSync(join(anon, 'tuesday-ana-garcia-result (1).json'), (await readerSaves(s, 'Ana Garcia', answers, { key: first.key, finishedAt: Date.parse('2026-03-02T11:00:00Z') })).bytes);
    writeFileSync(join(anon, 'tuesday-ben-okafor-result.json'), (await readerSaves(s, 'Ben Okafor', answers)).bytes);
    writeFileSync(join(anon, 'tuesday-carl-smith-result.json'), '{"format":"xray-trainer.result","schemaVersion":1,"result":{');
    const csv = join(dir, 'anon.csv');
    const names = /garcia|okafor|smith|\bAna\b|\bBen\b|\bCarl\b/i;
    const text = await run(runCohort, ['report', anon, '--anonymise', '--csv', csv]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Superseded[^\n]*\n {2}1 file; names hidden/);
    expect(text.out).toMatch(/file 1 \(name hidden\): truncated/);
    expect(text.out + text.err).not.toMatch(names);
    const json = await run(runCohort, ['report', anon, '--anonymise', '--json']);
    expect(json.code, json.err).toBe(0);
    expect(json.out + json.err).not.toMatch(names);
    expect(JSON.parse(json.out)).toMatchObject({ refused: [{ name: '', reason: 'truncated' }], superseded: [{ name: '', keptName: '' }] });
    const rows = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^R\d$/.test(r[0]!) && r[1] === '' && r[2] === '')).toBe(true);
    const none = await run(runCohort, ['report', join(anon, 'tuesday-carl-smith-result.json'), '--anonymise']);
    expect(none.code).toBe(2);
    expect(none.out + none.err).not.toMatch(names);
  });

  it('exits 2 when no file can be used, and 1 on usage errors', async () => {
    writeFileSync(join(dir, 'junk.json'), '{"hello": 1}');
    const none = await run(runCohort, ['report', join(dir, 'junk.json')]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/junk\.json: not-a-result/);
    expect(none.err).toMatch(/No result file could be used/);
    expect((await run(runCohort, ['report'])).code).toBe(1);
    expect((await run(runCohort, ['report', join(dir, 'nope')])).code).toBe(1);
  });

  it('reads an .lrc file and prints the OR analysis (Van Dyke)', async () => {
    const r = await run(runCohort, ['report', join(process.cwd(), '..', 'shared', 'reader-studies', 'VanDyke.lrc')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/AUC 0\.8970/);
    expect(r.out).toMatch(/AUC 0\.9408/);
  });
});
