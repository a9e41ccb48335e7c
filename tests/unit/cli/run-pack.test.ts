import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPack, unzipPack } from '../../../src/pack-format/index.js';
import { runPackCli } from './helpers.js';
import { requireXray } from '../../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'pack-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A department folder as an instructor has it: real/ and synthetic/<generator>/ (copies of shared images). */
function department(): string {
  const x = requireXray();
  const dept = join(work, `dept-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dept, 'real'), { recursive: true });
  mkdirSync(join(dept, 'synthetic', 'roentgen-v2'), { recursive: true });
  for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 4)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
  cpSync(join(x, 'real/dicom/RG3_J2KR.dcm'), join(dept, 'real', 'tibia.dcm'));
  for (const f of ['rg2_r1c1.png', 'rg2_r1c2.png', 'rg2_r1c3.png']) cpSync(join(x, 'synthetic/roentgen-v2', f), join(dept, 'synthetic', 'roentgen-v2', f));
  return dept;
}

const run = runPackCli;

const noPartials = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes('.partial-'));

describe('npm run pack -- build', () => {
  it('builds a zip pack from a folder, prints the report, saves it beside the pack, and the pack reads back', async () => {
    const dept = department();
    const out = join(work, 'one.zip');
    const r = await run('build', dept, '--out', out, '--size', '256', '--seed', '5', '--leak-threshold', '1', '--title', 'Test pack');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/8 cases from 8 input files: 2 real, 3 imported AI, 3 forged/);
    expect(r.err).toMatch(/Checking inputs 8\/8[\s\S]*Building cases 8\/8/);
    const m = readPack(unzipPack(new Uint8Array(readFileSync(out))));
    expect(m).toMatchObject({ id: 'test-pack', title: 'Test pack', seed: 5, image: { width: 256, height: 256 } });
    expect(JSON.parse(readFileSync(`${out}.report.json`, 'utf8'))).toMatchObject({ packId: 'test-pack', inputs: 8 });
    expect(noPartials(work)).toEqual([]);
  }, 60_000);

  it('writes nothing when the leak audit fails, and says how to accept the leak', async () => {
    const dept = department();
    const out = join(work, 'leaky');
    const r = await run('build', dept, '--out', out, '--size', '256', '--leak-threshold', '0.51');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/leak audit failed[\s\S]*--accept-leak /);
    expect(existsSync(out)).toBe(false);
    expect(noPartials(work)).toEqual([]);
  }, 60_000);

  it('builds a folder pack with labels from a CSV, and never overwrites an existing pack', async () => {
    const dept = department();
    const csv = join(work, 'labels.csv');
    writeFileSync(csv, 'file,label,generator,explanation\nrg2_r1c1.png,fake,RoentGen v2,"Too-smooth lung texture"\n');
    const out = join(work, 'folder-pack');
    const r = await run('build', dept, '--out', out, '--size', '256', '--labels', csv, '--forged-share', '0', '--leak-threshold', '1');
    expect(r.code, r.err).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const rg = m.cases.filter((c: { truth: { generator?: string } }) => c.truth.generator === 'RoentGen v2');
    expect(rg).toHaveLength(1);
    expect(rg[0].truth.explanation).toBe('Too-smooth lung texture');
    const again = await run('build', dept, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  }, 60_000);

  it('reports usage problems all at once with exit code 1', async () => {
    const r = await run('build', '--forged-share', '2', '--bits', '7', '--size', 'big');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs at least one input[\s\S]*--out[\s\S]*forged-share '2'[\s\S]*--size 'big'[\s\S]*--bits '7'/);
    expect((await run('build', join(work, 'nope'), '--out', join(work, 'x'))).err).toMatch(/no such file or folder/);
    expect((await run('--help')).out).toMatch(/npm run pack -- build/);
  });
});
