import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCohort } from '../../../src/cli/run-cohort.js';
import { collectResults, readableDate, sessionSha256, signSession } from '../../../src/delivery/index.js';
import { answersFor, ISSUED, readerSaves, signedSession, testInstructor } from '../../helpers/delivery.js';
import { drillReaderSaves, signedDrill } from '../../helpers/drill-readers.js';

const dir = mkdtempSync(join(tmpdir(), 'drill-in-debrief-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A training session's reader and a readiness drill's, the drill issued later (so it used to win the tie). */
async function mixed() {
  const training = await signedSession();
  const drill = await signedDrill({ cases: 8, prevalence: 0.1, title: 'Chest list, week 23', issuedAt: ISSUED + 86_400_000 });
  const ana = await readerSaves(training, 'Ana', await answersFor(training, (_, fake) => (fake ? 6 : 1)));
  const ben = await drillReaderSaves(drill, 'Ben', () => ({ flag: false }));
  return { training, drill, files: [{ name: 'ben-drill.json', bytes: ben.bytes }, { name: 'ana.json', bytes: ana.bytes }] };
}

describe("a readiness drill's result file given to the training debrief", () => {
  it('is refused, saying it is a drill and where to report it, and the training files alongside are used', async () => {
    const { training, files } = await mixed();
    const c = await collectResults(files, null, { audience: 'browser' });
    expect(c.sessionSha256).toBe(await sessionSha256(training));
    expect(c.accepted.map((a) => a.name)).toEqual(['ana.json']);
    expect(c.refused).toHaveLength(1);
    expect(c.refused[0]).toMatchObject({ name: 'ben-drill.json', reason: 'wrong-report' });
    expect(c.refused[0]!.message).toMatch(/"Chest list, week 23", a readiness drill, not a training session: open it in the Drill report \(W on the title screen\)/);
    const cli = await collectResults(files, null);
    expect(cli.refused[0]!.message).toMatch(/readiness drill.*npm run drill -- report/);
  });

  it('is refused alone too: nothing is collected from it', async () => {
    const { files } = await mixed();
    const c = await collectResults(files.slice(0, 1), null);
    expect(c.session).toBeNull();
    expect(c.accepted).toEqual([]);
    expect(c.refused.map((r) => r.reason)).toEqual(['wrong-report']);
  });

  it('npm run cohort -- report refuses it (exit 2 alone), reports the training session beside it, and refuses a drill as --session', async () => {
    const { drill, files } = await mixed();
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    writeFileSync(join(dir, 'drill-session.json'), JSON.stringify(drill));
    const io = () => {
      const o = { out: '', err: '' };
      return { o, io: { stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t) } };
    };
    const both = io();
    expect(await runCohort(['report', join(dir, 'ana.json'), join(dir, 'ben-drill.json')], both.io)).toBe(0);
    expect(both.o.out).toMatch(/Session "Tuesday deepfake reading"/);
    expect(both.o.out).toMatch(/ben-drill\.json: wrong-report: A result file of "Chest list, week 23", a readiness drill, not a training session: report it with npm run drill -- report/);
    expect(both.o.out).not.toMatch(/foreign-session/);
    const alone = io();
    expect(await runCohort(['report', join(dir, 'ben-drill.json')], alone.io)).toBe(2);
    expect(alone.o.err).toMatch(/readiness drill.*npm run drill -- report/);
    expect(alone.o.out).toBe('');
    const given = io();
    expect(await runCohort(['report', join(dir, 'ana.json'), '--session', join(dir, 'drill-session.json')], given.io)).toBe(1);
    expect(given.o.err).toMatch(/"Chest list, week 23" is a readiness drill, not a training session: report its result files with npm run drill -- report/);
  });
});

describe('a result file of another training session', () => {
  it('says in the browser what to do there and when the session was issued, readably; the command line names --session', async () => {
    const s = await signedSession();
    const other = await signSession({ ...(await signedSession()).session, sessionId: '1b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f', title: 'Another day', issuedAt: '2025-12-07T12:52:18.354Z' }, await testInstructor());
    const mine = await readerSaves(s, 'Ana', await answersFor(s, () => 3));
    const theirs = await readerSaves(other, 'Dee', await answersFor(other, () => 3));
    const files = [{ name: 'ana.json', bytes: mine.bytes }, { name: 'dee.json', bytes: theirs.bytes }];
    for (const given of [null, s]) {
      const browser = await collectResults(files, given, { audience: 'browser' });
      const m = browser.refused.find((r) => r.name === 'dee.json')!;
      expect(m.reason).toBe('foreign-session');
      expect(m.message).toContain('"Another day", issued 7 Dec 2025, 12:52 UTC');
      expect(m.message).not.toMatch(/--session|T\d\d:\d\d/);
      expect(m.message).toMatch(/press Clear and add only its files, or add its session\.json/);
    }
    expect((await collectResults(files, s)).refused[0]!.message).toMatch(/give --session to choose/);
  });

  it('readableDate: day, month, year and the time in UTC; anything else as given', () => {
    expect(readableDate('2026-03-02T09:05:00.000Z')).toBe('2 Mar 2026, 09:05 UTC');
    expect(readableDate('not a date')).toBe('not a date');
  });
});
