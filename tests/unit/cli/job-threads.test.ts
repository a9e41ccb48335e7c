import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { jobWorkerEntry } from '../../../src/cli/job-worker-bundle.js';
import { unzipPack } from '../../../src/pack-format/index.js';
import { runPackCli } from './helpers.js';
import { requireXray } from '../../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'pack-threads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the pack command's worker threads", () => {
  it('run one bundled JavaScript file, named by its content, made again only when the sources change', async () => {
    const a = await jobWorkerEntry();
    const b = await jobWorkerEntry();
    expect(a.href).toBe(b.href);
    expect(basename(fileURLToPath(a))).toMatch(/^job-worker-[0-9a-f]{16}\.mjs$/);
    expect(fileURLToPath(a)).toContain(join('node_modules', '.cache', 'xray-trainer'));
    expect(readFileSync(a, 'utf8')).toMatch(/from "@cornerstonejs\/codec-openjpeg/); // packages stay external: their .wasm is found beside them
  });

  it('build the same images, byte for byte, and the same manifest as the calling thread alone (a JPEG 2000 DICOM among the inputs)', async () => {
    const x = requireXray();
    const dept = join(work, 'dept');
    mkdirSync(join(dept, 'real'), { recursive: true });
    mkdirSync(join(dept, 'synthetic'), { recursive: true });
    for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 3)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
    cpSync(join(x, 'real/dicom/RG3_J2KR.dcm'), join(dept, 'real', 'tibia.dcm'));
    for (const f of ['rg2_r1c1.png', 'rg2_r1c2.png']) cpSync(join(x, 'synthetic/roentgen-v2', f), join(dept, 'synthetic', f));
    const packs: Map<string, Uint8Array>[] = [];
    for (const jobs of ['1', '2']) {
      const out = join(work, `jobs-${jobs}.zip`);
      const r = await runPackCli('build', dept, '--out', out, '--size', '256', '--seed', '3', '--leak-threshold', '1', '--title', 'Threads', '--jobs', jobs);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`on ${jobs} ${Number(jobs) === 1 ? 'thread' : 'threads'}...`);
      packs.push(unzipPack(new Uint8Array(readFileSync(out))));
    }
    const [one, two] = packs as [Map<string, Uint8Array>, Map<string, Uint8Array>];
    expect([...one.keys()].filter((n) => n.endsWith('.png')).length).toBeGreaterThanOrEqual(6);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [name, bytes] of one) {
      if (name !== 'manifest.json') expect(Buffer.from(two.get(name) as Uint8Array).equals(Buffer.from(bytes)), name).toBe(true);
    }
    // The manifest differs only where every build differs by design: its time, the salted source hashes, fresh UIDs.
    const perBuild = (m: Map<string, Uint8Array>): string => new TextDecoder().decode(m.get('manifest.json')).replace(/"createdAt": *"[^"]*"/, '"createdAt":"T"')
      .replace(/"sha256": *"[0-9a-f]{64}"/g, '"sha256":"H"').replace(/"2\.25\.\d+"/g, '"UID"');
    expect(perBuild(two)).toBe(perBuild(one));
  }, 120_000);
});
