import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, SCREENSHOT_DIR, type Browser } from './browser.js';
import { LmsHarness, preparePackage } from './lms-harness.js';
import { answerKey, type AnswerKey } from './module-play.js';

/** A packaged module served by the LMS harness with a browser open on its origin; filled in before the block's tests. */
export interface ServedModule {
  readonly dir: string;
  readonly lms: LmsHarness;
  readonly b: Browser;
  /** The module's answer key (module.json's plan); throws for a drill module, which has none. */
  readonly key: AnswerKey;
}

export interface ServeOptions {
  /** Build the test launch page into the package (the LMS API tests); false for the real module screens. */
  readonly testLaunchPage?: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/**
 * For one describe block: packages a module with the real CLI (arguments may be made when the block starts), serves
 * it from the LMS harness and opens a browser; both are closed after the block, printing any page errors.
 */
export function serveModule(standard: 'scorm12' | 'scorm2004' | 'cmi5', args: readonly string[] | (() => Promise<readonly string[]> | readonly string[]), o: ServeOptions = {}): ServedModule {
  let live: { dir: string; lms: LmsHarness; b: Browser } | null = null;
  let key: AnswerKey | null = null;
  const get = (): { dir: string; lms: LmsHarness; b: Browser } => {
    if (!live) throw new Error('serveModule: the module is served from the describe block\'s beforeAll; read it inside a test');
    return live;
  };
  beforeAll(async () => {
    const dir = await preparePackage(standard, typeof args === 'function' ? await args() : args, { withTestLaunchPage: o.testLaunchPage ?? false });
    const lms = await LmsHarness.start(dir);
    live = { dir, lms, b: await openBrowser(lms.origin, o.viewport ? { ...o.viewport } : undefined) };
  });
  afterAll(async () => {
    if (live?.b.pageErrors.length) console.log(live.b.pageErrors.join('\n'));
    await live?.b.close();
    await live?.lms.close();
  });
  return {
    get dir() { return get().dir; },
    get lms() { return get().lms; },
    get b() { return get().b; },
    get key() { key ??= answerKey(get().dir); return key; },
  };
}

/** An LMS record (cmi.*) as flat element = value lines, the way an LMS report lists them; empty values left out. */
export function flattenCmi(o: unknown, prefix = 'cmi'): string[] {
  if (o === null || typeof o !== 'object') return [`${prefix} = ${JSON.stringify(o)}`];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flattenCmi(v, `${prefix}.${k}`)).filter((l) => !/ = ""$/.test(l) && !/ = \{\}$/.test(l));
}

/** Keeps lines beside the screenshots (`<name>.txt`), for a person to read what the LMS recorded. */
export function keepBesideScreenshots(name: string, lines: readonly string[]): void {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, `${name}.txt`), `${lines.join('\n')}\n`);
}
