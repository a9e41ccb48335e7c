import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrill } from '../../../src/cli/run-drill.js';
import { auIri, drillResponse, drillWorklist, encodeDrillModule, type DrillLmsAnswer } from '../../../src/lms/index.js';
import { startFixtureLrs } from '../../helpers/fixture-lrs.js';
import { demoDrill, scriptedAnswer } from '../../helpers/lms-drill.js';
import { TECHNIQUES } from '../../helpers/lms-module.js';

/**
 * `npm run drill -- report` from an LMS's records: the drill's drill.json with Moodle's interactions report, and the
 * cmi5 AU's statements read from an LRS (the fixture LRS, every statement validated) with the lead's read credentials.
 */
const d = demoDrill({ mode: { casesPerRound: 8, fakeShare: 0.25 } });

function answersOf(learnerId: string): DrillLmsAnswer[] {
  const w = drillWorklist(d, learnerId, TECHNIQUES, null);
  return w.specs.map((s, i) => scriptedAnswer(d, s.id, i, w.hints[s.id] ?? null));
}

async function report(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDrill(['report', ...args], { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('npm run drill -- report with an LMS', () => {
  it("reads Moodle's interactions report beside drill.json", async () => {
    const work = mkdtempSync(join(tmpdir(), 'drill-lms-report-'));
    writeFileSync(join(work, 'drill.json'), encodeDrillModule(d));
    const header = ['Name', 'Username', 'Attempt', 'Score', ...answersOf('a').map((_, i) => `Response ${i}`)];
    const row = (name: string, id: string) => [name, id, '1', 'Completed', ...answersOf(id).map((a) => `"${drillResponse(a)}"`)].join('\t');
    writeFileSync(join(work, 'interactions.txt'), `${[header.join('\t'), row('Ada Lovelace', 'alovelace'), row('Reader Two', 'rtwo')].join('\n')}\n`);
    const r = await report([join(work, 'drill.json'), join(work, 'interactions.txt'), '--json']);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.runs[0].run).toMatchObject({ drillId: `lms:${d.id}`, title: 'June chest drill', worklistSize: 8 });
    expect(rep.runs[0].readers.map((x: { readerId: string; shown: number }) => [x.readerId, x.shown])).toEqual([['Ada Lovelace', 8], ['Reader Two', 8]]);
  });

  it("reads the cmi5 AU's statements from the LRS with the lead's own read credentials (from a file, never the command line)", async () => {
    const lrs = await startFixtureLrs({ credentials: { 'Basic d3JpdGU6bWU=': { write: true }, 'Basic bGVhZDpyZWFk': { read: true } } });
    try {
      const au = auIri(d);
      const statements = ['alovelace', 'rtwo'].flatMap((id) => answersOf(id).map((a, i) => ({
        actor: { objectType: 'Agent', name: id === 'rtwo' ? 'Reader Two' : 'Ada Lovelace', account: { homePage: 'https://lms.example.org', name: id } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
        object: { objectType: 'Activity', id: `https://lms.example.org/au/77/test/drill/question/${a.caseId}` },
        result: { response: drillResponse(a), duration: 'PT2S' }, timestamp: `2026-06-02T09:0${i}:00.000Z`,
        context: { registration: '0b6f3c1e-0000-4000-8000-000000000001', contextActivities: { grouping: [{ objectType: 'Activity', id: au }] } },
      })));
      const post = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { Authorization: 'Basic d3JpdGU6bWU=', 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: JSON.stringify(statements) });
      expect(post.status, await post.text()).toBe(200);
      const work = mkdtempSync(join(tmpdir(), 'drill-lrs-report-'));
      writeFileSync(join(work, 'drill.json'), encodeDrillModule({ ...d, standard: 'cmi5' }));
      writeFileSync(join(work, 'auth.txt'), 'lead:read\n');
      const r = await report([join(work, 'drill.json'), '--lrs', lrs.endpoint, '--lrs-auth-file', join(work, 'auth.txt')]);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/Read 16 answered statements of "June chest drill"/);
      expect(r.out).toMatch(/June chest drill/);
      expect(r.out).toMatch(/Ada Lovelace/);
      expect(r.out).toMatch(/Reader Two/);
      expect(lrs.log.filter((l) => l.method === 'GET').every((l) => l.status === 200)).toBe(true);
      const denied = await report([join(work, 'drill.json'), '--lrs', lrs.endpoint]);
      expect(denied.code).toBe(1);
      expect(denied.err).toMatch(/--lrs needs your read credentials/);
    } finally {
      await lrs.close();
    }
  });
});
