/**
 * Arguments of `npm run simulate`: `util.parseArgs` (strict: unknown options are errors) plus the checks it cannot
 * make. Every problem is reported at once. File-system checks (does the folder exist) happen in run-simulate.ts.
 */
import { parseArgs } from 'node:util';
import { describeThrown, usageError } from './errors.js';
import { MAX_SEED } from './args.js';
import { readNumber, wholeFrom } from './numbers.js';

export const MAX_CASES = 500;

export type SimulateCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'film'; readonly seed: number; readonly out: string; readonly truth: string | undefined; readonly width: number | undefined; readonly height: number | undefined }
  | { readonly kind: 'deck'; readonly deck: 'demo'; readonly seed: number; readonly cases: number; readonly out: string };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  seed: { type: 'string' },
  out: { type: 'string' },
  truth: { type: 'string' },
  width: { type: 'string' },
  height: { type: 'string' },
  deck: { type: 'string' },
  cases: { type: 'string' },
} as const;

const HINT = "Run 'npm run simulate -- --help' for usage.";

function integer(name: string, raw: string | undefined, lo: number, hi: number, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = readNumber(raw, wholeFrom(lo, hi));
  if (n === null) problems.push(`--${name} must be a whole number from ${lo} to ${hi}, got '${raw}'`);
  return n ?? undefined;
}

/** Throws a usage CliError (exit 1) listing every problem; returns the command otherwise. */
export function parseSimulateCommand(argv: readonly string[]): SimulateCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${HINT}`);
  }
  const { values: v, positionals } = parsed;
  if (v.help || argv.length === 0) return { kind: 'help' };
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`unexpected ${positionals.length === 1 ? 'argument' : 'arguments'}: ${positionals.join(' ')} (every value goes with an option)`);
  const seed = integer('seed', v.seed, 0, MAX_SEED, problems);
  if (v.seed === undefined) problems.push('--seed is required: the same seed always gives the same film or deck');
  if (v.out === undefined) problems.push('--out is required: a .png file for one film, an existing folder for a deck');
  if (v.deck !== undefined) {
    if (v.deck !== 'demo') problems.push(`--deck '${v.deck}' is not known; the only deck is 'demo'`);
    const cases = integer('cases', v.cases, 1, MAX_CASES, problems);
    if (v.cases === undefined) problems.push(`--cases is required with --deck (1 to ${MAX_CASES})`);
    for (const k of ['truth', 'width', 'height'] as const) if (v[k] !== undefined) problems.push(`--${k} is for one film, not for --deck (a deck writes <id>.json truth for every case)`);
    if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
    return { kind: 'deck', deck: 'demo', seed: seed as number, cases: cases as number, out: v.out as string };
  }
  if (v.cases !== undefined) problems.push('--cases goes with --deck demo');
  const width = integer('width', v.width, 256, 4096, problems);
  const height = integer('height', v.height, 256, 4096, problems);
  if ((v.width === undefined) !== (v.height === undefined)) problems.push('give both --width and --height, or neither (the detector format then follows the seed)');
  if (v.out !== undefined && !/\.png$/i.test(v.out)) problems.push(`--out ${v.out} must end in .png (one film is written as a 16-bit greyscale PNG)`);
  if (v.truth !== undefined && !/\.json$/i.test(v.truth)) problems.push(`--truth ${v.truth} must end in .json`);
  if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
  return { kind: 'film', seed: seed as number, out: v.out as string, truth: v.truth, width, height };
}
