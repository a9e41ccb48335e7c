import { XRAY_DIR } from '../../helpers/shared-data.js';
/**
 * Test helpers for the forge command line: run it in-process with captured output, fresh temp folders, and the
 * shared x-ray set (tests must fail, not skip, when it is missing).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { nodeIo, type ForgeIo } from '../../../src/cli/io.js';
import { runForge } from '../../../src/cli/run-forge.js';
import { createCodecSet } from '../../../src/authoring/index.js';
import { runPack } from '../../../src/cli/run-pack.js';

export const XRAY = XRAY_DIR;

/** A path inside the shared set; throws (so the test fails) if the set or the file is missing. */
export function xray(rel: string): string {
  const p = join(XRAY, rel);
  if (!existsSync(p)) throw new Error(`missing test data ${p}: the shared x-ray set (${XRAY}, see its SOURCES.md) is required`);
  return p;
}

/** The first 8-bit single-channel PNG in a folder of the shared set, by sorted name. */
export function firstGrayPng(folder: string, read: (p: string) => Uint8Array): string {
  const dir = xray(folder);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.png')).sort()) {
    const png = decode(read(join(dir, f)));
    if (png.depth === 8 && png.channels === 1) return join(dir, f);
  }
  throw new Error(`no 8-bit gray PNG in ${dir}`);
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One codec set for every in-process forge run of a test file (each wasm module loads once). */
const codecs = createCodecSet();

export async function run(argv: readonly string[], overrides: Partial<ForgeIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: ForgeIo = {
    ...nodeIo(),
    stdout: (t) => {
      stdout += `${t}\n`;
    },
    stderr: (t) => {
      stderr += `${t}\n`;
    },
    ...overrides,
  };
  const code = await runForge(argv, io, codecs);
  return { code, stdout, stderr };
}

const made: string[] = [];
export function tempDir(label: string): string {
  const d = mkdtempSync(join(tmpdir(), `forge-cli-${label}-`));
  made.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

/**
 * Runs `npm run pack -- ...` in-process, capturing what it prints. Builds run on the calling thread (--jobs 1) unless
 * the test asks for threads (job-threads.test.ts compares the two): each thread costs start-up time in a test.
 */
export async function runPackCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const args = argv[0] === 'build' && !argv.includes('--jobs') ? [...argv, '--jobs', '1'] : argv;
  const code = await runPack(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false });
  return { code, out, err };
}
