import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPackCli } from './helpers.js';
import { requireXray } from '../../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'pack-cli-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = runPackCli;

/** dept/real (2 NIH films) and dept/synthetic/roentgen-v2 (2 RoentGen images), copies of shared images. */
function department(): string {
  const x = requireXray();
  const dept = join(mkdtempSync(join(work, 'd-')), 'dept');
  mkdirSync(join(dept, 'real'), { recursive: true });
  mkdirSync(join(dept, 'synthetic', 'roentgen-v2'), { recursive: true });
  for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 2)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
  for (const f of ['rg2_r1c1.png', 'rg2_r1c2.png']) cpSync(join(x, 'synthetic/roentgen-v2', f), join(dept, 'synthetic', 'roentgen-v2', f));
  return dept;
}

describe('npm run pack -- build: inputs and output', () => {
  it('an --out whose folder does not exist is a usage error (exit 1), found before any work', async () => {
    const r = await run('build', department(), '--out', join(work, 'nodir', 'sub', 'p.zip'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--out .*p\.zip: the folder .*nodir\/sub does not exist\. Create it first/);
    expect(r.err).not.toMatch(/unexpectedly|ENOENT/);
    expect(existsSync(join(work, 'nodir'))).toBe(false);
  });

  it('takes a labels CSV row written as the path inside the input folder', async () => {
    const dept = department();
    const csv = join(work, 'labels.csv');
    writeFileSync(csv, 'file,label,generator\nsynthetic/roentgen-v2/rg2_r1c1.png,fake,RoentGen v2 (CSV)\n');
    const out = join(work, 'pack');
    const r = await run('build', dept, '--out', out, '--size', '256', '--labels', csv, '--forged-share', '0', '--leak-threshold', '1');
    expect(r.code, r.err).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const generators = m.cases.map((c: { truth: { generator?: string } }) => c.truth.generator).filter(Boolean).sort();
    expect(generators).toEqual(['RoentGen', 'RoentGen v2 (CSV)']);
  }, 60_000);
});
