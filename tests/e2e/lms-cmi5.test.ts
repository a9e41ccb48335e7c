import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOT_DIR } from '../helpers/browser.js';
import { TEST_LAUNCH } from '../helpers/lms-harness.js';
import { serveModule } from '../helpers/module-fixture.js';

/**
 * A cmi5 package of the demo deck launched by the cmi5 LMS/LRS fixture (tests/helpers/cmi5-lrs.ts) and played by
 * clicks in headless Chromium; every statement is checked by Learning Locker's xAPI validator as it arrives.
 */
const AU = 'https://w3id.org/xapi/xray-trainer/modules/spotting-synthetic-radiographs/au';

async function status(page: Page, want: RegExp): Promise<void> {
  await expect.poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 20_000 }).toMatch(want);
}

async function click(page: Page, id: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await page.locator('#status').textContent();
    await page.locator(`#${id}`).click();
    await expect.poll(async () => ((await page.locator('#status').textContent()) !== before || (await page.locator('#error').textContent()) !== '' ? 'changed' : `unchanged after #${id}`), { timeout: 10_000 }).toBe('changed');
    const error = await page.locator('#error').textContent();
    if (error) throw new Error(`#${id}: ${error}`);
  }
}

describe('cmi5 package with a cmi5 LMS and LRS fixture', () => {
  const served = serveModule('cmi5', ['--deck', 'demo', '--seed', '7', '--pre', '4', '--post', '4', '--practice', '1', '--attempts', '2', '--title', 'Spotting synthetic radiographs'], { testLaunchPage: true });

  it('initialized, answers, passed with the LMS masteryScore, completed, terminated; a reload resumes without a second fetch', async () => {
    const { lms, b } = served;
    // masteryScore 0.5 from LMS.LaunchData replaces the module's 0.75: 2 of 4 then passes.
    const launch = lms.lrs.launch({ auId: AU, launchPath: TEST_LAUNCH, masteryScore: 0.5 });
    await b.page.goto(launch.url);
    const page = b.page;
    await status(page, /lms=cmi5; tracked=yes; learner=Nguyễn Thị Minh; step=start; .*passMark=0.5/);
    await click(page, 'start');
    await click(page, 'right', 4);
    // The learner reloads the page: the fetch URL works once, so the session's token is reused and progress restored.
    await page.reload();
    await status(page, /step=teaching; .*pre=4; .*resumeProblem=none/);
    expect(lms.lrs.fetchCalls).toBe(1);
    await click(page, 'teach');
    await click(page, 'practice');
    await click(page, 'right', 2);
    await click(page, 'wrong', 2);
    await status(page, /step=post-result; .*passed=true; score=2/);
    await click(page, 'evaluate');
    await click(page, 'submit');
    await status(page, /step=certificate/);
    await screenshot(page, 'lms-cmi5-done');
    // Not click(): the page goes away, so there is no status to see change. After terminated the AU goes to the
    // LMS's returnURL (cmi5 section 10.0).
    await page.locator('#close').click();
    await page.waitForURL(`${lms.origin}/lms/return`);

    const verbs = lms.lrs.verbs;
    const lines = lms.lrs.statements.map((s) => {
      const r = s['result'] as { score?: { scaled?: number }; success?: boolean; completion?: boolean; response?: string; duration?: string } | undefined;
      const o = (s['object'] as { id?: string }).id?.replace(AU, '<au>');
      return `${(s.verb?.id ?? '').split('/').pop()} ${o}${r ? ` ${JSON.stringify(r)}` : ''}`;
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'lms-cmi5-statements.txt'), `${lines.join('\n')}\n`);
    console.log(`cmi5 statements received by the LRS:\n${lines.join('\n')}`);
    expect(lms.lrs.invalid).toEqual([]);
    expect(verbs[0]).toBe('launched');
    expect(verbs[1]).toBe('initialized');
    expect(verbs.filter((v) => v === 'initialized')).toHaveLength(1);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(4 + 4 + 4);
    const passed = verbs.indexOf('passed');
    const completed = verbs.indexOf('completed');
    expect(passed).toBeGreaterThan(1);
    expect(completed).toBeGreaterThan(passed);
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => ['passed', 'failed', 'completed', 'terminated'].includes(v))).toEqual(['passed', 'completed', 'terminated']);
    const passStatement = lms.lrs.statements[passed]!;
    expect(passStatement['result']).toMatchObject({ success: true, score: { scaled: 0.5 } });
    expect(JSON.stringify(passStatement['context'])).toContain('"https://w3id.org/xapi/cmi5/context/extensions/masteryscore":0.5');
    for (const s of lms.lrs.statements.slice(1)) {
      const ctx = s['context'] as { registration?: string; extensions?: Record<string, unknown> };
      expect(ctx.registration).toBe(launch.registration);
      expect(ctx.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBeTruthy();
    }
    expect(b.foreignRequests).toEqual([]);
  });
});

