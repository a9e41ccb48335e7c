/**
 * npm run bench: medians of the figures the issues ask for, with the machine they came from.
 * Not a test: nothing here asserts a time. Run it on a quiet machine.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { simulateChest } from '../../src/simulator/index.js';
import { TECHNIQUES, forge } from '../../src/forgery/catalog.js';
import { LENSES, computeLens } from '../../src/lenses/index.js';
import { printPackBench } from './pack-bench.js';
import { benchPage } from './page-bench.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number): string => `${x.toFixed(0)} ms`;

function timeIt(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** `npm run bench` runs every part; `npm run bench -- pack` (or sim, forge, lens, page) runs only those named. */
const wanted = new Set(process.argv.slice(2));
const runs = (part: string): boolean => wanted.size === 0 || wanted.has(part);

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`Machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine slows every figure)`);
  if (runs('sim')) benchSimulator();
  if (runs('forge')) benchForgery();
  if (runs('lens')) benchLenses();
  if (runs('pack')) await printPackBench((line) => console.log(line));
  if (runs('page')) await benchPage((line) => console.log(line));
}

function benchSimulator(): void {
  // The figure: one 2048 x 2048 film (4.2 Mpx, the largest stored size), median over 9 seeds after warm-up.
  simulateChest(1, { width: 2048, height: 2048 });
  const cpu: number[] = [];
  const big = timeIt(9, (i) => {
    const c0 = process.cpuUsage();
    simulateChest(100 + i, { width: 2048, height: 2048 });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  });
  console.log(`Simulate one 2048 x 2048 film (12-bit): median ${fmt(median(big))} over ${big.length} runs (min ${fmt(Math.min(...big))}, max ${fmt(Math.max(...big))}; target <= 800 ms); CPU time median ${fmt(median(cpu))} (all threads, GC included: on a busy machine the wall time is the CPU time plus waiting)`);
  // What the game generates: the demo deck's films at the sizes their seeds draw (1024-2048 px, cropped or whole).
  const sizes: string[] = [];
  const demoCpu: number[] = [];
  const demo = timeIt(12, (i) => {
    const c0 = process.cpuUsage();
    const img = simulateChest(200 + i).image;
    const c = process.cpuUsage(c0);
    demoCpu.push((c.user + c.system) / 1000);
    sizes.push(`${img.width}x${img.height}`);
  });
  console.log(`Simulate one demo film at its own size: median ${fmt(median(demo))} over ${demo.length} runs (max ${fmt(Math.max(...demo))}); CPU time median ${fmt(median(demoCpu))}; sizes ${sizes.join(', ')}`);
}

function benchForgery(): void {
  const base = simulateChest(5);
  const hints = { lungs: base.anatomy.lungs, midlineX: base.anatomy.midlineX, mediastinum: base.anatomy.mediastinum };
  for (const id of Object.keys(TECHNIQUES)) {
    forge(base.image, [{ techniqueId: id, level: 'subtle', seed: 1 }], hints);
    const t = timeIt(5, (i) => forge(base.image, [{ techniqueId: id, level: 'subtle', seed: 10 + i }], hints));
    console.log(`Forge one demo case (${base.image.width} x ${base.image.height}), ${id}: median ${fmt(median(t))} over ${t.length} runs`);
  }
  const big = simulateChest(6, { width: 2048, height: 2048 });
  const bigHints = { lungs: big.anatomy.lungs, midlineX: big.anatomy.midlineX, mediastinum: big.anatomy.mediastinum };
  for (const id of Object.keys(TECHNIQUES)) {
    forge(big.image, [{ techniqueId: id, level: 'subtle', seed: 1 }], bigHints);
    const t = timeIt(3, (i) => forge(big.image, [{ techniqueId: id, level: 'subtle', seed: 20 + i }], bigHints));
    console.log(`Technique at 2048 x 2048, ${id}: median ${fmt(median(t))} over ${t.length} runs`);
  }
}

function benchLenses(): void {
  const big = simulateChest(6, { width: 2048, height: 2048 });
  for (const lens of LENSES) {
    computeLens(lens.id, big.image);
    const t = timeIt(5, () => computeLens(lens.id, big.image));
    console.log(`Lens at 2048 x 2048, ${lens.id}: median ${fmt(median(t))} over ${t.length} runs (target < 300 ms)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
