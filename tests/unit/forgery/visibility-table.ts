/**
 * Prints the fit-to-window visibility (visibility.ts) of every pixel technique at every level on two simulated
 * chests (simulateChest(1), simulateChest(2), 1536 x 1792 with anatomy hints) and two real NIH films (1024 x 1024,
 * no hints). Not a test: run with `node --import tsx tests/unit/forgery/visibility-table.ts [technique ...]`.
 */
import { createRng } from '../../../src/domain/rng.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { visibilitySubjects } from './visibility-subjects.js';

const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
const only = process.argv.slice(2);
const subjects = visibilitySubjects(['sim1', 'sim2', 'real0', 'real1']);
const head = ['technique', 'level', ...subjects.map((s) => s.label)];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const t of Object.values(TECHNIQUES)) {
  if (only.length > 0 && !only.includes(t.id)) continue;
  for (const level of LEVELS) {
    const cells = subjects.map((s) => {
      try {
        const r = t.apply(s.image, s.hints ? { level, hints: s.hints } : { level }, createRng(11));
        const v = fitToWindowVisibility(s.image, r.image, r.tells);
        return `${v.score.toFixed(1)}${v.score >= VISIBILITY_THRESHOLD ? '' : ' -'}`;
      } catch (e) {
        return `error: ${(e as Error).message.slice(0, 40)}`;
      }
    });
    console.log(`| ${t.id} | ${level} | ${cells.join(' | ')} |`);
  }
}
