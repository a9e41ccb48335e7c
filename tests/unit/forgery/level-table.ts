/**
 * Prints, per pixel technique and film, the tell's fit-to-window score (visibility.ts) at each level, and flags what
 * breaks the levels' promise: 'obvious' under VISIBILITY_THRESHOLD ('!'), or a level scoring below a harder one
 * ('<'). Not a test: `node --import tsx tests/unit/forgery/level-table.ts [subject ...] [-- technique ...]`, subjects
 * as in visibility-subjects.ts (default: the eight demo films, DEMO_FILMS).
 */
import { createRng } from '../../../src/domain/rng.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { DEMO_FILMS, visibilitySubjects } from './visibility-subjects.js';

const args = process.argv.slice(2);
const cut = args.indexOf('--');
const labels = cut < 0 ? args : args.slice(0, cut);
const only = cut < 0 ? [] : args.slice(cut + 1);
const subjects = visibilitySubjects(labels.length ? labels : Object.keys(DEMO_FILMS));
const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
console.log(`| technique | ${subjects.map((s) => s.label.split(' ')[0]).join(' | ')} |\n|---|${subjects.map(() => '---').join('|')}|`);
for (const t of Object.values(TECHNIQUES)) {
  if (only.length > 0 && !only.includes(t.id)) continue;
  const cells = subjects.map((s) => {
    const v = LEVELS.map((level) => {
      try {
        const r = t.apply(s.image, s.hints ? { level, hints: s.hints } : { level }, createRng(11));
        return fitToWindowVisibility(s.image, r.image, r.tells).score;
      } catch {
        return Number.NaN; // no room on this film
      }
    });
    const [o, su, e] = v as [number, number, number];
    const flag = (o < VISIBILITY_THRESHOLD ? '!' : '') + (o < su || su < e ? '<' : '');
    return `${v.map((x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1))).join(' / ')}${flag ? ` ${flag}` : ''}`;
  });
  console.log(`| ${t.id} | ${cells.join(' | ')} |`);
}
