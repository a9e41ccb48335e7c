/**
 * Command-line arguments -> a typed command. Node's own `util.parseArgs` does the tokenising (strict: unknown options
 * are errors); this file checks what parseArgs cannot: which options go with which command, the technique id, the
 * level, the seed and the output file names. Every problem is reported at once, so one run fixes them all.
 * File-system checks (does the output folder exist) happen in run-forge.ts, through the injected io.
 */
import { parseArgs } from 'node:util';
import type { Difficulty } from '../domain/index.js';
import { DIFFICULTIES, TECHNIQUE_INFO, isTechniqueId, isMetadataTechniqueId } from '../forgery/index.js';

const ALL_IDS = TECHNIQUE_INFO.map((t) => t.id);
import { describeThrown, usageError } from './errors.js';
import { readNumber, wholeFrom } from './numbers.js';

export const LEVELS: readonly Difficulty[] = DIFFICULTIES;
export const MAX_SEED = 0xffff_ffff; // domain/rng.ts seeds are unsigned 32-bit

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly json: boolean }
  | {
      readonly kind: 'apply';
      readonly input: string;
      readonly techniqueId: string;
      readonly level: Difficulty;
      readonly seed: number;
      readonly out: string;
      readonly truth: string;
      readonly mask: string | undefined;
    };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  technique: { type: 'string' },
  level: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  truth: { type: 'string' },
  mask: { type: 'string' },
} as const;

const APPLY_ONLY = ['technique', 'level', 'seed', 'out', 'truth', 'mask'] as const;
const HINT = "Run 'npm run forge -- --help' for usage.";

const isLevel = (s: string): s is Difficulty => (LEVELS as readonly string[]).includes(s);

/** Throws a usage CliError (exit 1) listing every problem; returns the command otherwise. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${HINT}`);
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (v.help || command === undefined || command === 'help') return { kind: 'help' };

  const problems: string[] = [];
  if (command === 'list') {
    if (rest.length > 0) problems.push(`'list' takes no file names, got: ${rest.join(' ')}`);
    const stray = APPLY_ONLY.filter((k) => v[k] !== undefined);
    if (stray.length > 0) problems.push(`'list' does not take ${stray.map((k) => `--${k}`).join(', ')}`);
    if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
    return { kind: 'list', json: v.json === true };
  }
  if (command !== 'apply') {
    throw usageError(`Unknown command '${command}'. Use 'list' or 'apply'.\n${HINT}`);
  }

  if (v.json) problems.push("--json belongs to 'list'; 'apply' always writes its tells as JSON to --truth");
  const input = rest[0];
  if (input === undefined) problems.push("'apply' needs an input image: npm run forge -- apply <image.png|image.dcm> ...");
  if (rest.length > 1) problems.push(`'apply' takes one input image, got ${rest.length}: ${rest.join(' ')}`);

  const techniqueId = v.technique ?? '';
  if (v.technique === undefined) problems.push(`--technique is required; known ids: ${ALL_IDS.join(', ')}`);
  else if (!isTechniqueId(techniqueId) && !isMetadataTechniqueId(techniqueId)) {
    problems.push(`Unknown technique '${techniqueId}'; use one of: ${ALL_IDS.join(', ')} (see 'npm run forge -- list')`);
  }

  const level = v.level ?? '';
  if (v.level === undefined) problems.push(`--level is required: ${LEVELS.join(', ')}`);
  else if (!isLevel(level)) problems.push(`Bad --level '${level}'; use one of: ${LEVELS.join(', ')}`);

  const seed = parseSeed(v.seed, problems);

  const out = requirePath(v.out, '--out', '.png', 'the fake (16-bit grayscale PNG)', problems);
  const truth = requirePath(v.truth, '--truth', '.json', 'the tells (JSON)', problems);
  const mask = v.mask === undefined ? undefined : requirePath(v.mask, '--mask', '.png', 'the tell mask (PNG)', problems);

  if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
  return { kind: 'apply', input: input as string, techniqueId, level: level as Difficulty, seed, out, truth, mask };
}

function parseSeed(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) {
    problems.push(`--seed is required: an integer from 0 to ${MAX_SEED}; the same seed gives the same fake`);
    return 0;
  }
  const n = readNumber(raw, wholeFrom(0, MAX_SEED));
  if (n === null) {
    problems.push(`Bad --seed '${raw}'; use an integer from 0 to ${MAX_SEED}`);
    return 0;
  }
  return n;
}

function requirePath(raw: string | undefined, flag: string, ext: string, what: string, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') {
    problems.push(`${flag} <file${ext}> is required: where to write ${what}`);
    return '';
  }
  if (!raw.toLowerCase().endsWith(ext)) {
    problems.push(`${flag} '${raw}' should end in ${ext}: it receives ${what}`);
  }
  return raw;
}
