/**
 * Pack-builder inputs for tests: files in memory (so bad files can be crafted) and subsets of ../shared/xray laid out
 * the way an instructor would (real/..., synthetic/<generator>/...). The shared images are read, never copied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DEFAULTS, type BuildOptions, type PackInputs, type PackSink } from '../../src/authoring/build/index.js';
import { requireXray } from './shared-data.js';

export interface MemoryFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export function memoryInputs(files: readonly MemoryFile[]): PackInputs & { readonly reads: string[] } {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const reads: string[] = [];
  return {
    paths: [...byPath.keys()].sort(),
    reads,
    read: async (p) => {
      reads.push(p);
      const b = byPath.get(p);
      if (!b) throw new Error(`no such test input: ${p}`);
      return b;
    },
  };
}

export function memorySink(): PackSink & { readonly files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return { files, write: async (p, b) => void files.set(p, b) };
}

/** The first `n` files (sorted) of a shared folder, under `as/` (e.g. 'real/nih'). */
export function sharedFiles(folder: string, n: number, as: string, filter: (name: string) => boolean = (f) => /\.(png|dcm|jpe?g)$/i.test(f)): MemoryFile[] {
  const dir = join(requireXray(), folder);
  return readdirSync(dir)
    .filter(filter)
    .sort()
    .slice(0, n)
    .map((f) => ({ path: `${as}/${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

/** A small mixed department: NIH and Hannover PNGs and the DICOMs as real; RoentGen-v2 and DDPM as synthetic. */
export function mixedDepartment(): MemoryFile[] {
  return [
    ...sharedFiles('real/chest/nih-cxr14', 8, 'dept/real/nih'),
    ...sharedFiles('real/chest/hannover-covid19', 4, 'dept/real/hannover'),
    ...sharedFiles('real/dicom', 4, 'dept/real/dicom'),
    ...sharedFiles('synthetic/roentgen-v2', 6, 'dept/synthetic/roentgen-v2', (f) => /^rg2_r\dc\d\.png$/.test(f)),
    ...sharedFiles('synthetic/lunggen-ddpm', 4, 'dept/synthetic/lunggen-ddpm', (f) => /^lunggen_.*\.png$/.test(f)),
  ];
}

/** Build options for tests: a fixed salt and seed, so the same inputs give the same pack. */
export const buildOptions = (o: Partial<BuildOptions> = {}): BuildOptions => ({
  ...BUILD_DEFAULTS, id: 'dept-test', labels: null, toolVersion: '0.1.0', size: 512, seed: 11, deidSalt: 'test-salt', ...o,
});
