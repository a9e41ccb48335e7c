/**
 * The debrief's figures from collected results: the truth of every case from the deck on the instructor's side
 * (never from a reader's file), each reader's and the group's figures (domain/study cohortFigures), miss rates by
 * tell and category, the cases that fooled most readers, and the pre/post change when both sessions are given.
 */
import {
  cohortReaders, readersFromResults, type Collection, type ReaderEntry, type SessionDeckPlan,
} from '../delivery/index.js';
import { isPackCaseSpec, packCaseTruth, type CaseSpec } from '../decks/index.js';
import {
  cohortFigures, cohortMissRates, difficultyOf, prePostChange, tellsOfTruth, type CaseTruth, type CohortReader, type TechniqueSummary,
} from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { countOf, deckWords, sessionFactsLine } from '../presenters/index.js';
import type { DashboardSession, DashboardState } from '../store/index.js';
import type { Collected } from './dashboard-intake.js';

export interface DeckTruths {
  readonly truthOf: (caseId: string) => CaseTruth | null;
  readonly tellsOf: (caseId: string) => readonly string[];
  readonly levelOf: (caseId: string) => string | null;
  /** Demo fakes whose tell regions are not known until the case is made again (localisation waits for them). */
  readonly ungenerated: readonly CaseSpec[];
}

/**
 * `generated`: truths of demo cases made again (with their tell regions). A demo fake not yet made counts as a
 * fake with its technique's artifacts, so everything but localisation can be shown at once.
 */
export function deckTruths(plan: SessionDeckPlan, techniques: readonly TechniqueSummary[], manifest: PackManifest | null, generated: ReadonlyMap<string, CaseTruth>): DeckTruths {
  const specs = new Map<string, CaseSpec>(plan.rounds.flat().map((s) => [s.id, s]));
  const truth = (id: string): CaseTruth | null => {
    const spec = specs.get(id);
    if (!spec) return null;
    if (isPackCaseSpec(spec)) {
      const c = manifest?.cases.find((x) => x.id === spec.packCaseId);
      return c ? packCaseTruth(c) : null;
    }
    if (spec.forgery === null) return { kind: 'authentic', authenticityCues: [] };
    return generated.get(id) ?? { kind: 'forged', recipe: [...spec.forgery], tells: [] };
  };
  return {
    truthOf: truth,
    tellsOf: (id) => {
      const t = truth(id);
      if (!t || t.kind === 'authentic') return [];
      const told = tellsOfTruth(t).map((x) => x.artifactId);
      if (told.length > 0 || t.kind !== 'forged') return told;
      return t.recipe.flatMap((step) => techniques.find((x) => x.id === step.techniqueId)?.artifactIds ?? []);
    },
    levelOf: (id) => {
      const t = truth(id);
      return t ? difficultyOf(t) : null;
    },
    ungenerated: [...specs.values()].filter((s) => !isPackCaseSpec(s) && s.forgery !== null && !generated.has(s.id)),
  };
}

export function dashboardSession(c: Collection): DashboardSession | null {
  const s = c.session?.session;
  if (!c.session || !s) return null;
  return {
    title: s.title, instructor: s.instructor, fingerprint: c.session.issuer.fingerprint, deck: deckWords(s.deck), settings: sessionFactsLine(s),
    pairing: s.pairing ? `${s.pairing.role === 'pre' ? 'pre-test' : 'post-test'} of '${s.pairing.id}'` : null,
    hasLrs: s.lrs !== undefined, lrsEndpoint: s.lrs?.endpoint ?? null,
  };
}

/** Readers as the study functions take them, each reading scored against the deck's truth; `byKey` names them by key. */
export function cohortOf(entries: readonly ReaderEntry[], truths: DeckTruths, byKey = false): { readers: CohortReader[]; unknown: number } {
  const named = byKey ? entries.map((e) => ({ ...e, readerId: e.fingerprint })) : entries;
  const { readers, unknownCases } = cohortReaders(named, truths.truthOf);
  return { readers, unknown: unknownCases.length };
}

export interface FigureInputs {
  readonly collected: Collected;
  readonly plan: SessionDeckPlan;
  readonly truths: DeckTruths;
  readonly partnerTruths: DeckTruths | null;
  /** Readers whose answers came from the LRS (named by key), added where no file of theirs was given. */
  readonly lrsEntries: readonly ReaderEntry[];
}

/** The session's readers: from their result files, then those only the LRS holds. Figures and exports use the same. */
export function mainReaders(collected: Collected, lrsEntries: readonly ReaderEntry[]): ReaderEntry[] {
  const fromFiles = readersFromResults(collected.main.accepted);
  const known = new Set(fromFiles.map((e) => e.fingerprint));
  return [...fromFiles, ...lrsEntries.filter((e) => !known.has(e.fingerprint))];
}

export function dashboardFigures(x: FigureInputs): Partial<DashboardState> {
  const c = x.collected.main;
  const entries = mainReaders(x.collected, x.lrsEntries);
  const notes: string[] = [];
  const { readers, unknown } = cohortOf(entries, x.truths);
  if (unknown > 0) notes.push(unknown === 1 ? "1 answer names a case this session's deck does not hold; it is left out." : `${unknown} answers name cases this session's deck does not hold; they are left out.`);
  const mismatched = c.accepted.filter((a) => a.file.result.deckPlanSha256 !== x.plan.planSha256);
  if (mismatched.length > 0) notes.push(`${countOf(mismatched.length, 'file')} ${mismatched.length === 1 ? 'was' : 'were'} made by a game that planned another deck (another version?): ${mismatched.map((m) => m.name).join(', ')}.`);
  const figures = cohortFigures(readers);
  const cases = figures.cases.map((k) => ({ ...k, tells: x.truths.tellsOf(k.caseId), level: x.truths.levelOf(k.caseId) }));
  let prePost: DashboardState['prePost'] = null;
  const p = x.collected.partner;
  if (p?.session && c.session && x.partnerTruths) {
    const mine = cohortOf(entries, x.truths, true).readers;
    const theirs = cohortOf(readersFromResults(p.accepted), x.partnerTruths, true).readers;
    const isPost = c.session.session.pairing?.role === 'post';
    try {
      const change = isPost ? prePostChange(theirs, mine) : prePostChange(mine, theirs);
      prePost = { ...change, preTitle: (isPost ? p.session : c.session).session.title, postTitle: (isPost ? c.session : p.session).session.title };
    } catch (e) {
      notes.push(`The pre/post change cannot be computed: ${(e as Error).message}.`);
    }
  }
  return {
    session: dashboardSession(c),
    readers: entries.map((e, i) => ({ name: e.readerId, fingerprint: e.fingerprint, source: e.source, figures: figures.readers[i] as (typeof figures.readers)[number] })),
    group: figures.group,
    cases,
    missRates: cohortMissRates(readers, x.truths.tellsOf),
    prePost,
    refused: c.refused.map((r) => ({ name: r.name, reason: r.reason, message: r.message })),
    superseded: c.superseded.map((s) => ({ name: s.name, keptName: s.keptName })),
    notes,
  };
}
