/**
 * The settings of a readiness drill as the command line takes them, shared by `npm run drill -- create` (a signed
 * drill link) and `npm run lms -- package --drill ...` (the same drill as an LMS module): the same option names,
 * checked by the game's own mode schema, so each refusal names the setting.
 */
import { readFileSync } from 'node:fs';
import type { GameMode } from '../domain/index.js';
import { drillModeFrom, ModuleDefinitionError } from '../lms/index.js';
import { describeThrown, usageError } from './errors.js';
import { readNumber, wholeFrom } from './numbers.js';

export type OptionValues = Record<string, string | boolean | undefined>;

/** The drill's own options (besides --title, --out, the deck and the signing or packaging ones). */
export const DRILL_MODE_OPTIONS = ['cases', 'prevalence', 'prompted', 'ai-hint', 'opens', 'closes', 'seconds', 'worklist-title', 'briefing-file'] as const;

/** The drill's mode from the options, checked by the game's own schema so each refusal names the setting. */
export function drillModeFromOptions(v: OptionValues): GameMode {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const numberOf = (k: string): number | undefined => {
    const s = str(k);
    if (s === undefined) return undefined;
    // Ranges are the game's schema's to say (drillModeFrom); here only that it is a plain number.
    const n = readNumber(s, { min: -Infinity, max: Infinity, want: 'a number' });
    if (n === null) throw usageError(`--${k} must be a number, got "${s}".`);
    return n;
  };
  const prompted = str('prompted');
  if (prompted !== undefined && prompted !== '0' && prompted !== '1') throw usageError(`--prompted must be 0 or 1, got "${prompted}".`);
  const hint = numberOf('ai-hint');
  const briefingFile = str('briefing-file');
  let briefing: string | null = null;
  if (briefingFile) {
    try {
      briefing = readFileSync(briefingFile, 'utf8').trim().replace(/\s*\n\s*/g, ' ');
    } catch (e) {
      throw usageError(`--briefing-file ${briefingFile} cannot be read (${describeThrown(e)}).`);
    }
  }
  try {
    return drillModeFrom({
      cases: numberOf('cases'), prevalence: numberOf('prevalence'), seconds: numberOf('seconds'), prompted: prompted === '1', aiHint: hint ?? null,
      opens: str('opens') ?? null, closes: str('closes') ?? null, worklistTitle: str('worklist-title') ?? null, briefing,
    });
  } catch (e) {
    if (e instanceof ModuleDefinitionError) throw usageError(`The drill settings are not valid: ${asOptionWords(e.problems[0] ?? 'invalid')}.`);
    throw e;
  }
}

/** The drill's seed (`--seed`, default 1, as `npm run drill -- create` has it). */
export function drillSeed(v: OptionValues): number {
  const raw = v['seed'] ?? '1';
  const seed = typeof raw === 'string' ? readNumber(raw, wholeFrom(0, 2 ** 31 - 1)) : null;
  if (seed === null) throw usageError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, got "${String(raw)}".`);
  return seed;
}

/** The deep link's names in the game's drill messages (domain/readiness/mode.ts), and the options that set them here. */
const AS_OPTION: readonly (readonly [RegExp, string])[] = [
  [/prompted=1/g, '--prompted 1'], [/"aiHint"/g, '--ai-hint'], [/"prevalence"/g, '--prevalence'], [/"cases"/g, '--cases'],
  [/"seconds"/g, '--seconds'], [/"opens"/g, '--opens'], [/"closes"/g, '--closes'], [/\bcloses on or after opens\b/g, '--closes on or after --opens'],
  [/"title"/g, '--worklist-title'], [/"briefing"/g, '--briefing-file'],
];

/** A drill problem as the command line says it: each setting named by its option, as the user typed it. */
export function asOptionWords(problem: string): string {
  return AS_OPTION.reduce((s, [from, to]) => s.replace(from, to), problem);
}
