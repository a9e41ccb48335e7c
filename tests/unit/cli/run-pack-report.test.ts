import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPackCli } from './helpers.js';
import { requireXray } from '../../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'pack-cli-handoff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = runPackCli;

describe('npm run pack -- build: what it says about skipped files and unmatched label rows', () => {
  it('prints the symbolic links and hidden files it skipped, and warns about CSV rows that match no file', async () => {
    const x = requireXray();
    const dept = join(work, 'dept');
    mkdirSync(join(dept, 'real'), { recursive: true });
    for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 3)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
    symlinkSync(join(x, 'real/chest/nih-cxr14/00030254_000.png'), join(dept, 'real', 'linked.png'));
    writeFileSync(join(dept, 'real', '.DS_Store'), 'junk');
    const csv = join(work, 'labels.csv');
    writeFileSync(csv, 'file,label\ntypo.png,real\nreal/nope.png,real\n');
    const r = await run('build', dept, '--out', join(work, 'p.zip'), '--size', '256', '--labels', csv, '--forged-share', '0.5', '--leak-threshold', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Skipped 2 items in the input folders:\n {2}.*\.DS_Store: hidden[^\n]*\n {2}.*linked\.png: a symbolic link: not followed/);
    expect(r.out).toMatch(/Warnings:\n {2}labels\.csv: 2 rows match no input file: typo\.png, real\/nope\.png\./);
  }, 60_000);
});
