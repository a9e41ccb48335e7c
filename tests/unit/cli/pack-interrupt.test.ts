import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPack, BUILD_DEFAULTS, TOOL_VERSION } from '../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../src/authoring/ingest/codecs.js';
import { collectInputs } from '../../../src/cli/pack-io.js';
import { requireXray } from '../../helpers/shared-data.js';
import { runPackCli } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'pack-stop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a pack build that cannot finish leaves nothing behind', () => {
  it('Ctrl-C (SIGINT) during a build (as `npm run pack` runs it: node --import tsx) stops it at once, removes the partial zip and exits 130', async () => {
    const x = requireXray();
    const out = join(work, 'stopped.zip');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/pack.ts', 'build', join(x, 'real'), join(x, 'synthetic'), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const interrupted = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/Building cases [1-9]\d*\//.test(err)) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await interrupted;
    expect(code, err).toBe(130);
    expect(err).toMatch(/Interrupted: the partial pack was removed and nothing was written/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.partial-'))).toEqual([]);
  }, 120_000);

  it('after SIGKILL (no cleanup possible) the next build to that --out removes the partial pack and the stale lock, and builds', async () => {
    const x = requireXray();
    const out = join(work, 'killed.zip');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/pack.ts', 'build', join(x, 'real'), join(x, 'synthetic'), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let err = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/Building cases [1-9]\d*\//.test(err)) resolve();
      });
    });
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(work).filter((f) => f.startsWith('.killed.zip.'))).toEqual(expect.arrayContaining([`.killed.zip.partial-${child.pid}`, '.killed.zip.lock']));
    const dept = join(work, 'small');
    mkdirSync(join(dept, 'real'), { recursive: true });
    mkdirSync(join(dept, 'synthetic'), { recursive: true });
    for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 2)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
    cpSync(join(x, 'synthetic/roentgen-v2/rg2_r1c1.png'), join(dept, 'synthetic', 'a.png'));
    const r = await runPackCli('build', dept, '--out', out, '--size', '256', '--leak-threshold', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`Removed .*\\.killed\\.zip\\.partial-${child.pid}, left by a pack build that was stopped`));
    expect(readdirSync(work).filter((f) => f.startsWith('.killed.zip.'))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  }, 120_000);

  it('a failing write (disk full) fails the whole build with a message, rather than blaming an input', async () => {
    const x = requireXray();
    const inputs = collectInputs([join(x, 'real'), join(x, 'synthetic')]);
    const few = { paths: inputs.paths.filter((_, i) => i % 8 === 0), read: inputs.read };
    let writes = 0;
    const r = await buildPack(
      few,
      { ...BUILD_DEFAULTS, id: 'full-disk', size: 256, inputLabels: [], acceptLeaks: [], labels: null, toolVersion: TOOL_VERSION, leakThreshold: 1, deidSalt: 's' },
      {
        codecs: createCodecSet(),
        sink: {
          write: async () => {
            if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
        },
      },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/The pack could not be written \(.*ENOSPC.*\)\. Nothing was kept\. Check the free space/);
  }, 60_000);
});
