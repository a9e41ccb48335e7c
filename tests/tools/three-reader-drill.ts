/**
 * A three-reader test drill, end to end, for the note and the README: `npm run drill -- create` makes a signed 40-film
 * drill at 5% prevalence; three scripted readers play it in headless Chromium by keys from the join link (each in a
 * fresh browser profile, so each has their own key, order and result file) and save with J; `npm run drill -- report`
 * reads the three files. The readers are scripted, not radiologists: each flags a fake with a set chance and an
 * authentic film with another (seeded), so the report's figures show the machinery, not anyone's skill.
 *   node --import tsx tests/tools/three-reader-drill.ts <out folder>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { runDrill } from '../../src/cli/run-drill.js';
import { createRng } from '../../src/domain/index.js';
import type { SignedSession } from '../../src/delivery/index.js';
import { playSignedDrill } from '../helpers/drill-play.js';

const out = resolve(process.argv[2] ?? '.scratch/three-reader-drill');
mkdirSync(out, { recursive: true });
const say = (t: string): void => void process.stdout.write(t);
const drillFile = join(out, `drill-${Date.now()}.json`);
const created = await runDrill(['create', '--title', 'Chest list, week 23', '--worklist-title', 'Chest reporting exercise', '--out', drillFile,
  '--instructor', 'Dr Q. Lead (quality and safety)', '--cases', '40', '--prevalence', '0.05', '--seed', '6', '--opens', '2026-06-01', '--closes', '2026-12-31',
  ...(process.env.DRILL_KEY ? ['--key', process.env.DRILL_KEY] : [])], { stdout: say, stderr: say });
if (created !== 0) process.exit(created);
const signed = JSON.parse(readFileSync(drillFile, 'utf8')) as SignedSession;

await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn', configFile: 'vite.config.ts' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no preview address');
const base = `http://127.0.0.1:${address.port}/`;

// Scripted readers: chance of flagging a fake, chance of flagging an authentic film, seconds spent per film.
const readers = [
  { name: 'Reader A', hit: 0.7, falseFlag: 0.03, seed: 1 },
  { name: 'Reader B', hit: 0.3, falseFlag: 0.0, seed: 2 },
  { name: 'Reader C', hit: 0.9, falseFlag: 0.12, seed: 3 },
];
for (const r of readers) {
  const profile = join(out, `.profile-${r.seed}-${Date.now()}`);
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 }, acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const rng = createRng(r.seed);
  const played = await playSignedDrill(page, base, signed, r.name, ({ fact }) => {
    const flag = rng.next() < (fact.fake ? r.hit : r.falseFlag);
    return { flag, tell: fact.fake && rng.next() < 0.5 ? (fact.tellCategories[0] ?? null) : 'anatomical' };
  });
  writeFileSync(join(out, played.file.name), played.file.bytes);
  say(`${r.name}: ${played.films.length} films, saved ${played.file.name}\n`);
  if (r.seed === 3) await page.screenshot({ path: join(out, 'debrief-reader-c.png') });
  await ctx.close();
}
await new Promise<void>((done) => server.httpServer.close(() => done()));
process.exitCode = await runDrill(['report', out, '--html', join(out, 'report.html')], { stdout: say, stderr: say });
