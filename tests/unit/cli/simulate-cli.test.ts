import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { getMode } from '../../../src/domain/index.js';
import { planDemoDeck } from '../../../src/decks/index.js';
import { nodeIo, type ForgeIo } from '../../../src/cli/io.js';
import { runSimulate } from '../../../src/cli/run-simulate.js';
import { TECHNIQUE_SUMMARIES } from '../../../src/forgery/index.js';
import { SIMULATOR_VERSION } from '../../../src/simulator/index.js';
import { filesIn, removeTempDirs, tempDir } from './helpers.js';

function sim(argv: readonly string[], overrides: Partial<ForgeIo> = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: ForgeIo = { ...nodeIo(), stdout: (t) => void (stdout += `${t}\n`), stderr: (t) => void (stderr += `${t}\n`), ...overrides };
  return { code: runSimulate(argv, io), stdout, stderr };
}

afterAll(removeTempDirs);

describe('npm run simulate: one film', () => {
  it('prints its usage with --help and exits 0', () => {
    const r = sim(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run simulate -- --deck demo --seed <n> --cases <k> --out <folder>');
  });

  it('writes a 16-bit greyscale PNG and its truth, the same bytes for the same seed', () => {
    const dir = tempDir('sim-film');
    const a = sim(['--seed', '11', '--width', '320', '--height', '384', '--out', join(dir, 'a.png'), '--truth', join(dir, 'a.json')]);
    expect(a.code, a.stderr).toBe(0);
    const b = sim(['--seed', '11', '--width', '320', '--height', '384', '--out', join(dir, 'b.png')]);
    expect(b.code, b.stderr).toBe(0);
    const png = decode(readFileSync(join(dir, 'a.png')));
    expect([png.width, png.height, png.depth, png.channels]).toEqual([320, 384, 16, 1]);
    expect(readFileSync(join(dir, 'b.png')).equals(readFileSync(join(dir, 'a.png')))).toBe(true);
    const truth = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Record<string, unknown>;
    expect(truth.simulatorVersion).toBe(SIMULATOR_VERSION);
    expect(truth.kind).toBe('authentic');
    expect(truth.bitsStored).toBe(12);
    expect(Array.isArray(truth.findings)).toBe(true);
    expect(Array.isArray(truth.authenticityCues)).toBe(true);
    expect(filesIn(dir)).toEqual(['a.json', 'a.png', 'b.png']);
  });

  it('refuses bad arguments with exit 1, names every problem and writes nothing', () => {
    const dir = tempDir('sim-usage');
    const r = sim(['--seed', '1.5', '--out', join(dir, 'x.tif'), '--width', '300', 'stray']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--seed must be a whole number');
    expect(r.stderr).toContain('must end in .png');
    expect(r.stderr).toContain('give both --width and --height');
    expect(r.stderr).toContain('unexpected argument');
    expect(sim(['--out', join(dir, 'x.png')]).stderr).toContain('--seed is required');
    expect(sim(['--seed', '1', '--out', join(dir, 'missing', 'x.png')]).code).toBe(1);
    expect(sim(['--seed', '1', '--bogus', '--out', join(dir, 'x.png')]).code).toBe(1);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('npm run simulate: a demo deck', () => {
  it('writes <id>.png and <id>.json for the first cases of the game\'s deck, authentic or forged', () => {
    const dir = tempDir('sim-deck');
    const r = sim(['--deck', 'demo', '--seed', '3', '--cases', '1', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const plan = planDemoDeck(3, getMode('practice'), TECHNIQUE_SUMMARIES).rounds.flat().slice(0, 1);
    expect(filesIn(dir)).toEqual(plan.flatMap((c) => [`${c.id}.json`, `${c.id}.png`]).sort());
    for (const c of plan) {
      const truth = JSON.parse(readFileSync(join(dir, `${c.id}.json`), 'utf8')) as Record<string, unknown>;
      expect(truth.id).toBe(c.id);
      expect(truth.simSeed).toBe(c.simSeed);
      expect(truth.kind).toBe(c.forgery ? 'forged' : 'authentic');
      if (c.forgery) expect(truth.recipe).toEqual(c.forgery);
      else expect(Array.isArray(truth.findings)).toBe(true);
      const png = decode(readFileSync(join(dir, `${c.id}.png`)));
      expect([png.width, png.height]).toEqual([truth.width, truth.height]);
    }
  }, 60_000);

  it('refuses a missing folder, an unknown deck and a bad case count with exit 1', () => {
    expect(sim(['--deck', 'demo', '--seed', '1', '--cases', '2', '--out', '/nonexistent/folder']).code).toBe(1);
    const r = sim(['--deck', 'other', '--seed', '1', '--cases', '0', '--out', tempDir('sim-bad')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--deck 'other' is not known");
    expect(r.stderr).toContain('--cases must be a whole number from 1 to 500');
  });

  it('removes what it wrote when a later write fails, and exits 2', () => {
    const dir = tempDir('sim-fail');
    let n = 0;
    const io = nodeIo();
    const r = sim(['--deck', 'demo', '--seed', '5', '--cases', '1', '--out', dir], {
      writeFileAtomic: (p, b) => {
        if (++n === 2) throw new Error('disk full');
        io.writeFileAtomic(p, b);
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('disk full');
    expect(filesIn(dir)).toEqual([]);
  }, 60_000);
});
