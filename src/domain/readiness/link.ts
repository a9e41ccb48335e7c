import type { GameMode } from '../modes.js';
import { drillProblem } from './mode.js';
import { DrillSettingsSchema, type DrillSettings } from './settings.js';

/**
 * The deep-link parameters of a readiness drill, beside every mode setting (deep-link.ts):
 *   prompted=0|1        0: the unprompted read-and-flag worklist (default); 1: the six-point authenticity rating
 *   aiHint=<0..1>       turns on the AI-hint arm, its badge right on this share of hinted films (0.8 in the README)
 *   opens=, closes=     first and last day (YYYY-MM-DD, the reader's local date) the drill may be started
 *   title=, briefing=   the lead's name for the worklist and the lead's wording of the briefing
 * `cases` and `prevalence` are the mode's own `cases` and `prevalence`. Each bad value is refused by name.
 */
export const DRILL_PARAMS = ['prompted', 'aiHint', 'opens', 'closes', 'title', 'briefing'] as const;

type Patch = Partial<GameMode>;

const FIELD: Readonly<Record<string, keyof DrillSettings>> = { opens: 'opens', closes: 'closes', title: 'title', briefing: 'briefing' };

/** The mode patch the drill parameters ask for, or an error naming the parameter. */
export function drillLinkPatch(params: ReadonlyMap<string, string>, mode: GameMode): { patch: Patch } | { error: string } {
  const given = DRILL_PARAMS.filter((p) => params.has(p));
  if (given.length === 0) return { patch: {} };
  if (!mode.drill) return { error: `"${given[0]}" belongs to readiness drills; use mode=drill (or leave it out).` };
  const patch: Patch = {};
  const drill: Record<string, unknown> = { ...mode.drill };
  const prompted = params.get('prompted');
  if (prompted !== undefined) {
    if (prompted !== '0' && prompted !== '1') return { error: `"prompted" must be 0 (a routine read with an optional flag) or 1 (the six-point rating), got "${prompted}".` };
    patch.answer = prompted === '1' ? 'rating' : 'read-and-flag';
  }
  const hint = params.get('aiHint');
  if (hint !== undefined) {
    const n = Number(hint);
    if (hint.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      return { error: `"aiHint" must be the share of hinted films on which the authenticity check is right, from 0 to 1 (such as 0.8), got "${hint}".` };
    }
    drill['aiHint'] = { accuracy: n };
  }
  for (const [param, field] of Object.entries(FIELD)) {
    const raw = params.get(param);
    if (raw === undefined) continue;
    const one = DrillSettingsSchema.shape[field].safeParse(raw);
    if (!one.success) return { error: `"${param}" ${one.error.issues[0]?.message ?? 'is not valid'}, got "${raw.slice(0, 60)}".` };
    drill[field] = one.data;
  }
  const all = DrillSettingsSchema.safeParse(drill);
  if (!all.success) {
    const issue = all.error.issues[0];
    return { error: `${drillProblem(['drill', ...(issue?.path ?? [])], issue?.message ?? 'the drill settings do not fit together')}.` };
  }
  patch.drill = all.data;
  return { patch };
}
