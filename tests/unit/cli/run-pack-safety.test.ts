/**
 * `npm run pack` on what departments hold and on what goes wrong around it: a plain folder of films labelled with
 * --real, AI images with --synthetic, a pack that would have one class only, a labels CSV far too large, a build
 * killed mid-way (its partial output), two builds to one --out, and an --out nobody may write to.
 */
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutput, removeStalePartials } from '../../../src/cli/pack-output.js';
import { runPackCli as run } from './helpers.js';
import { requireXray } from '../../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'pack-cli-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** dept-chest-2026/ (4 NIH films, no real/ folder) and collected-ai/ (3 RoentGen images), as a department has them. */
function plainFolders(): { dept: string; ai: string } {
  const x = requireXray();
  const root = mkdtempSync(join(work, 'plain-'));
  const dept = join(root, 'dept-chest-2026');
  const ai = join(root, 'collected-ai');
  mkdirSync(join(dept, '2026-01'), { recursive: true });
  mkdirSync(ai);
  for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 4)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, '2026-01', f));
  for (const f of ['rg2_r2c1.png', 'rg2_r2c2.png', 'rg2_r2c3.png']) cpSync(join(x, 'synthetic/roentgen-v2', f), join(ai, f));
  return { dept, ai };
}

describe('plain folders labelled on the command line', () => {
  it('builds from --real <folder> and --synthetic <folder> though no path says real/ or synthetic/', async () => {
    const { dept, ai } = plainFolders();
    const out = join(work, 'plain.zip');
    const r = await run('build', '--real', dept, '--synthetic', ai, '--out', out, '--size', '256', '--leak-threshold', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/7 cases from 7 input files: 2 real, 3 imported AI, 2 forged/);
  }, 60_000);

  it('without them every file is unlabelled, and the message names --real and --synthetic', async () => {
    const { dept } = plainFolders();
    const r = await run('build', dept, '--out', join(work, 'none.zip'), '--size', '256');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/\[unlabelled\] dept-chest-2026\/2026-01\/.*no label\. Give its folder with --real or --synthetic/);
  }, 60_000);

  it('a folder of real films with --forged-share 0 is refused with what to add, and nothing is written', async () => {
    const { dept } = plainFolders();
    const out = join(work, 'reals-only.zip');
    const r = await run('build', '--real', dept, '--forged-share', '0', '--out', out, '--size', '256');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/would hold 4 real cases and no fakes.*Add AI-generated images \(--synthetic <folder>/s);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('labels CSV and output folder faults are named, not crashes', () => {
  it('a 150 MB labels CSV is refused from its size, before it is read', async () => {
    const csv = join(work, 'huge.csv');
    const fd = openSync(csv, 'w');
    ftruncateSync(fd, 150 * 1024 ** 2); // sparse: no 150 MB written to disk
    closeSync(fd);
    const { dept } = plainFolders();
    const r = await run('build', '--real', dept, '--labels', csv, '--out', join(work, 'x.zip'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--labels .*huge\.csv: 150 MB is more than a labels CSV needs \(at most 32 MB\)/);
  });

  it('partial outputs left by a killed build are removed at the next build; a live build keeps its lock', () => {
    const out = join(work, 'killed.zip');
    writeFileSync(join(work, '.killed.zip.partial-999999'), 'half a zip'); // pid 999999 is not running
    mkdirSync(join(work, '.killed.zip.partial-999998'));
    expect(removeStalePartials(out).sort()).toEqual([join(work, '.killed.zip.partial-999998'), join(work, '.killed.zip.partial-999999')]);
    expect(readdirSync(work).filter((f) => f.includes('.partial-'))).toEqual([]);
    writeFileSync(join(work, '.killed.zip.lock'), '999999\n'); // a stale lock is taken over
    const release = lockOutput(out);
    expect(readFileSync(join(work, '.killed.zip.lock'), 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('a second build to the same --out while one runs is refused, naming the running build', async () => {
    const { dept, ai } = plainFolders();
    const out = join(work, 'busy.zip');
    writeFileSync(join(work, '.busy.zip.lock'), `${process.ppid}\n`); // a process that certainly runs
    const r = await run('build', '--real', dept, '--synthetic', ai, '--out', out, '--size', '256');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`another pack build \\(process ${process.ppid}\\) is writing it now`));
    expect(existsSync(out)).toBe(false);
    rmSync(join(work, '.busy.zip.lock'));
  });

  it('an --out folder nobody may write to (here /sys, refused even to root) says so before any work', async () => {
    const { dept } = plainFolders();
    const r = await run('build', '--real', dept, '--out', '/sys/pack.zip');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write to \/sys: (read-only|permission denied)/);
    expect(r.err).not.toMatch(/unexpectedly|Please report this/);
  });
});
