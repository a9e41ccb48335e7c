import { ARTIFACT_CATEGORIES } from './artifacts.js';
import { ARTIFACTS } from './artifacts.js';
import { DIFFICULTY_LEVELS, FEEDBACK_TIMINGS, GameModeSchema, getMode, MAX_CASES_PER_ROUND, type GameMode } from './modes.js';
import { LENS_IDS, VIEW_TOOLS } from './view.js';
import { DRILL_PARAMS, drillLinkPatch } from './readiness/link.js';
import { drillProblem } from './readiness/mode.js';

/**
 * Deep links start a session directly, for instructors' links and for tests. Every mode setting can be given:
 *   ?mode=practice&deck=demo&seed=<int>&cases=<n>&seconds=<s>&rounds=<n>&prevalence=<0..1>&feedback=after-case|
 *   after-round|end-of-session&pause=0|1&score=0|1&tools=<list|none>&lenses=<list|none>&levels=<list>&tell=<id>|
 *   category=<name>
 * A readiness drill (mode=drill) also takes prompted, aiHint, opens, closes, title and briefing (readiness/link.ts).
 * `cases` is cases per round. A parameter the game does not know, or a bad value, is refused with a message that
 * names it and says what to write instead (nothing is ignored silently).
 */
export interface DeepLink {
  readonly mode: GameMode;
  readonly deckId: string;
  readonly seed: number | null;
}

export type DeepLinkResult =
  | { readonly ok: true; readonly link: DeepLink | null }
  | { readonly ok: false; readonly error: string };

/** The query as name/value pairs (e.g. from URLSearchParams), so this file needs no DOM. */
export type QueryPairs = readonly (readonly [string, string])[];

/** Parameters other parts of the page own (they are not session settings but are not typos either). */
const OTHER_PARAMS = new Set(['module']);

type Reader = (raw: string) => { value: unknown } | { error: string };

function int(lo: number, hi: number): Reader {
  return (raw) => {
    if (!/^-?\d+$/.test(raw)) return { error: `must be a whole number from ${lo} to ${hi}` };
    const n = Number(raw);
    return n < lo || n > hi ? { error: `must be from ${lo} to ${hi}` } : { value: n };
  };
}
const share: Reader = (raw) => {
  const n = Number(raw);
  return raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1 ? { error: 'must be a share from 0 to 1, such as 0.05 for 5%' } : { value: n };
};
const bool: Reader = (raw) => (raw === '1' || raw === 'true' ? { value: true } : raw === '0' || raw === 'false' ? { value: false } : { error: 'must be 0 or 1' });
function oneOf(values: readonly string[]): Reader {
  return (raw) => (values.includes(raw) ? { value: raw } : { error: `must be one of ${values.join(', ')}` });
}
function listOf(values: readonly string[], allowNone: boolean): Reader {
  return (raw) => {
    if (allowNone && raw === 'none') return { value: [] };
    const items = raw.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = items.filter((x) => !values.includes(x));
    if (bad.length > 0 || items.length === 0) return { error: `must be a comma-separated list of ${values.join(', ')}${allowNone ? ', or none' : ''}` };
    return { value: [...new Set(items)] };
  };
}

/** Query parameter -> the mode field it sets and how it is read. */
const SETTINGS: Readonly<Record<string, { field: keyof GameMode; read: Reader }>> = {
  cases: { field: 'casesPerRound', read: int(1, MAX_CASES_PER_ROUND) },
  seconds: { field: 'secondsPerCase', read: int(5, 600) },
  rounds: { field: 'rounds', read: int(1, 20) },
  prevalence: { field: 'fakeShare', read: share },
  feedback: { field: 'feedback', read: oneOf(FEEDBACK_TIMINGS) },
  pause: { field: 'allowPause', read: bool },
  score: { field: 'showScore', read: bool },
  tools: { field: 'tools', read: listOf(VIEW_TOOLS, true) },
  lenses: { field: 'lenses', read: listOf(LENS_IDS, true) },
  levels: { field: 'levels', read: listOf(DIFFICULTY_LEVELS, false) },
};
const KNOWN = new Set(['mode', 'deck', 'seed', 'tell', 'category', ...Object.keys(SETTINGS), ...DRILL_PARAMS]);

/** Returns link null when the query does not ask for a session (no `mode`). */
export function parseDeepLink(pairs: QueryPairs): DeepLinkResult {
  // Every problem of the parameters themselves is named at once, so a typo and a bad value are mended in one go.
  const problems: string[] = [];
  const params = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (OTHER_PARAMS.has(name)) continue;
    if (!KNOWN.has(name)) {
      const hint = name === 'fakes' ? ' (the share of fakes is "prevalence", from 0 to 1)' : '';
      problems.push(`the game does not know the parameter "${name}"${hint}. Known: ${[...KNOWN].join(', ')}.`);
    } else if (params.has(name)) problems.push(`"${name}" is given twice; give it once.`);
    else params.set(name, value);
  }
  const modeId = params.get('mode');
  if (modeId === undefined && problems.length === 0) {
    return params.size === 0 ? { ok: true, link: null } : { ok: false, error: 'Deep link: settings were given without "mode"; add mode=practice (or another mode).' };
  }
  let mode: GameMode | null = null;
  try {
    if (modeId !== undefined) mode = getMode(modeId);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const deckId = params.get('deck') ?? 'demo';
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/i.test(deckId)) problems.push(`"deck" must be a deck id such as "demo", got "${deckId}".`);
  let seed: number | null = null;
  if (params.has('seed')) {
    const r = int(0, 2 ** 31 - 1)(params.get('seed') as string);
    if ('error' in r) problems.push(`"seed" ${r.error}, got "${params.get('seed')}".`);
    else seed = r.value as number;
  }
  const patch: Record<string, unknown> = {};
  for (const [name, { field, read }] of Object.entries(SETTINGS)) {
    const raw = params.get(name);
    if (raw === undefined) continue;
    const r = read(raw);
    if ('error' in r) problems.push(`"${name}" ${r.error}, got "${raw}".`);
    else patch[field] = r.value;
  }
  if (problems.length > 0 || !mode) return { ok: false, error: `Deep link: ${problems.join(' ')}` };
  const tell = params.get('tell');
  const category = params.get('category');
  if (tell !== undefined && category !== undefined) return { ok: false, error: 'Deep link: give "tell" or "category", not both.' };
  if (tell !== undefined) {
    if (!ARTIFACTS.some((a) => a.id === tell)) return { ok: false, error: `Deep link: "tell" must be an artifact id such as A9 or T1, got "${tell}".` };
    patch['focus'] = { artifactId: tell };
  }
  if (category !== undefined) {
    if (!(ARTIFACT_CATEGORIES as readonly string[]).includes(category)) return { ok: false, error: `Deep link: "category" must be one of ${ARTIFACT_CATEGORIES.join(', ')}, got "${category}".` };
    patch['focus'] = { category };
  }
  const drill = drillLinkPatch(params, mode);
  if ('error' in drill) return { ok: false, error: `Deep link: ${drill.error}` };
  const parsed = GameModeSchema.safeParse({ ...mode, ...patch, ...drill.patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const words = issue && mode.drill ? drillProblem(issue.path, issue.message) : (issue?.message ?? 'the settings do not fit together');
    return { ok: false, error: `Deep link: ${words}.` };
  }
  return { ok: true, link: { mode: parsed.data, deckId, seed } };
}
