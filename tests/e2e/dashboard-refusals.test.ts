import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { signSession } from '../../src/delivery/index.js';
import { openBrowser, screenshot, waitForStatus } from '../helpers/browser.js';
import { answersFor, readerSaves, resultFiles, signedSession, testInstructor } from '../helpers/delivery.js';
import { drillReaderSaves, signedDrill } from '../helpers/drill-readers.js';
import { chooseFiles } from '../helpers/training.js';

/**
 * The debrief dashboard at a laptop's 1280 x 720, given what an instructor's folder really holds: three readers'
 * files of the session, a readiness drill's result file (issued later, so by count and date it used to take the
 * dashboard over), a file of another training session and a note. The drill's file and the other session's are
 * refused in the browser's words (where to take it; a readable date, no command-line flag); the names toggle and the
 * projector say what they did. Screenshots: dashboard-refusals-*.png.
 */
describe('the debrief dashboard refuses a drill result file and says what its toggles did', () => {
  const base = inject('baseURL');

  it('at 1280x720', async () => {
    const paths = await resultFiles();
    const dir = dirname(paths[0]!);
    const drill = await signedDrill({ cases: 8, prevalence: 0.1, title: 'Chest list, week 23', issuedAt: Date.parse('2026-12-07T12:52:18.354Z') });
    const drillFile = join(dir, 'week23-dee-result.json');
    writeFileSync(drillFile, (await drillReaderSaves(drill, 'Dee', () => ({ flag: false }))).bytes);
    const other = await signSession({ ...(await signedSession()).session, sessionId: '1b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f', title: 'Another day', issuedAt: '2025-12-07T12:52:18.354Z' }, await testInstructor());
    const otherFile = join(dir, 'another-day-eve-result.json');
    writeFileSync(otherFile, (await readerSaves(other, 'Eve', await answersFor(other, () => 3))).bytes);

    const b = await openBrowser(base, { width: 1280, height: 720 });
    const { page } = b;
    try {
      await page.goto(base);
      await page.waitForSelector('#main[data-screen="title"]');
      await page.keyboard.press('b');
      await page.waitForSelector('#dash-empty');
      await chooseFiles(page, 'o', 'pick-results', [drillFile, ...paths, otherFile]);
      await waitForStatus(page, /Dashboard: 3 readers of "Tuesday deepfake reading"; 3 files refused/);
      await page.waitForFunction(() => !document.getElementById('dash-busy'), null, { timeout: 120_000 });
      expect(await page.textContent('#dashboard h2')).toBe('Debrief: Tuesday deepfake reading');
      const refused = (await page.$$eval('#dash-refused li', (lis) => lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '')));
      expect(refused).toContain('week23-dee-result.json (readiness drill): A result file of "Chest list, week 23", a readiness drill, not a training session: open it in the Drill report (W on the title screen).');
      const foreign = refused.find((r) => r.startsWith('another-day-eve-result.json'));
      expect(foreign).toBe('another-day-eve-result.json (another session): The file is for another session ("Another day", issued 7 Dec 2025, 12:52 UTC by Dr A. Rossi). To debrief that session instead, press Clear and add only its files, or add its session.json.');
      expect(refused.join(' ')).not.toMatch(/--session|foreign-session|\d{4}-\d\d-\d\dT/);
      await page.locator('#dash-refused').scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-refusals-1280x720');

      // The names toggle: one label, its state in aria-pressed, and what it did in the status line.
      const names = page.locator('#btn-dash-names');
      const readers = () => page.$$eval('#dash-readers tbody th', (ths) => ths.map((t) => t.textContent));
      expect(await names.textContent()).toMatch(/^Hide names\s*N$/);
      expect(await names.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('n');
      await waitForStatus(page, /^Names hidden: readers are shown as R1\.\.Rn/);
      // The dashboard renders on the frame after the status is said: poll what it shows.
      await expect.poll(readers).toEqual(['R1', 'R2', 'R3']);
      expect(await names.textContent()).toMatch(/^Hide names\s*N$/);
      await expect.poll(() => names.getAttribute('aria-pressed')).toBe('true');
      await page.locator('#btn-dash-names').scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-refusals-names-hidden');
      await page.keyboard.press('n');
      await waitForStatus(page, /^Names shown/);
      await expect.poll(readers).toEqual(['Ana Lopez-Hernández', 'Ben', 'Chloé']);
      await expect.poll(() => names.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('p');
      await waitForStatus(page, /^Projector mode: large type/);
      await expect.poll(() => page.locator('#btn-dash-projector').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('p');
      await waitForStatus(page, /^Projector mode off/);
      expect(b.pageErrors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 300_000);
});
