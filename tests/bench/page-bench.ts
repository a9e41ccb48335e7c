/**
 * `npm run bench -- page`: what a reader waits for, in headless Chromium on this machine.
 * - Page load to the first radiograph of a deep link (Enter pressed as soon as the briefing shows), with its
 *   breakdown, and the JavaScript (gzip) the page loaded before that radiograph.
 * - In the same run, a plain page that shows a 2048 px PNG in an <img> tag (how the public deepfake quizzes serve
 *   their images): navigation to the image decoded and painted. The ratio of the two medians is printed.
 * - The same first cases made by the case worker on a page that loads nothing else: the floor the game's start adds to.
 * - The same deep links opened again by a browser that has shown the game once (its files cached), and the first case
 *   of a department's case pack by deep link (imported first, as an instructor would) at 1024 and 2048 px.
 * - The frame times of a window/level drag on a 2048 x 2048 image (p50 and p95 of the intervals between frames).
 * Nothing here asserts a time; figures are medians over several fresh browser profiles. A reader's browser is running
 * before they open a link, so each profile is opened once the browser's own start-up has finished (settledBrowser);
 * the first visit in a browser launched for it, its start-up sharing the two cores, is reported beside it. The build
 * is served as a static host serves it, compressed ahead (static-host.ts), not by `vite preview`.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { build } from 'vite';
import { simulateChest } from '../../src/simulator/index.js';
import { runPack } from '../../src/cli/run-pack.js';
import type { Page } from 'playwright-core';
import { openBrowser, waitForStatus } from '../helpers/browser.js';
import { serveStatic, type StaticHost } from '../../src/cli/static-host.js';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Busy share of both cores over one interval of /proc/stat (all processes): 1 - (idle + iowait) / total. */
function busyOver(a: readonly number[], b: readonly number[]): number {
  const d = b.map((v, i) => v - (a[i] ?? 0));
  const total = d.slice(0, 8).reduce((x, y) => x + y, 0);
  return total > 0 ? 1 - ((d[3] ?? 0) + (d[4] ?? 0)) / total : 0;
}

/**
 * A fresh profile (nothing cached: a first visit) in a browser whose own start-up is over. Chromium keeps both cores
 * of this machine busy for about half a second after launch returns (profile, GPU process, services); a reader's
 * browser has long done that. Waits 2 s, then for two 100 ms intervals at least 85% idle, at most 5 s more.
 */
async function settledBrowser(url: string): Promise<Awaited<ReturnType<typeof openBrowser>>> {
  const b = await openBrowser(url, { width: 1280, height: 720 });
  if (platform() !== 'linux') {
    await new Promise((r) => setTimeout(r, 2000));
    return b;
  }
  const stat = (): number[] => readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // Quiet spells come within the start-up too (measured: busy until about 0.9 s after launch began, short bursts later).
  await new Promise((r) => setTimeout(r, 2000));
  let quiet = 0;
  for (let i = 0; i < 50 && quiet < 2; i++) {
    const a = stat();
    await new Promise((r) => setTimeout(r, 100));
    quiet = busyOver(a, stat()) <= 0.15 ? quiet + 1 : 0;
  }
  return b;
}

/** An 8-bit PNG of a 2048 x 2048 film and a page that shows it, written into dist/ before it is served. */
function writeImgPage(dist: string): void {
  const sim = simulateChest(11, { width: 2048, height: 2048 });
  const { data, windowCenter: c, windowWidth: w } = sim.image;
  const px = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) px[i] = Math.max(0, Math.min(255, Math.round(((data[i] as number) - (c - w / 2)) / w * 255)));
  writeFileSync(join(dist, 'bench-film.png'), encode({ width: 2048, height: 2048, data: px, channels: 1, depth: 8 }));
  writeFileSync(join(dist, 'bench-img.html'), `<!doctype html><html><head><meta charset="utf-8"><title>img</title>
<style>html,body{margin:0;height:100%;background:#000}img{height:100vh;display:block;margin:auto}</style></head>
<body><img id="film" src="bench-film.png" alt="radiograph"></body></html>`);
}

export async function benchPage(log: (line: string) => void): Promise<void> {
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  const dist = join(process.cwd(), 'dist');
  writeImgPage(dist);
  const host = await serveStatic(dist);
  const url = host.url;
  // The sizes the host sends: its copy of each script compressed ahead (gzip level 9).
  const gz = new Map<string, number>();
  for (const f of readdirSync(join(host.dir, 'assets')).filter((n) => n.endsWith('.js'))) gz.set(f, statSync(join(host.dir, 'assets', `${f}.gz`)).size);
  const RUNS = 7;
  const first: number[] = [];
  const img: number[] = [];
  const marks: Record<string, number[]> = { boot: [], 'app-start': [], briefing: [], 'first-case-prepared': [], 'first-case-visible': [], 'phaser-ready': [] };
  const generation: number[] = [];
  const workerStart: number[] = [];
  const madeFrom: number[] = [];
  const madeTo: number[] = [];
  let madeAhead = 0;
  let jsBeforeFirst = 0;
  for (let run = 0; run < RUNS; run++) {
    const b = await settledBrowser(url);
    try {
      await b.page.goto(`${url}?mode=practice&deck=demo&seed=${run + 1}&cases=3&seconds=60&rounds=1`);
      await waitForStatus(b.page, /round 1 of 1/);
      marks.briefing?.push(await b.page.evaluate(() => performance.now()));
      await b.page.keyboard.press('Enter');
      await waitForStatus(b.page, /Case 1 of 3/);
      await waitForFirstCaseMark(b.page);
      const m = await b.page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN])), Object.keys(marks));
      for (const [k, v] of Object.entries(m)) if (k !== 'briefing') marks[k]?.push(v);
      first.push(m['first-case-visible'] as number);
      const detail = await b.page.evaluate(() => (performance.getEntriesByName('first-case-prepared')[0] as PerformanceMark | undefined)?.detail);
      // The case worker's marks, moved onto the page's timeline (each context has its own time origin).
      const pageOrigin = await b.page.evaluate(() => performance.timeOrigin);
      for (const w of b.page.workers()) {
        const wm = await w.evaluate(() => ({ origin: performance.timeOrigin, start: performance.getEntriesByName('made-ahead-start')[0]?.startTime, end: performance.getEntriesByName('made-ahead-end')[0]?.startTime }));
        if (wm.start === undefined || wm.end === undefined) continue;
        workerStart.push(wm.origin - pageOrigin);
        madeFrom.push(wm.origin + wm.start - pageOrigin);
        madeTo.push(wm.origin + wm.end - pageOrigin);
      }
      generation.push(detail?.generationMs ?? Number.NaN);
      if (detail?.madeAhead) madeAhead++;
      const scripts = await b.page.evaluate((t) => performance.getEntriesByType('resource').filter((e) => e.startTime < t && /\.js$/.test(e.name)).map((e) => e.name.split('/').pop() ?? ''), m['first-case-visible'] as number);
      jsBeforeFirst = scripts.reduce((n, f) => n + (gz.get(f) ?? 0), 0);
      await b.page.goto(`${url}bench-img.html`);
      const t = await b.page.evaluate(async () => {
        const el = document.getElementById('film') as HTMLImageElement;
        await el.decode();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now();
      });
      img.push(t);
    } finally {
      await b.close();
    }
  }
  const alone = await filmAlone(url, host, RUNS);
  const atLaunch = await launchedFirstVisits(url, RUNS);
  const again = await returnVisits(url, RUNS);
  const packs = await packFirstCases(url, RUNS);
  await host.close();
  for (const [name, xs] of Object.entries(marks)) log(`  breakdown: ${name} at median ${ms(median(xs.filter(Number.isFinite)))} after navigation start`);
  log(`  breakdown: the worker took a median ${ms(median(generation))} to make the first case; made before the game asked in ${madeAhead} of ${RUNS} runs`);
  if (madeFrom.length > 0) log(`  breakdown: case worker started at median ${ms(median(workerStart))}, made the first case from ${ms(median(madeFrom))} to ${ms(median(madeTo))} after navigation start (${madeFrom.length} runs)`);
  log(`  breakdown: the same first cases made by the case worker on a page that loads nothing else: median ${ms(median(alone))} (${alone.map((x) => x.toFixed(0)).join(', ')}); the first case cannot show before the worker's start plus this`);
  log(`  JavaScript loaded before the first case: ${(jsBeforeFirst / 1024).toFixed(0)} KB gzip (target at most 450 KB)`);
  log(`Page load to first case visible (deep link, Enter at the briefing): median ${ms(median(first))} over ${RUNS} runs (${first.map((x) => x.toFixed(0)).join(', ')}) (target < 1000 ms)`);
  log(`  the same first visits in a browser launched for them and opened at once (Chromium's own start-up sharing the two cores): median ${ms(median(atLaunch))} (${atLaunch.map((x) => x.toFixed(0)).join(', ')})`);
  log(`A plain page with a 2048 px PNG in an <img>: median ${ms(median(img))} over ${RUNS} runs; ratio game / <img> = ${(median(first) / median(img)).toFixed(2)}`);
  log(`The same deep links opened by a browser that has shown the game once (its files in the HTTP cache, revalidated by the server): first case visible at median ${ms(median(again))} (${again.map((x) => x.toFixed(0)).join(', ')})`);
  for (const p of packs) {
    log(`A case pack's deep link (${p.size} px, imported first): first case visible at median ${ms(median(p.visible))} (${p.visible.map((x) => x.toFixed(0)).join(', ')}); its images read from IndexedDB and decoded (decoder workers starting) in a median ${ms(median(p.prepare))}`);
    log(`  while the next case is prepared (from the answer to case 1 to 3 s into case 2): the page's longest task median ${ms(median(p.longest))} (${p.longest.map((x) => x.toFixed(0)).join(', ')}; 0: none of 50 ms or more)`);
  }
  try {
    const big = packs.find((p) => p.size === 2048);
    if (big) await benchDrag(log, big.zip, dist);
  } finally {
    for (const p of packs) rmSync(p.dir, { recursive: true, force: true });
  }
}

/** The page marks the first case once the frame that shows it is painted, a frame after the status says it. */
async function waitForFirstCaseMark(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('first-case-visible').length > 0, null, { timeout: 15_000 });
}

/** Enter at the briefing of a deep link; the page's first-case-visible mark. */
async function firstCaseOf(page: Page, link: string): Promise<{ visible: number; prepare: number }> {
  await page.goto(link);
  await waitForStatus(page, /round 1 of 1/);
  await page.keyboard.press('Enter');
  await waitForStatus(page, /Case 1 of 3/);
  await waitForFirstCaseMark(page);
  return page.evaluate(() => ({
    visible: performance.getEntriesByName('first-case-visible')[0]?.startTime ?? Number.NaN,
    prepare: (performance.getEntriesByName('first-case-prepared')[0] as PerformanceMark | undefined)?.detail?.generationMs ?? Number.NaN,
  }));
}

/** The first visit as the bench measured it before settledBrowser: the link opened as soon as the browser launched. */
async function launchedFirstVisits(url: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const b = await openBrowser(url, { width: 1280, height: 720 });
    try {
      out.push((await firstCaseOf(b.page, `${url}?mode=practice&deck=demo&seed=${run + 1}&cases=3&seconds=60&rounds=1`)).visible);
    } finally {
      await b.close();
    }
  }
  return out;
}

/** A browser that has shown the title screen once, then opens the run's deep link. */
async function returnVisits(url: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const b = await openBrowser(url, { width: 1280, height: 720 });
    try {
      await b.page.goto(url);
      await b.page.waitForSelector('#main[data-screen="title"]');
      await b.page.waitForTimeout(1500);
      out.push((await firstCaseOf(b.page, `${url}?mode=practice&deck=demo&seed=${run + 1}&cases=3&seconds=60&rounds=1`)).visible);
    } finally {
      await b.close();
    }
  }
  return out;
}

/** A small department pack (two DICOMs, two generator PNGs and the fakes made from them) built at `size` px. */
async function buildPack(size: number): Promise<{ dir: string; zip: string; id: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pack-'));
  const id = `bench-${size}`;
  const zip = join(dir, `${id}.zip`);
  const x = join(process.cwd(), '..', 'shared', 'xray');
  const dept = join(dir, 'dept');
  mkdirSync(join(dept, 'real'), { recursive: true });
  mkdirSync(join(dept, 'synthetic'), { recursive: true });
  for (const f of ['RG1_J2KI.dcm', 'nih-cxr14-google-dx.dcm']) cpSync(join(x, 'real', 'dicom', f), join(dept, 'real', f));
  for (const f of ['rg2_r1c1.png', 'rg2_r1c2.png']) cpSync(join(x, 'synthetic', 'roentgen-v2', f), join(dept, 'synthetic', f));
  const code = await runPack(['build', dept, '--out', zip, '--id', id, '--size', String(size), '--leak-threshold', '1'],
    { stdout: () => undefined, stderr: () => undefined, isTty: false });
  if (code !== 0) throw new Error(`bench: the ${size} px pack did not build (exit ${code})`);
  return { dir, zip, id };
}

async function importPack(page: Page, url: string, zip: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#main[data-screen="title"]');
  await page.keyboard.press('k');
  await page.setInputFiles('#pack-files', zip);
  await waitForStatus(page, /Imported pack/, 120_000);
}

/**
 * Each run: a fresh browser imports the pack, then opens a deep link to it (seeds vary the first case). After the
 * first case, the reader answers and moves on: the longest task on the page from that answer to 3 s into case 2, while
 * the library prepares the next case, is what a window/level drag would stutter by.
 */
async function packFirstCases(url: string, runs: number): Promise<PackRuns[]> {
  const out: PackRuns[] = [];
  try {
    for (const size of [1024, 2048]) {
      const pack = await buildPack(size);
      const r: PackRuns = { size, ...pack, visible: [], prepare: [], longest: [] };
      out.push(r);
      for (let run = 0; run < runs; run++) {
        const b = await openBrowser(url, { width: 1280, height: 720 });
        try {
          await importPack(b.page, url, pack.zip);
          await b.page.addInitScript(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
          const first = await firstCaseOf(b.page, `${url}?mode=practice&deck=${pack.id}&seed=${run + 1}&cases=3&seconds=60&rounds=1`);
          r.visible.push(first.visible);
          r.prepare.push(first.prepare);
          await b.page.waitForTimeout(3000);
          const answered = await b.page.evaluate(() => performance.now());
          await b.page.keyboard.press('2');
          await b.page.keyboard.press('Enter');
          await waitForStatus(b.page, /Case 2 of 3/);
          await b.page.waitForTimeout(3000);
          r.longest.push(await b.page.evaluate(`Math.max(0, ...window.__long.filter(([t]) => t > ${answered}).map(([, d]) => d))`) as number);
        } finally {
          await b.close();
        }
      }
    }
    return out;
  } catch (err) {
    for (const p of out) rmSync(p.dir, { recursive: true, force: true });
    throw err;
  }
}

interface PackRuns {
  readonly size: number;
  readonly dir: string;
  readonly zip: string;
  readonly id: string;
  readonly visible: number[];
  readonly prepare: number[];
  readonly longest: number[];
}

/**
 * The film alone: the case worker started by a page that loads nothing else, with each run's deep link in its name,
 * so it makes the same first case as above without the game loading beside it (made-ahead marks, worker timeline).
 */
async function filmAlone(url: string, host: StaticHost, runs: number): Promise<number[]> {
  const worker = readdirSync(join(host.dir, 'assets')).find((f) => /^demo-case\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error('bench: no demo-case worker in dist/assets');
  writeFileSync(join(host.dir, 'bench-worker.html'), `<!doctype html><html><head><meta charset="utf-8"><title>worker</title></head><body>
<script type="module">new Worker('./assets/${worker}', { type: 'module', name: 'demo-cases?' + location.search.slice(1) });</script></body></html>`);
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const b = await settledBrowser(url);
    try {
      await b.page.goto(`${url}bench-worker.html?mode=practice&deck=demo&seed=${run + 1}&cases=3&seconds=60&rounds=1`);
      let made: number | undefined;
      for (let i = 0; i < 300 && made === undefined; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const w = b.page.workers()[0];
        if (w) made = await w.evaluate(() => {
          const s = performance.getEntriesByName('made-ahead-start')[0];
          const e = performance.getEntriesByName('made-ahead-end')[0];
          return s && e ? e.startTime - s.startTime : undefined;
        }).catch(() => undefined);
      }
      if (made === undefined) throw new Error('bench: the case worker made no first case within 15 s');
      out.push(made);
    } finally {
      await b.close();
    }
  }
  return out;
}

/** Window/level drag on a 2048 x 2048 image: the intervals between animation frames while the mouse moves. */
async function benchDrag(log: (line: string) => void, zip: string, dist: string): Promise<void> {
  const host = await serveStatic(dist);
  const url = host.url;
  const frames: number[] = [];
  // The case pack of department films served at 2048 x 2048 (the pack builder's --size), imported as an instructor would.
  const b = await openBrowser(url, { width: 1920, height: 1080 });
  try {
    await importPack(b.page, url, zip);
    await b.page.goto(`${url}?mode=practice&deck=bench-2048&seed=3&cases=1&seconds=600&rounds=1`);
    await waitForStatus(b.page, /round 1 of 1/);
    await b.page.keyboard.press('Enter');
    await waitForStatus(b.page, /Case 1 of 1/);
    const size = '2048 x 2048';
    const box = (await b.page.locator('.viewer').boundingBox()) as { x: number; y: number; width: number; height: number };
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // As a string: tsx names the bench's own functions with a helper (__name) the page does not have.
    await b.page.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (window.__frames.length < 400) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await b.page.mouse.move(cx, cy);
    await b.page.mouse.down();
    for (let i = 0; i < 120; i++) await b.page.mouse.move(cx + Math.sin(i / 8) * 200, cy + Math.cos(i / 11) * 150);
    await b.page.mouse.up();
    frames.push(...(await b.page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(2))));
    log(`Window/level drag (${size} image): frame interval p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))} over ${frames.length} frames (target 16.7 ms; CPU-only SwiftShader)`);
  } finally {
    await b.close();
    await host.close();
  }
}
