/**
 * Browser helpers for training sessions that read like the use: an instructor signs a session on the setup screen,
 * a resident joins its link, plays it by keys and saves the result file with J; the instructor opens the dashboard
 * and picks the files. Everything goes through the screens (keys, clicks, the file dialog), never into the store.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { planDemoDeck } from '../../src/decks/index.js';
import { trainingSettings } from '../../src/delivery/index.js';
import { TECHNIQUE_INFO } from '../../src/forgery/index.js';
import { waitForStatus } from './browser.js';

export interface SessionForm {
  readonly title: string;
  readonly instructor: string;
  readonly seed: number;
  readonly cases: number;
  readonly seconds: number;
  readonly fakePercent: number;
  readonly order: 'same' | 'counterbalanced';
  readonly pairing?: { readonly id: string; readonly role: 'pre' | 'post' };
}

/** The instructor fills the setup form (N on the title screen) and signs; returns the join link and fingerprint. */
export async function instructorSigns(page: Page, base: string, f: SessionForm): Promise<{ link: string; fingerprint: string }> {
  await page.goto(base);
  await page.waitForSelector('#main[data-screen="title"]');
  await page.keyboard.press('n');
  await page.waitForSelector('#session-setup[role="dialog"]');
  await page.fill('#setup-title', f.title);
  await page.fill('#setup-instructor', f.instructor);
  await page.fill('#setup-address', base);
  await page.fill('#setup-seed', String(f.seed));
  await page.fill('#setup-cases', String(f.cases));
  await page.fill('#setup-seconds', String(f.seconds));
  await page.fill('#setup-fakes', String(f.fakePercent));
  await page.selectOption('#setup-order', f.order);
  if (f.pairing) {
    await page.fill('#setup-pair-id', f.pairing.id);
    await page.selectOption('#setup-pair-role', f.pairing.role);
  }
  await page.click('#btn-sign');
  await page.waitForSelector('#setup-output');
  return { link: await page.inputValue('#setup-link'), fingerprint: ((await page.textContent('#setup-fingerprint')) ?? '').trim() };
}

/** A resident opens the link, checks the fingerprint, types a name and joins; the round's briefing follows. */
export async function residentJoins(page: Page, link: string, name: string): Promise<string> {
  await page.goto(link);
  await page.waitForSelector('#session-join[role="dialog"]');
  const fingerprint = ((await page.textContent('#join-fingerprint')) ?? '').trim();
  await page.fill('#join-name', name);
  await page.keyboard.press('Enter');
  await waitForStatus(page, /round 1 of 1: \d+ cases/);
  return fingerprint;
}

/**
 * Plays the round by keys: Enter starts it, then for case k (1-based) `rate(k)` gives the key to press, or null to
 * let the clock run out. `between(k)` runs after case k is answered (a reload, for instance).
 */
export async function playRound(page: Page, cases: number, rate: (k: number) => number | null, between?: (k: number) => Promise<void>): Promise<void> {
  await page.keyboard.press('Enter');
  for (let k = 1; k <= cases; k++) {
    await waitForStatus(page, new RegExp(`Case ${k} of ${cases}[,.]`), 60_000);
    const r = rate(k);
    if (r === null) await waitForStatus(page, /Time's up|timed out|time-out/i, 60_000);
    else {
      await page.keyboard.press(String(r));
      await page.keyboard.press('Enter');
    }
    if (k < cases && between) await between(k);
  }
  await waitForStatus(page, /Round 1 review/, 60_000);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#main[data-screen="summary"]');
}

/** J on the summary: the signed result file the browser downloads (its bytes: the download goes with the browser). */
export async function saveResultFile(page: Page): Promise<{ bytes: Buffer; name: string; json: ResultJson }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('j')]);
  const bytes = readFileSync((await file.path()) as string);
  return { bytes, name: file.suggestedFilename(), json: JSON.parse(bytes.toString('utf8')) as ResultJson };
}

export interface ResultJson {
  readonly result: {
    readonly reader: { readonly displayName: string; readonly fingerprint: string };
    readonly answers: readonly { readonly caseId: string; readonly rating: number | null; readonly timedOut: boolean }[];
  };
}

/** Which cases of the session's demo deck are fake, planned in Node from the seed exactly as the game plans it. */
export function fakeCases(f: SessionForm): Set<string> {
  const mode = trainingSettings({ rounds: 1, casesPerRound: f.cases, secondsPerCase: f.seconds, fakeShare: f.fakePercent / 100 });
  const plan = planDemoDeck(f.seed, mode, TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] })));
  return new Set(plan.rounds.flat().filter((c) => c.forgery !== null).map((c) => c.id));
}

/** The accuracy a reader's answers imply: a rating of 4 or more calls an image fake; a time-out is a wrong call. */
export function impliedAccuracy(r: ResultJson, fakes: ReadonlySet<string>): number {
  // Of the answered cases: a time-out is counted apart, as in the reader's own report and on the dashboard.
  const answered = r.result.answers.filter((a) => a.rating !== null && !a.timedOut);
  return answered.filter((a) => (a.rating as number) >= 4 === fakes.has(a.caseId)).length / answered.length;
}

/**
 * A file dialog opened by a key (O: files, F: a folder on the dashboard) gets these files: the key opens the page's
 * input `#<inputId>` (input/pick.ts), which is filled as the dialog would fill it.
 */
export async function chooseFiles(page: Page, key: string, inputId: string, files: readonly string[]): Promise<void> {
  await page.keyboard.press(key);
  await page.setInputFiles(`#${inputId}`, [...files]);
}
