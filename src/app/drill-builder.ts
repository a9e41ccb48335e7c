import type { TechniqueSummary } from '../domain/index.js';
import {
  drillFilms, drillModeFrom, drillModuleFromOptions, encodeDrillModule, LMS_STANDARDS, learnerTitle, ModuleDefinitionError, modulePackageFiles, cmi5CourseStructure,
  scormManifest, type DrillModule, type LmsStandard,
} from '../lms/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { AI_HINT_FIELD, drillFormWords, PREVALENCE_FIELD } from '../presenters/index.js';
import type { BuilderForm } from './module-form.js';

/**
 * The builder's readiness-drill form: the same drill as `npm run lms -- package --drill` from the same settings
 * (lms' drillModeFrom checks them as the command line does), its films planned before anything is zipped, and the
 * zip's files (the game fetched from this server, or, without a built game, drill.json, the manifest and the deck
 * with the command line that completes it). Prevalence, AI-hint share are percentages on screen.
 */
export function drillFromForm(form: BuilderForm, packId: string | null): { drill: DrillModule | null; problems: string[] } {
  const problems: string[] = [];
  const text = (k: string): string => (form[k] ?? '').trim();
  const num = (k: string, label: string, scale = 1): number | undefined => {
    const raw = text(k);
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) problems.push(`${label} '${raw}': a number.`);
    return Number.isFinite(n) ? n / scale : undefined;
  };
  const standard = text('standard');
  if (!(LMS_STANDARDS as readonly string[]).includes(standard)) problems.push(`LMS standard: choose one of ${LMS_STANDARDS.join(', ')}.`);
  const title = text('title');
  if (title === '') problems.push("Drill title: required (it names the drill in your report; learners see the worklist's name).");
  const seed = num('seed', 'Seed') ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) problems.push(`Seed '${seed}': a whole number from 0 to ${2 ** 31 - 1}.`);
  const settings = {
    cases: num('cases', 'Films'), prevalence: num('prevalence', PREVALENCE_FIELD, 100), seconds: num('seconds', 'Seconds per film'), prompted: text('prompted') === '1',
    aiHint: num('ai-hint', AI_HINT_FIELD, 100) ?? null, opens: text('opens') || null, closes: text('closes') || null,
    worklistTitle: text('worklist-title') || null, briefing: text('briefing').replace(/\s*\n\s*/g, ' ') || null,
  };
  // The drill rules run even when a field above was refused, so every problem is listed at once.
  try {
    const mode = drillModeFrom(settings);
    if (problems.length > 0) return { drill: null, problems };
    return { drill: drillModuleFromOptions({ standard: standard as LmsStandard, mode, title, id: text('id') || null, provider: text('provider'), packId, seed }), problems };
  } catch (e) {
    if (e instanceof ModuleDefinitionError) return { drill: null, problems: [...problems, ...e.problems.map((p) => drillFormWords(p, form))] };
    throw e;
  }
}

/** The films the drill plans (a pack too small is refused with what to change), as report lines. */
export function drillPlanReport(d: DrillModule, techniques: readonly TechniqueSummary[], manifest: PackManifest | null): string[] {
  const films = drillFilms(d, techniques, manifest).length;
  if (films < d.mode.casesPerRound) throw new ModuleDefinitionError([`The pack holds ${films} films; the drill asks for ${d.mode.casesPerRound}. Ask for fewer, or use a larger pack.`]);
  return [
    `Worklist: ${films} films, each a fake with a chance of ${Math.round(d.mode.fakeShare * 100)}%; each learner reads them in their own counterbalanced order.`,
    `Learners see it as "${learnerTitle(d)}". The LMS records completion only (no score, no pass mark) and one interaction per film; keep drill.json for the report.`,
  ];
}

export interface DrillZipInputs {
  readonly drill: DrillModule;
  readonly game: Map<string, Uint8Array> | null;
  readonly deck: Map<string, Uint8Array>;
  readonly schemas: Map<string, Uint8Array>;
}

/** The zip's files: complete with the game, else the parts made here and how to finish on the command line. */
export function drillZipFiles(i: DrillZipInputs): Map<string, Uint8Array> {
  const { drill } = i;
  if (i.game) return modulePackageFiles({ definition: drill, game: i.game, deck: i.deck, schemas: i.schemas });
  const enc = new TextEncoder();
  const out = new Map<string, Uint8Array>([['drill.json', enc.encode(encodeDrillModule(drill))]]);
  if (drill.deck.kind === 'pack') for (const [p, b] of i.deck) out.set(`${drill.deck.folder}/${p}`, b);
  const content = ['index.html', ...out.keys()];
  if (drill.standard === 'cmi5') out.set('cmi5.xml', enc.encode(cmi5CourseStructure(drill)));
  else {
    out.set('imsmanifest.xml', enc.encode(scormManifest(drill, content, drill.standard)));
    for (const [n, b] of i.schemas) out.set(n, b);
  }
  const pack = drill.deck.kind === 'pack' ? ' --deck <the pack zip>' : '';
  out.set('README.txt', enc.encode(`This zip holds the drill's drill.json, the LMS manifest${pack ? ' and the deck' : ''}, without the game (it was made on a copy of the game that is not built).\nMake the complete drill module on a machine with the game's sources:\n\n  npm run lms -- package --standard ${drill.standard} --drill drill.json${pack} --out ${drill.id}-${drill.standard}.zip\n`));
  return out;
}
