import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { decode } from 'fast-png';
import { afterAll, beforeAll, inject } from 'vitest';
import { DB_NAME } from '../../src/persistence/db.js';

/**
 * Headless Debian Chromium driven by playwright-core (no browser download). Flags from shared/design/stack.md:
 * without the background-networking ones Chromium tries to reach Google's hosts, which this network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'tests', 'e2e', 'screenshots');

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests the page made to anything but the game's own origin (privacy check). */
  readonly foreignRequests: string[];
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(baseURL: string, viewport = { width: 1400, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'xray-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });
  return {
    context,
    page,
    foreignRequests,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a practice deep link to the demo deck and starts its round by Enter; resolves once case 1 shows. */
export async function startPracticeCase(page: Page, base: string, o: { readonly seed: number; readonly cases: number; readonly seconds: number }): Promise<void> {
  await page.goto(`${base}?mode=practice&deck=demo&seed=${o.seed}&cases=${o.cases}&seconds=${o.seconds}&rounds=1`);
  await waitForStatus(page, /Practice, round 1 of 1/);
  await page.keyboard.press('Enter');
  await waitForStatus(page, new RegExp(`Case 1 of ${o.cases}`));
}

/** Opens the game at `base`, then the artifact atlas from the title screen by its key (A); returns the status naming A1. */
export async function openAtlasByKey(page: Page, base: string): Promise<string> {
  await page.goto(base);
  await page.waitForSelector('#main[data-screen="title"]');
  await page.keyboard.press('a');
  return waitForStatus(page, /^Atlas: A1 /);
}

/** Waits until the accessible status line (aria-live) says something matching `pattern`; returns its text. */
export async function waitForStatus(page: Page, pattern: RegExp, timeout = 30_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(
      ({ source, flags }) => {
        const t = document.getElementById('game-status')?.textContent ?? '';
        return new RegExp(source, flags).test(t) ? t : null;
      },
      { source: pattern.source, flags: pattern.flags },
      { timeout },
    );
    return (await handle.jsonValue()) as string;
  } catch (e) {
    const said = await statusText(page).catch(() => '(the page is gone)');
    throw new Error(`The status line never matched ${pattern} in ${timeout} ms; it says: "${said}" (${(e as Error).message.split('\n')[0]})`);
  }
}

export async function statusText(page: Page): Promise<string> {
  return (await page.textContent('#game-status')) ?? '';
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Grey-level statistics of what the viewer shows, from a screenshot of its element (what the reader sees), over the
 * central half of the viewer, where the image is at the default fit (the letterbox around it is not image).
 */
export interface ShotStats {
  readonly mean: number;
  readonly std: number;
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly amber: number;
  /** Pixels of the marks' cyan (#00e5ff; the loupe's rim is that colour too). */
  readonly cyan: number;
  /** Grey levels of the whole viewer, for changes anywhere in it, row by row `fullWidth` wide. */
  readonly full: Uint8Array;
  readonly fullWidth: number;
}

export async function viewerShot(page: Page, name?: string): Promise<ShotStats> {
  const el = page.locator('.viewer');
  const buf = await el.screenshot(name ? { path: join(SCREENSHOT_DIR, `${name}.png`) } : {});
  const png = decode(buf);
  const ch = png.channels;
  const x0 = Math.floor(png.width / 4);
  const y0 = Math.floor(png.height / 4);
  const w = Math.floor(png.width / 2);
  const h = Math.floor(png.height / 2);
  const n = w * h;
  const grey = new Uint8Array(n);
  const full = new Uint8Array(png.width * png.height);
  let sum = 0;
  let amber = 0;
  let cyan = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const r = png.data[i * ch] as number;
    const g = png.data[i * ch + 1] as number;
    const b = png.data[i * ch + 2] as number;
    // The tell overlay's amber (#ffb000) is the only strongly saturated orange on a greyscale image.
    if (r > 200 && g > 120 && g < 210 && b < 80) amber++;
    if (r < 90 && g > 170 && b > 190) cyan++;
    full[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    const x = i % png.width;
    const yy = Math.floor(i / png.width);
    if (x < x0 || x >= x0 + w || yy < y0 || yy >= y0 + h) continue;
    const v = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    grey[(yy - y0) * w + (x - x0)] = v;
    sum += v;
  }
  const mean = sum / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((grey[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(v / n), pixels: grey, width: w, height: h, amber, cyan, full, fullWidth: png.width };
}

/** How many pixels of the whole viewer differ between two shots. */
export function changedPixels(a: ShotStats, b: ShotStats): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.full.length, b.full.length); i++) if (a.full[i] !== b.full[i]) n++;
  return n;
}

export function meanAbsDiff(a: ShotStats, b: ShotStats): number {
  const n = Math.min(a.pixels.length, b.pixels.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs((a.pixels[i] as number) - (b.pixels[i] as number));
  return s / n;
}

/**
 * One browser per test file: opened before its tests, closed after them. `fresh()` swaps in a new, empty profile
 * (nothing stored, nothing to resume).
 */
export function browserForFile(viewport?: { width: number; height: number }): { readonly b: Browser; fresh(): Promise<Browser> } {
  let current: Browser | null = null;
  beforeAll(async () => {
    current = await openBrowser(inject('baseURL'), viewport);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get b(): Browser {
      if (!current) throw new Error('browserForFile: the browser is not open yet (use it inside a test)');
      return current;
    },
    fresh: async () => {
      await current?.close();
      current = await openBrowser(inject('baseURL'), viewport);
      return current;
    },
  };
}

/**
 * Waits until the game's IndexedDB holds its session in progress with `answers` answers and a case open (the case on
 * screen has been saved). A reload in the instant between an answer and its save would lose that answer, as any
 * IndexedDB write still in flight when a page unloads; a test that reloads "while a case is read" waits for this.
 */
export async function waitForSavedOpenCase(page: Page, answers: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    async ({ n, name }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        const all = await new Promise<{ status: string; answers: unknown[]; openCase: unknown }[]>((resolve, reject) => {
          const req = db.transaction('sessions').objectStore('sessions').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        return all.some((s) => s.status === 'in-progress' && s.answers.length === n && s.openCase !== null);
      } finally {
        db.close();
      }
    },
    { n: answers, name: DB_NAME },
    { timeout, polling: 100 },
  );
}
