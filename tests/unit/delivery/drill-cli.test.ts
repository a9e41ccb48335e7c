import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDrill } from '../../../src/cli/run-drill.js';
import { parseSessionLink, verifySession } from '../../../src/delivery/index.js';
import { drillReaderSaves } from '../../helpers/drill-readers.js';

const dir = mkdtempSync(join(tmpdir(), 'drill-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDrill(args, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    now: () => Date.parse('2026-06-01T08:00:00Z'),
  });
  return { code, out, err };
}

describe('npm run drill', () => {
  it('creates a signed, counterbalanced drill whose link carries every setting', async () => {
    writeFileSync(join(dir, 'briefing.txt'), 'Please report these chest films\nas you would on a Tuesday list.');
    const r = await run(['create', '--title', 'June list', '--out', join(dir, 'june.json'), '--instructor', 'Dr Q. Lead', '--cases', '20', '--prevalence', '0.1',
      '--prompted', '1', '--ai-hint', '0.8', '--opens', '2026-06-01', '--closes', '2026-06-14', '--briefing-file', join(dir, 'briefing.txt'), '--seed', '5']);
    expect(r.code).toBe(0);
    const link = r.out.trim().split('\n').at(-1) as string;
    const check = await verifySession(parseSessionLink(link), Date.parse('2026-06-01T09:00:00Z'));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.signed.session).toMatchObject({
      order: 'counterbalanced', deck: { kind: 'demo', seed: 5 },
      mode: { id: 'drill', casesPerRound: 20, fakeShare: 0.1, answer: 'rating', drill: { aiHint: { accuracy: 0.8 }, opens: '2026-06-01', closes: '2026-06-14', briefing: 'Please report these chest films as you would on a Tuesday list.' } },
    });
  });

  it.each([
    [['--ai-hint', '0.8'], /--ai-hint needs a prompted drill: remove --ai-hint, or set --prompted 1/],
    [['--cases', '300'], /--cases: too big/],
    [['--prevalence', '0.7'], /--prevalence of a readiness drill must be from 0 to 0.5/],
    [['--opens', '2026-06-10', '--closes', '2026-06-01'], /--closes \(2026-06-01\) is before --opens \(2026-06-10\): set --closes on or after --opens/],
    [['--prompted', 'yes'], /--prompted must be 0 or 1/],
  ])('refuses %j by name and writes nothing', async (extra, msg) => {
    const out = join(dir, `bad-${Math.random()}.json`);
    const r = await run(['create', '--title', 'x', '--out', out, '--key', join(dir, 'instructor-key.json'), ...extra]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(msg);
    // The command line's option names, never the mode's internal fields or the deep link's spelling.
    expect(r.err).not.toMatch(/fakeShare|casesPerRound|secondsPerCase|drill\.|aiHint|prompted=/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('reports a folder of result files as text, JSON and a printable page', async () => {
    const session = JSON.parse(readFileSync(join(dir, 'june.json'), 'utf8'));
    for (const [name, flag] of [['Ana', true], ['Ben', false], ['Cy', true]] as const) {
      const r = await drillReaderSaves(session, name, (f) => ({ flag: flag && f.fake }));
      writeFileSync(join(dir, `${name}.json`), r.bytes);
    }
    const text = await run(['report', dir, '--html', join(dir, 'report.html')]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/== June list \(2026-06-01, 3 readers\)/);
    expect(text.out).toMatch(/Prevalence set at 10%/);
    expect(text.out).toMatch(/Badge right: /);
    expect(text.out).toMatch(/Dratsch et al\., Radiology 2023/);
    expect(text.out).toMatch(/skipped\s+\S*june\.json: the drill definition/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/<h1>Readiness drill report<\/h1>/);
    expect(html).not.toMatch(/<script/);
    const json = JSON.parse((await run(['report', dir, '--json'])).out);
    expect(json.runs[0].readers.map((r: { readerId: string }) => r.readerId).sort()).toEqual(['Ana', 'Ben', 'Cy']);
    expect(json.runs[0].run.prevalence).toBe(0.1);
  });

  it('exits 2 when no file is a drill result', async () => {
    const r = await run(['report', join(dir, 'june.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No drill result could be used/);
  });
});
