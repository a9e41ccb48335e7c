/**
 * Realism measured against the 69 real chest films of ../shared/xray: every global statistic of film-stats.ts is
 * computed on the real films and on the demo deck's authentic films, and for each statistic at least 80% of the demo
 * films must fall within the real films' 5th-95th percentile range. The table is printed and written to
 * tests/realism/output/realism-table.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateChest } from '../../src/simulator/index.js';
import { authenticSeeds } from './demo-deck-cases.js';
import { STAT_INFO, displayOf, filmStats, fitLongSide, type FilmStats } from './film-stats.js';
import { realFilms } from './real-films.js';

const DEMO_FILMS = 40;
const SHARE = 0.8;
const OUT = join(process.cwd(), 'tests', 'realism', 'output');

function percentile(sorted: readonly number[], q: number): number {
  const i = q * (sorted.length - 1);
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

describe('demo films against the real films of ../shared/xray', () => {
  it(`for every statistic, at least ${SHARE * 100}% of ${DEMO_FILMS} demo films lie in the real films' 5-95% range`, () => {
    const real = realFilms().map((r) => filmStats(fitLongSide(r.film)));
    expect(real.length).toBe(69);
    const demo: FilmStats[] = authenticSeeds(18, DEMO_FILMS).map((s) => filmStats(fitLongSide(displayOf(simulateChest(s).image))));
    const rows: string[] = ['| statistic | what | real 5% | real 95% | demo median | demo inside |', '| --- | --- | --- | --- | --- | --- |'];
    const failing: string[] = [];
    for (const key of Object.keys(STAT_INFO) as (keyof FilmStats)[]) {
      const r = real.map((f) => f[key]).sort((a, b) => a - b);
      const d = demo.map((f) => f[key]).sort((a, b) => a - b);
      const lo = percentile(r, 0.05);
      const hi = percentile(r, 0.95);
      const inside = d.filter((v) => v >= lo && v <= hi).length / d.length;
      rows.push(`| ${key} | ${STAT_INFO[key]} | ${lo.toFixed(4)} | ${hi.toFixed(4)} | ${percentile(d, 0.5).toFixed(4)} | ${(100 * inside).toFixed(0)}% |`);
      if (inside < SHARE) failing.push(`${key}: ${(100 * inside).toFixed(0)}% inside [${lo.toFixed(4)}, ${hi.toFixed(4)}]`);
    }
    const table = rows.join('\n');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'realism-table.md'), `${table}\n`);
    console.log(table);
    expect(failing).toEqual([]);
  });
});
