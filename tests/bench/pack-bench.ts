/**
 * Pack-building figures for `npm run bench`: input images per second through the whole pipeline (decode, normalise,
 * forge a share, encode, measure, audit) and the peak memory, on the shared X-ray set. Memory is bounded when the
 * peak does not grow with the number of inputs: the same build on the first half and on all of the inputs should
 * peak at about the same level (ratio near 1), because one image is held at a time.
 */
import { performance } from 'node:perf_hooks';
import { buildPack, BUILD_DEFAULTS, TOOL_VERSION } from '../../src/authoring/build/index.js';
import { createCodecSet } from '../../src/authoring/ingest/codecs.js';
import { collectInputs } from '../../src/cli/pack-io.js';
import { requireXray } from '../helpers/shared-data.js';

export interface PackBenchRun {
  readonly inputs: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** Peak of heap used plus array buffers (bytes) during the build, sampled at every progress step. */
  readonly peakBytes: number;
}

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export async function benchPackBuild(share: number): Promise<PackBenchRun> {
  const x = requireXray();
  const all = collectInputs([`${x}/real`, `${x}/synthetic`]);
  const paths = all.paths.filter((_, i) => i % Math.round(1 / share) === 0);
  globalThis.gc?.();
  let peak = used();
  const t0 = performance.now();
  const result = await buildPack(
    { paths, read: all.read },
    { ...BUILD_DEFAULTS, id: 'bench', acceptLeaks: [], labels: null, toolVersion: TOOL_VERSION, leakThreshold: 1, deidSalt: 'bench' },
    {
      codecs: createCodecSet(),
      // Bytes are counted and dropped: the bench measures the pipeline, not the disk.
      sink: { write: async () => undefined },
      onProgress: () => {
        peak = Math.max(peak, used());
      },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error(`bench: the pack build failed: ${result.error}`);
  return { inputs: paths.length, seconds, imagesPerSecond: paths.length / seconds, peakBytes: peak };
}

export async function printPackBench(log: (line: string) => void): Promise<void> {
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const runs: PackBenchRun[] = [];
  for (const share of [0.5, 1, 0.5, 1, 0.5, 1]) runs.push(await benchPackBuild(share));
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  const half = runs.filter((_, i) => i % 2 === 0);
  const full = runs.filter((_, i) => i % 2 === 1);
  const ips = med(full.map((r) => r.imagesPerSecond));
  log(`Pack build from ../shared/xray (${full[0]?.inputs} inputs: NIH and Hannover PNGs, DICOMs incl. JPEG 2000, RoentGen-v2 and DDPM; 1024 px, 8-bit, half forged): median ${ips.toFixed(2)} input images per second over ${full.length} runs (${full.map((r) => r.seconds.toFixed(1)).join(', ')} s)`);
  const peakHalf = med(half.map((r) => r.peakBytes));
  const peakFull = med(full.map((r) => r.peakBytes));
  log(`Pack build peak memory (heap + buffers): median ${mib(peakHalf)} for ${half[0]?.inputs} inputs, ${mib(peakFull)} for ${full[0]?.inputs} inputs (ratio ${(peakFull / peakHalf).toFixed(2)}; about 1 means bounded)`);
}
