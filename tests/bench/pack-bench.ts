/**
 * Pack-building figures for `npm run bench -- pack`: input images per second through the whole pipeline (read,
 * decode, normalise, forge a share, encode, measure, audit) as `npm run pack` runs it, on worker threads (one per
 * core) and on the main thread alone, and the peak memory. Two input sets: the shared X-ray set, and large exports
 * made from it (2560 x 2048 16-bit PNGs, the size of a modern detector's export) in a temporary folder.
 * Memory is bounded when the peak does not grow with the number of inputs: the same build on half and on all of the
 * inputs should peak at about the same level (ratio near 1), because each worker holds one image at a time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decode, encode } from 'fast-png';
import { buildPack, BUILD_DEFAULTS, inProcessJobs, TOOL_VERSION, type BuildJobs } from '../../src/authoring/build/index.js';
import { createCodecSet } from '../../src/authoring/ingest/codecs.js';
import { normaliseImage } from '../../src/imaging/index.js';
import { jobThreads } from '../../src/cli/job-threads.js';
import { collectInputs } from '../../src/cli/pack-io.js';
import { requireXray } from '../helpers/shared-data.js';

export interface PackBenchRun {
  readonly inputs: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** Peak resident memory of the whole process (main thread and workers), sampled at every progress step. */
  readonly peakRssBytes: number;
  /** CPU seconds of the whole process (all threads, user and system) per input image. */
  readonly cpuPerImage: number;
  /** The machine's 1-minute load average at the end: other work on the same cores slows the wall clock. */
  readonly load: number;
}

const MIB = 2 ** 20;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function benchBuild(folders: readonly string[], share: number, threads: number): Promise<PackBenchRun> {
  const all = collectInputs(folders);
  const paths = all.paths.filter((_, i) => i % Math.round(1 / share) === 0);
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // As the command line does it: the pool is started (and its threads load their code) inside the timed build.
  const codecs = createCodecSet();
  const jobs: BuildJobs & { close?: () => void } = threads > 1 ? await jobThreads(threads) : inProcessJobs(codecs);
  try {
    const result = await buildPack(
      { paths, read: all.read },
      { ...BUILD_DEFAULTS, id: 'bench', acceptLeaks: [], labels: null, toolVersion: TOOL_VERSION, leakThreshold: 1, deidSalt: 'bench' },
      {
        codecs,
        jobs,
        // Bytes are counted and dropped: the bench measures the pipeline, not the disk.
        sink: { write: async () => undefined },
        onProgress: () => {
          peak = Math.max(peak, process.memoryUsage().rss);
        },
      },
    );
    if (!result.ok) throw new Error(`bench: the pack build failed: ${result.error}`);
  } finally {
    jobs.close?.();
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerImage = (cpu.user + cpu.system) / 1e6 / paths.length;
  return { inputs: paths.length, seconds, imagesPerSecond: paths.length / seconds, peakRssBytes: peak, cpuPerImage, load: loadavg()[0] ?? 0 };
}

/** Large exports: each shared chest film and RoentGen image upscaled to 2560 x 2048, 16-bit (12 bits used). */
function largeExports(dir: string): string[] {
  const x = requireXray();
  const sets: [string, string, (f: string) => boolean][] = [
    ['real/chest/nih-cxr14', 'real', (f) => f.endsWith('.png')],
    ['synthetic/roentgen-v2', 'synthetic', (f) => /^rg2_r\dc\d\.png$/.test(f)],
  ];
  for (const [from, to, keep] of sets) {
    mkdirSync(join(dir, to), { recursive: true });
    for (const f of readdirSync(join(x, from)).filter(keep).sort()) {
      const png = decode(readFileSync(join(x, from, f)));
      const grey = { width: png.width, height: png.height, bitsStored: 8, windowCenter: 127.5, windowWidth: 256, data: Uint16Array.from({ length: png.width * png.height }, (_, i) => png.data[i * png.channels] as number) };
      const big = normaliseImage(grey, { size: 2560, bits: 12 });
      const rows = big.data.subarray(256 * 2560, (256 + 2048) * 2560); // 2560 x 2048: the square's middle rows
      writeFileSync(join(dir, to, f), encode({ width: 2560, height: 2048, data: Uint16Array.from(rows), depth: 16, channels: 1 }));
    }
  }
  return [join(dir, 'real'), join(dir, 'synthetic')];
}

async function report(log: (line: string) => void, label: string, folders: readonly string[], threads: number, halves: boolean): Promise<void> {
  const runs: PackBenchRun[] = [];
  for (const share of halves ? [0.5, 1, 0.5, 1, 0.5, 1] : [1, 1, 1]) runs.push(await benchBuild(folders, share, threads));
  const full = runs.filter((r) => r.inputs === Math.max(...runs.map((x) => x.inputs)));
  const half = runs.filter((r) => !full.includes(r));
  const mib = (b: number): string => `${(b / MIB).toFixed(0)} MiB`;
  const cpu = median(full.map((r) => r.cpuPerImage));
  // Garbage collection and the platform's zlib run beside the build's own threads, so the bound is the machine's.
  const cores = availableParallelism();
  log(
    `${label}, ${threads} thread(s): median ${median(full.map((r) => r.imagesPerSecond)).toFixed(2)} input images per second over ${full.length} runs ` +
      `(load average ${full.map((r) => r.load.toFixed(1)).join(', ')}; CPU ${cpu.toFixed(2)} s per image, all threads of the process counted, so at most ${(cores / cpu).toFixed(1)} images/s on this machine's ${cores} otherwise idle core(s)) ` +
      `(${full.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')} for ${full[0]?.inputs} inputs); peak RSS median ${mib(median(full.map((r) => r.peakRssBytes)))}` +
      (half.length > 0 ? ` (${mib(median(half.map((r) => r.peakRssBytes)))} for ${half[0]?.inputs} inputs: ratio ${(median(full.map((r) => r.peakRssBytes)) / median(half.map((r) => r.peakRssBytes))).toFixed(2)}, about 1 means bounded)` : ''),
  );
}

export async function printPackBench(log: (line: string) => void): Promise<void> {
  const x = requireXray();
  const cores = Math.min(4, availableParallelism());
  const shared = [join(x, 'real'), join(x, 'synthetic')];
  const setName = 'Pack build from ../shared/xray (107 inputs: NIH and Hannover PNGs, DICOMs incl. JPEG 2000, RoentGen-v2 and DDPM; 1024 px, 8-bit, half the reals forged)';
  await report(log, setName, shared, cores, true);
  await report(log, setName, shared, 1, false);
  const dir = mkdtempSync(join(tmpdir(), 'pack-bench-'));
  try {
    await report(log, 'Pack build from large exports (47 NIH films and 20 RoentGen images as 2560 x 2048 16-bit PNGs; 1024 px)', largeExports(dir), cores, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
