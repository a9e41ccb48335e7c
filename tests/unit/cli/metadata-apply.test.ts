import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { TECHNIQUE_INFO } from '../../../src/forgery/catalog.js';
import { firstGrayPng, removeTempDirs, run, tempDir } from './helpers.js';

const REAL_PNG = firstGrayPng('real/chest/nih-cxr14', (p) => readFileSync(p));
afterAll(removeTempDirs);

describe('metadata techniques in the one catalog and on the command line', () => {
  it('list --json includes the metadata techniques with scope "metadata"', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; scope: string; artifactIds: string[] }[];
    const meta = rows.filter((t) => t.scope === 'metadata').map((t) => t.id).sort();
    expect(meta).toEqual(['colour-tint', 'generator-native-format', 'inconsistent-header', 'provenance-manifest']);
    expect(rows.map((t) => t.id)).toEqual(TECHNIQUE_INFO.map((t) => t.id));
  });

  it('apply generator-native-format writes a square 8-bit-step image and the forged header in the truth', async () => {
    const dir = tempDir('meta');
    const r = await run(['apply', REAL_PNG, '--technique', 'generator-native-format', '--level', 'obvious', '--seed', '1',
      '--out', join(dir, 'fake.png'), '--truth', join(dir, 'truth.json')]);
    expect(r.code, r.stderr).toBe(0);
    const png = decode(readFileSync(join(dir, 'fake.png')));
    expect([png.width, png.height]).toEqual([1024, 1024]);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { header: { name: string; value: string }[]; tells: { artifactId: string }[] };
    expect(truth.tells.map((t) => t.artifactId)).toEqual(['M2']);
    expect(truth.header.find((f) => f.name === 'PhotometricInterpretation')?.value).toBe('RGB');
  });

  it('apply provenance-manifest leaves the pixels and names the manifest', async () => {
    const dir = tempDir('meta2');
    const r = await run(['apply', REAL_PNG, '--technique', 'provenance-manifest', '--level', 'subtle', '--seed', '1',
      '--out', join(dir, 'fake.png'), '--truth', join(dir, 'truth.json')]);
    expect(r.code, r.stderr).toBe(0);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { header: { name: string; value: string }[] };
    expect(truth.header.find((f) => f.name === 'ProvenanceManifest')?.value).toMatch(/trainedAlgorithmicMedia/);
  });
});
