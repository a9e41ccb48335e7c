import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, screenshot, waitForStatus } from '../helpers/browser.js';

/** No answer is ever lost: reload mid-round, resume at the same case, finish, export, delete. */
async function download(page: Page, key: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  return readFileSync((await file.path()) as string, 'utf8');
}

describe('results survive a reload and can be exported and deleted', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('resumes at the interrupted case with earlier answers intact, and exports them exactly', async () => {
    const { page } = browser.b;
    await page.goto(`${base}?mode=practice&deck=demo&seed=21&cases=4&seconds=120&rounds=1`);
    await waitForStatus(page, /Practice, round 1 of 1: 4 cases/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 4/);
    const box = (await page.locator('.viewer').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.45);
    await waitForStatus(page, /1 mark placed/);
    await page.keyboard.press('6');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 2 of 4/);
    await page.keyboard.press('i');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 3 of 4/);
    // The reader marks case 3 and reads it for a while, then the tab is reloaded (or crashes).
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await waitForStatus(page, /1 mark placed/);
    await page.waitForTimeout(6000);
    await page.reload();
    const resumed = await waitForStatus(page, /Resumed your session/);
    expect(resumed).toMatch(/round 1, case 3 of 4, with 2 answers kept, your 1 mark and (10[0-9]|11[0-4]) seconds left on this case/);
    await waitForStatus(page, /Case 3 of 4.*Resumed with the time that was left/);
    // The countdown goes on from where it was, not from full.
    const left = Number((await page.textContent('#hud-time'))?.match(/\d+/)?.[0]);
    expect(left).toBeLessThanOrEqual(114);
    await screenshot(page, '30-resumed-case-3');
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 4 of 4/);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Round 1 review: \d of 4 answered correctly/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Session complete/);

    await page.keyboard.press('r');
    await page.waitForTimeout(300);
    await screenshot(page, '31-history');
    const json = JSON.parse(await download(page, 'j')) as { format: string; sessions: { status: string; answers: { rating: number | null; marks: unknown[]; toolsUsed: string[]; interrupted: boolean; caseId: string }[] }[] };
    expect(json.format).toBe('xray-trainer-results');
    expect(json.sessions).toHaveLength(1);
    const s = json.sessions[0]!;
    expect(s.status).toBe('complete');
    expect(s.answers.map((a) => a.rating)).toEqual([6, 2, 5, 1]);
    expect(s.answers.map((a) => a.interrupted)).toEqual([false, false, true, false]);
    expect(s.answers[0]?.marks).toHaveLength(1);
    expect(s.answers[2]?.marks, 'the mark placed before the reload was kept').toHaveLength(1);
    expect(s.answers[1]?.toolsUsed).toContain('invert');
    expect(new Set(s.answers.map((a) => a.caseId)).size).toBe(4);

    const csv = (await download(page, 'v')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toMatch(/^session_id,started_at,mode,deck,seed,round,case_in_round,case_id,truth/);

    // Open the finished session again from the history: its first case comes back with its tells.
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Reviewing the session of .*: round 1/);
    await page.keyboard.press('ArrowRight');
    const said = await waitForStatus(page, /^Case 2: (fake \(|real;).*you said probably real/);
    expect(said).toBeTruthy();
    await page.waitForTimeout(400);
    await screenshot(page, '32-past-session-review');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Session complete/);
    await page.keyboard.press('r');
    await page.waitForTimeout(200);

    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await waitForStatus(page, /All your stored data was deleted/);
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('r');
    const after = JSON.parse(await download(page, 'j')) as { sessions: unknown[] };
    expect(after.sessions, 'nothing is left after "delete my data", and no session is resumed').toEqual([]);
    expect(browser.b.pageErrors).toEqual([]);
    expect(browser.b.foreignRequests).toEqual([]);
  });
});
