/**
 * Prints, per pixel technique, the tell's score at fit-to-window (visibility.ts, with the acuity blur) at every
 * level, and the 'expert' score through the tool its how-to-see text names (expert-tools.ts, tool-visibility.ts).
 * Not a test: `node --import tsx tests/unit/forgery/tool-table.ts [subject ...] [-- technique ...]`, subjects as in
 * visibility-subjects.ts (default sim1 real1). With --alone, only the techniques with an honest twin
 * (Technique.withoutTell), scored against the twin instead of the original: the tell apart from its content.
 */
import { createRng } from '../../../src/domain/rng.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { EXPERT_TOOL } from './expert-tools.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { visibilitySubjects } from './visibility-subjects.js';
import { toolVisibility } from './tool-visibility.js';
import { tellAlone } from './tell-alone.js';

const alone = process.argv.includes('--alone');
const args = process.argv.slice(2).filter((a) => a !== '--alone');
const cut = args.indexOf('--');
const labels = cut < 0 ? args : args.slice(0, cut);
const only = cut < 0 ? [] : args.slice(cut + 1);
const subjects = visibilitySubjects(labels.length ? labels : ['sim1', 'real1']);
const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
const mark = (v: number): string => `${v.toFixed(1)}${v >= VISIBILITY_THRESHOLD ? '' : ' -'}`;
const head = ['technique', 'tool', ...subjects.flatMap((s) => [...LEVELS.map((l) => `${s.label.split(' ')[0]} ${l}`), 'tool'])];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const t of Object.values(TECHNIQUES)) {
  if (only.length > 0 && !only.includes(t.id)) continue;
  if (alone && !t.withoutTell) continue;
  const tool = EXPERT_TOOL[t.id] ?? 'loupe';
  const cells = subjects.flatMap((s) =>
    LEVELS.flatMap((level) => {
      const twin = alone ? tellAlone(t, s, level) : undefined;
      const r = twin?.fake ?? t.apply(s.image, s.hints ? { level, hints: s.hints } : { level }, createRng(11));
      const base = twin?.honest ?? s.image;
      const fit = mark(fitToWindowVisibility(base, r.image, r.tells).score);
      return level === 'expert' ? [fit, mark(toolVisibility(base, r.image, r.tells, tool))] : [fit];
    }),
  );
  console.log(`| ${t.id} | ${tool} | ${cells.join(' | ')} |`);
}
