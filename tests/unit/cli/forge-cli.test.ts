import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decode, encode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACT_CATEGORIES, artifactById } from '../../../src/domain/artifacts.js';
import { rasterizeRegions } from '../../../src/cli/mask.js';
import { TECHNIQUE_IDS, TECHNIQUES, getTechnique as getPixelTechnique } from '../../../src/forgery/catalog.js';
import { METADATA_TECHNIQUES } from '../../../src/forgery/metadata/index.js';

/** Pixel or metadata technique by id (the one catalog lists both). */
const getTechnique = (id: string, any = false) => (any && METADATA_TECHNIQUES[id]) || getPixelTechnique(id);
import { filesIn, firstGrayPng, removeTempDirs, run, tempDir, xray, XRAY } from './helpers.js';

afterAll(removeTempDirs);

const REAL_PNG = firstGrayPng('real/chest/nih-cxr14', (p) => readFileSync(p));
const NIH_DICOM = xray('real/dicom/nih-cxr14-google-dx.dcm');
const RGBA_SYNTHETIC = xray('synthetic/lunggen-ddpm/grid_epoch22.png');

interface TruthJson {
  input: string;
  width: number;
  height: number;
  bitsStored: number;
  technique: string;
  level: string;
  seed: number;
  tells: { artifactId: string; explanation: string; howToSee: string; strength: number; regions: { x: number; y: number }[][] }[];
}

function applyArgs(input: string, dir: string, technique: string, extra: string[] = []): string[] {
  return ['apply', input, '--technique', technique, '--level', 'obvious', '--seed', '42',
    '--out', join(dir, 'fake.png'), '--truth', join(dir, 'truth.json'), ...extra];
}

/** Input pixels as the tool stores them: 8-bit gray x16 (12 bits). */
function input12(path: string): Uint16Array {
  const png = decode(readFileSync(path));
  return Uint16Array.from(png.data, (v) => v * 16);
}

function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < w && yy < h) out[yy * w + xx] = 1;
        }
    }
  return out;
}

describe('forge list', () => {
  it('--json lists every registered technique with artifacts, category, scope and levels', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; name: string; artifactIds: string[]; category: string; scope: string; levels: string[] }[];
    expect(rows.map((x) => x.id).sort()).toEqual([...Object.keys(TECHNIQUES), ...Object.keys(METADATA_TECHNIQUES)].sort());
    for (const row of rows) {
      const t = getTechnique(row.id as never, true);
      expect(row).toEqual({ id: t.id, name: t.name, artifactIds: [...t.artifactIds], category: row.category, scope: t.scope, levels: ['obvious', 'subtle', 'expert'] });
      expect(ARTIFACT_CATEGORIES).toContain(row.category);
      expect(row.category).toBe(artifactById(t.artifactIds[0] as (typeof t.artifactIds)[number]).category);
    }
  });

  it('prints a table with one line per technique', async () => {
    const r = await run(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+ARTIFACTS\s+CATEGORY\s+SCOPE\s+LEVELS$/);
    for (const id of TECHNIQUE_IDS) expect(lines.some((l) => l.startsWith(`${id} `))).toBe(true);
  });

  it('--help and no arguments print usage and exit 0', async () => {
    for (const argv of [[], ['--help'], ['apply', '--help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('npm run forge -- apply <image.png|image.dcm> --technique <id>');
      expect(r.stdout).toContain('Exit codes: 0 ok, 1 usage error, 2 input or processing error.');
    }
  });
});

describe('forge apply on a real 8-bit chest PNG', () => {
  it.each([...TECHNIQUE_IDS])('%s: writes a 16-bit gray fake that differs inside its tells, a truth JSON and a mask', async (id) => {
    const dir = tempDir('real');
    const r = await run(applyArgs(REAL_PNG, dir, id, ['--mask', join(dir, 'mask.png')]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(filesIn(dir)).toEqual(['fake.png', 'mask.png', 'truth.json']);

    const src = decode(readFileSync(REAL_PNG));
    const fake = decode(readFileSync(join(dir, 'fake.png')));
    expect([fake.width, fake.height, fake.depth, fake.channels]).toEqual([src.width, src.height, 16, 1]);

    const truthText = readFileSync(join(dir, 'truth.json'), 'utf8');
    const truth = JSON.parse(truthText) as TruthJson;
    expect(Object.keys(truth).sort()).toEqual(['bitsStored', 'height', 'inputSha256', 'level', 'seed', 'technique', 'tells', 'width']);
    expect(JSON.stringify(truth)).not.toContain(basename(REAL_PNG).replace('.png', ''));
    expect(truth).toMatchObject({ inputSha256: createHash('sha256').update(readFileSync(REAL_PNG)).digest('hex'), width: src.width, height: src.height, bitsStored: 12, technique: id, level: 'obvious', seed: 42 });
    expect(truthText).not.toContain(XRAY); // base name only, never a path
    expect(truthText).not.toContain(dir);
    expect(truth.tells.length).toBeGreaterThan(0);
    for (const t of truth.tells) {
      expect(getTechnique(id).artifactIds).toContain(t.artifactId);
      expect(t.explanation.length).toBeGreaterThan(20);
      expect(t.howToSee.length).toBeGreaterThan(10);
      expect(t.strength).toBeGreaterThan(0);
      expect(t.regions.length).toBeGreaterThan(0);
      for (const poly of t.regions) expect(poly.length).toBeGreaterThanOrEqual(3);
    }

    const w = src.width;
    const h = src.height;
    const inside = rasterizeRegions(truth.tells.flatMap((t) => t.regions), w, h);
    const mask = decode(readFileSync(join(dir, 'mask.png')));
    expect([mask.depth, mask.channels]).toEqual([8, 1]);
    let maskMismatches = 0;
    for (let i = 0; i < inside.length; i++) if (mask.data[i] !== inside[i]) maskMismatches++;
    expect(maskMismatches).toBe(0);
    expect(inside.some((v) => v === 255)).toBe(true);

    const before = input12(REAL_PNG);
    const after = Uint16Array.from(fake.data as Uint16Array, (v) => v >> 4); // 16-bit PNG -> 12 bits stored
    let changedInside = 0;
    for (let i = 0; i < before.length; i++) if (inside[i] && after[i] !== before[i]) changedInside++;
    expect(changedInside).toBeGreaterThan(0);
    const technique = getPixelTechnique(id);
    if (technique.scope === 'local') {
      // The mask must cover every change, give or take the technique's declared margin (and a pixel of rounding).
      const near = dilate(inside, w, h, technique.marginPx + 1);
      let changedOutside = 0;
      for (let i = 0; i < before.length; i++) if (!near[i] && after[i] !== before[i]) changedOutside++;
      expect(changedOutside).toBe(0);
    }
  });

  it('gives byte-identical output for the same seed and different pixels for another seed', async () => {
    const small = xray('synthetic/lunggen-ddpm/lunggen_e21_s2.png');
    const [a, b, c] = [tempDir('det'), tempDir('det'), tempDir('det')];
    expect((await run(applyArgs(small, a, 'uniform-grain'))).code).toBe(0);
    expect((await run(applyArgs(small, b, 'uniform-grain'))).code).toBe(0);
    const other = applyArgs(small, c, 'uniform-grain');
    other[other.indexOf('--seed') + 1] = '43';
    expect((await run(other)).code).toBe(0);
    expect(readFileSync(join(a, 'fake.png')).equals(readFileSync(join(b, 'fake.png')))).toBe(true);
    expect(readFileSync(join(a, 'truth.json'), 'utf8')).toBe(readFileSync(join(b, 'truth.json'), 'utf8'));
    expect(readFileSync(join(a, 'fake.png')).equals(readFileSync(join(c, 'fake.png')))).toBe(false);
  });
});

describe('forge apply reads its input through the pack ingest', () => {
  it('forges the uncompressed NIH DICOM and names it by its hash only', async () => {
    const dir = tempDir('dcm');
    const r = await run(applyArgs(NIH_DICOM, dir, 'pasted-lesion'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('DICOM 1024x1024, 8-bit -> 12-bit gray');
    const fake = decode(readFileSync(join(dir, 'fake.png')));
    expect([fake.width, fake.height, fake.depth, fake.channels]).toEqual([1024, 1024, 16, 1]);
    const text = readFileSync(join(dir, 'truth.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ inputSha256: expect.stringMatching(/^[0-9a-f]{64}$/), bitsStored: 12 });
    expect(text).not.toContain('nih-cxr14');
    expect(text).not.toMatch(/Covid0000|No Finding/); // the header's patient id and study description stay out
  });

  it.each(['RG1_J2KI.dcm', 'RG3_J2KR.dcm'])('forges the JPEG 2000 DICOM %s, as packs read it (compressed DICOM is no longer refused)', async (f) => {
    const dir = tempDir('j2k');
    const r = await run(applyArgs(xray(`real/dicom/${f}`), dir, 'uniform-grain'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/DICOM \d+x\d+, (15|10)-bit -> (15|12)-bit gray/);
    expect(r.stdout).not.toMatch(/CompressedSamples/); // no header text (the patient name) leaks into messages
    expect(filesIn(dir)).toEqual(['fake.png', 'truth.json']);
  });

  it('refuses the LungGen training grid (a 950 x 277 figure) with the pack message, and writes nothing', async () => {
    const dir = tempDir('grid');
    const r = await run(applyArgs(RGBA_SYNTHETIC, dir, 'waxy-smoothing'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/grid_epoch22\.png: the PNG is 950x277 pixels; its aspect ratio 3\.4:1 is over 3:1.*\[dimensions\]/s);
    expect(filesIn(dir)).toEqual([]);
  });

  it('forges a generator-style tinted RGB image the way packs accept it: grey by Rec. 601 luma, the cast named', async () => {
    const dir = tempDir('tint');
    const src = decode(readFileSync(REAL_PNG));
    const rgb = new Uint8Array(src.width * src.height * 3);
    for (let i = 0; i < src.width * src.height; i++) {
      const g = src.data[i * src.channels] as number;
      rgb.set([Math.min(255, g + 14), g, Math.max(0, g - 12)], i * 3); // a warm cast of about 26 levels
    }
    writeFileSync(join(dir, 'input.png'), encode({ width: src.width, height: src.height, data: rgb, depth: 8, channels: 3 }));
    const r = await run(applyArgs(join(dir, 'input.png'), dir, 'uniform-grain'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PNG 1024x1024, 8-bit, colour with a warm \(orange-yellow, sepia\) cast of 2\d levels \(read as Rec\. 601 luma\) -> 12-bit gray/);
  });
});

describe('forge apply: bad input is refused, says what to do, and leaves nothing behind', () => {
  const expectRefused = async (argv: (dir: string) => string[], code: number, message: RegExp): Promise<void> => {
    const dir = tempDir('bad');
    const r = await run(argv(dir));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(filesIn(dir).filter((f) => f !== 'input.png')).toEqual([]);
  };

  it('unknown technique: exit 1, lists the known ids', async () => {
    await expectRefused((d) => applyArgs(REAL_PNG, d, 'photoshop'), 1, new RegExp(`Unknown technique 'photoshop'; use one of: ${[...TECHNIQUE_IDS, ...Object.keys(METADATA_TECHNIQUES)].join(', ')}`));
  });

  it('bad level and non-integer seed: exit 1, both reported at once', async () => {
    await expectRefused(
      (d) => ['apply', REAL_PNG, '--technique', 'uniform-grain', '--level', 'hard', '--seed', '1.5', '--out', join(d, 'f.png'), '--truth', join(d, 't.json')],
      1,
      /Bad --level 'hard'; use one of: obvious, subtle, expert\nBad --seed '1.5'; use an integer from 0 to 4294967295/,
    );
  });

  it('missing --out, wrong extensions, unknown options and commands: exit 1', async () => {
    await expectRefused((d) => ['apply', REAL_PNG, '--technique', 'uniform-grain', '--level', 'subtle', '--seed', '1', '--truth', join(d, 't.json')], 1, /--out <file\.png> is required/);
    await expectRefused((d) => applyArgs(REAL_PNG, d, 'uniform-grain').map((a) => a.replace('truth.json', 'truth.txt')), 1, /--truth '.*truth\.txt' should end in \.json/);
    await expectRefused((d) => [...applyArgs(REAL_PNG, d, 'uniform-grain'), '--colour'], 1, /Unknown option '--colour'[\s\S]*--help/);
    await expectRefused(() => ['frobnicate'], 1, /Unknown command 'frobnicate'. Use 'list' or 'apply'/);
  });

  it('an output folder that does not exist: exit 1, says to create it', async () => {
    await expectRefused((d) => ['apply', REAL_PNG, '--technique', 'uniform-grain', '--level', 'subtle', '--seed', '1', '--out', join(d, 'nope', 'f.png'), '--truth', join(d, 't.json')], 1, /--out: the folder .*nope does not exist; create it first/);
  });

  it('an output that would overwrite the input: exit 1', async () => {
    const dir = tempDir('clash');
    copyFileSync(REAL_PNG, join(dir, 'input.png'));
    const r = await run(['apply', join(dir, 'input.png'), '--technique', 'uniform-grain', '--level', 'subtle', '--seed', '1', '--out', join(dir, 'input.png'), '--truth', join(dir, 't.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is the same file as the input image; pick a different path/);
    expect(readFileSync(join(dir, 'input.png')).equals(readFileSync(REAL_PNG))).toBe(true);
    expect(filesIn(dir)).toEqual(['input.png']);
  });

  it('a missing input file: exit 2, says to check the path', async () => {
    await expectRefused((d) => applyArgs(join(d, 'absent.png'), d, 'uniform-grain'), 2, /cannot read the input image .*absent\.png: no such file\. Check the path/);
  });

  it('a device instead of a file: exit 2, never reads it (no hang on /dev/zero)', async () => {
    await expectRefused((d) => applyArgs('/dev/zero', d, 'uniform-grain'), 2, /cannot read the input image \/dev\/zero: not a regular file.*Check the path/);
  });

  it('a truncated PNG (first 100 bytes of a real one): exit 2, with the pack reason', async () => {
    await expectRefused((d) => {
      writeFileSync(join(d, 'input.png'), readFileSync(REAL_PNG).subarray(0, 100));
      return applyArgs(join(d, 'input.png'), d, 'uniform-grain');
    }, 2, /input\.png: the PNG ends early .*Copy or export it again\. \[truncated\]/);
  });

  it('a text file named .png: exit 2, lists the supported formats', async () => {
    await expectRefused((d) => {
      writeFileSync(join(d, 'input.png'), 'hello, I am not a radiograph\n');
      return applyArgs(join(d, 'input.png'), d, 'uniform-grain');
    }, 2, /input\.png: it is not a DICOM, PNG or JPEG file\. Supported: DICOM Part 10 .*\[not-an-image\]/);
  });

  it('a thumbnail, an APNG and a PNG with a broken CRC: refused as packs refuse them', async () => {
    const real = new Uint8Array(readFileSync(REAL_PNG));
    const broken = real.slice();
    broken[real.length >> 1] = (broken[real.length >> 1] as number) ^ 0x55;
    await expectRefused((d) => {
      writeFileSync(join(d, 'input.png'), encode({ width: 6, height: 6, data: new Uint8Array(36).fill(90), depth: 8, channels: 1 }));
      return applyArgs(join(d, 'input.png'), d, 'mirror-symmetry');
    }, 2, /input\.png: the PNG is 6x6 pixels; each side must be at least 64 px.*\[dimensions\]/);
    await expectRefused((d) => {
      writeFileSync(join(d, 'input.png'), broken);
      return applyArgs(join(d, 'input.png'), d, 'uniform-grain');
    }, 2, /fails its CRC check.*\[corrupt\]/);
  });

  it('a failing later write removes the earlier outputs', async () => {
    const dir = tempDir('rollback');
    let calls = 0;
    const r = await run(applyArgs(xray('synthetic/lunggen-ddpm/lunggen_e21_s2.png'), dir, 'uniform-grain'), {
      writeFileAtomic: (path, bytes) => {
        calls++;
        if (calls === 2) throw new Error('ENOSPC: no space left on device');
        writeFileSync(path, bytes);
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*truth\.json: ENOSPC.*No output was kept/);
    expect(filesIn(dir)).toEqual([]);
  });
});
