import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as validation from '@learninglocker/xapi-validation';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionLink, signSession, type SignedSession } from '../../src/delivery/index.js';
import { openBrowser } from '../helpers/browser.js';
import { sessionBody, testInstructor } from '../helpers/delivery.js';
import { startFixtureLrs, type FixtureLrs } from '../helpers/fixture-lrs.js';
import { chooseFiles, playRound, residentJoins } from '../helpers/training.js';

/**
 * A session with an LRS block, in a copy of the game built to reach that LRS (LRS_ORIGINS; the shipped page may
 * reach only its own origin). The resident's answers go out as xAPI statements, each validated by the fixture with
 * Learning Locker's validator; answers given offline wait in IndexedDB and go when the browser is back online; the
 * instructor's dashboard reads them back with read credentials typed for the purpose.
 */
const WRITE = 'Basic c2Vzc2lvbjp3cml0ZQ==';
const READ = 'Basic aW5zdHJ1Y3RvcjpyZWFk';
const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (s: unknown) => unknown[];

let lrs: FixtureLrs;
let server: PreviewServer;
let base = '';
let outDir = '';

beforeAll(async () => {
  lrs = await startFixtureLrs({ credentials: { [WRITE]: { write: true }, [READ]: { read: true } }, pageSize: 2 });
  outDir = mkdtempSync(join(tmpdir(), 'xray-lrs-build-'));
  const before = process.env.LRS_ORIGINS;
  process.env.LRS_ORIGINS = 'http://127.0.0.1:*';
  try {
    await build({ logLevel: 'warn', configFile: 'vite.config.ts', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.LRS_ORIGINS;
    else process.env.LRS_ORIGINS = before;
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir }, logLevel: 'warn', configFile: 'vite.config.ts' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}/`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  await lrs?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('answers to the institution\'s LRS', () => {
  it('sends each answer as a valid statement, keeps answers given offline until the network is back, and the dashboard reads them', async () => {
    const now = Date.now();
    const signed: SignedSession = await signSession(sessionBody({
      issuedAt: new Date(now).toISOString(),
      lrs: { endpoint: lrs.endpoint, token: WRITE, tokenExpiresAt: new Date(now + 86_400_000).toISOString(), activityBase: 'https://teaching.example.org/xray' },
    }, { casesPerRound: 4, secondsPerCase: 60 }), await testInstructor());
    const reader = await openBrowser(base, { width: 1920, height: 1080 });
    const instructor = await openBrowser(base, { width: 1920, height: 1080 });
    try {
      const { page, context } = reader;
      await residentJoins(page, `${base}${sessionLink(signed)}`, 'Ana');
      await playRound(page, 4, (k) => (k % 2 ? 6 : 1), async (k) => {
        if (k !== 1) return;
        // The first answer has reached the LRS; then the network goes.
        await expect.poll(() => lrs.statements.length, { timeout: 30_000 }).toBe(1);
        await context.setOffline(true);
      });
      await page.waitForSelector('#training-lrs');
      expect(await page.textContent('#training-lrs')).toMatch(/3 answers wait to be sent to 127\.0\.0\.1:\d+; the game retries by itself/);
      expect(lrs.statements).toHaveLength(1);
      await context.setOffline(false);
      await page.waitForFunction(() => /Every answer has reached/.test(document.getElementById('training-lrs')?.textContent ?? ''), null, { timeout: 60_000 });
      expect(lrs.statements).toHaveLength(4);
      expect(lrs.invalid).toEqual([]);
      for (const s of lrs.statements) expect(validate(s)).toEqual([]);
      expect(JSON.stringify(lrs.statements)).not.toContain('Ana');
      expect(reader.pageErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);

      // The instructor collects from the LRS: session.json tells the dashboard which session; their read key is typed once.
      const ip = instructor.page;
      const file = join(outDir, 'session.json');
      writeFileSync(file, JSON.stringify(signed, null, 2));
      await ip.goto(base);
      await ip.waitForSelector('#main[data-screen="title"]');
      await ip.keyboard.press('b');
      await chooseFiles(ip, 'o', 'pick-results', [file]);
      await ip.waitForSelector('#dash-lrs-cred');
      await ip.fill('#dash-lrs-cred', READ);
      await ip.click('#btn-dash-lrs');
      await ip.waitForSelector('#dash-readers');
      expect(await ip.textContent('#dash-lrs-message')).toMatch(/Read 4 statements of 1 reader from the LRS/);
      expect(await ip.inputValue('#dash-lrs-cred'), 'the credentials are not kept on screen').toBe('');
      const row = await ip.$$eval('#dash-readers tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
      expect(row).toHaveLength(1);
      expect(row[0]?.[0]).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
      expect(row[0]?.[1]).toBe('4');
      expect(instructor.pageErrors).toEqual([]);
    } finally {
      await reader.close();
      await instructor.close();
    }
  }, 300_000);
});
