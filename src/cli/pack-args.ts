/**
 * `npm run pack -- build <inputs...> --out <pack folder | pack.zip> [options]` -> a typed command. Node's
 * `util.parseArgs` tokenises (strict); this file checks values and reports every problem at once.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BUILD_DEFAULTS, packIdFrom } from '../authoring/index.js';
import { describeThrown, usageError } from './errors.js';
import { MAX_JOB_THREADS } from './job-threads.js';
import { numberOption as num, wholeFrom } from './numbers.js';

export interface PackBuildCommand {
  readonly kind: 'build';
  readonly inputs: readonly string[];
  /** Inputs the instructor labelled as a whole (--real, --synthetic); they are among `inputs` too. */
  readonly labelled: readonly { readonly input: string; readonly label: 'real' | 'synthetic' }[];
  readonly out: string;
  readonly zip: boolean;
  readonly labels: string | null;
  readonly forgedShare: number;
  readonly seed: number;
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly licence: string;
  readonly description: string;
  readonly size: number;
  readonly bits: number | 'auto';
  readonly leakThreshold: number;
  readonly acceptLeaks: readonly string[];
  readonly reviewed: boolean;
  /** Worker threads for the per-file work; 1 runs everything on the main thread. */
  readonly jobs: number;
}

export type PackCommand = { readonly kind: 'help' } | PackBuildCommand;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  labels: { type: 'string' },
  real: { type: 'string', multiple: true },
  synthetic: { type: 'string', multiple: true },
  'forged-share': { type: 'string' },
  seed: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  author: { type: 'string' },
  licence: { type: 'string' },
  license: { type: 'string' },
  description: { type: 'string' },
  size: { type: 'string' },
  bits: { type: 'string' },
  'leak-threshold': { type: 'string' },
  'accept-leak': { type: 'string', multiple: true },
  reviewed: { type: 'boolean' },
  jobs: { type: 'string' },
} as const;

export const PACK_USAGE = `Build a case pack from a department's images.

  npm run pack -- build [--real <folder>]... [--synthetic <folder>]... [<folders or files...>] --out <pack folder | pack.zip> [options]
  npm run pack -- build --real dept-chest-2026/ --synthetic collected-ai/ --out chest.zip

Labels, most specific first: --labels <csv> with columns file,label[,generator,explanation,attribution,licence,
body_part,view]; folder names (real/, synthetic/ anywhere on a file's path; synthetic/<generator>/ names the
generator); then --real or --synthetic, which label everything in that folder (a real/ or synthetic/ folder inside
it that says otherwise is listed as a conflict). A pack needs real and fake cases: fakes are the synthetic inputs
plus the real films the builder forges (--forged-share).

Options:
  --real <folder|file>    everything in it is a real film (repeat for more folders)
  --synthetic <folder|file>  everything in it is AI-generated (repeat for more folders)
  --labels <csv>          labels per file (overrides folder names and --real/--synthetic)
  --forged-share <0..1>   share of the real images turned into fakes by the forgery engine (default 0.5)
  --seed <n>              the same inputs and seed give the same pack (default 1)
  --title, --author, --licence, --description, --id   pack details (id is used in deck=<id> links)
  --size <px>             served images are size x size (default 1024)
  --bits <8..16|auto>     served bit depth (default auto: the lowest depth of any input)
  --leak-threshold <auc>  fail when one file property alone separates real from fake above this (default 0.75)
  --accept-leak <names>   accept these leak-audit properties knowingly (comma-separated or repeated)
  --reviewed              you have checked every flagged image; includes those declaring burned-in text (left out without)
  --jobs <n>              worker threads (default: one per core, at most 4; 1 = no threads, least memory)
Exit codes: 0 built, 1 usage error, 2 nothing built (bad inputs or a failed leak audit; the report says why).`;

const HINT = "Run 'npm run pack -- --help' for usage.";

export function parsePackCommand(argv: readonly string[]): PackCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${HINT}`);
  }
  const { values: v, positionals } = parsed;
  const [command, ...positional] = positionals;
  if (v.help || command === undefined || command === 'help') return { kind: 'help' };
  if (command !== 'build') throw usageError(`Unknown command '${command}'. The command is 'build'.\n${HINT}`);
  const problems: string[] = [];
  const labelled = [
    ...(v.real ?? []).map((input) => ({ input, label: 'real' as const })),
    ...(v.synthetic ?? []).map((input) => ({ input, label: 'synthetic' as const })),
  ];
  const inputs = [...positional, ...labelled.map((l) => l.input)];
  if (inputs.length === 0) problems.push("'build' needs at least one input folder or file (as an argument, or after --real or --synthetic)");
  const out = v.out?.trim() ?? '';
  if (out === '') problems.push('--out <pack folder | pack.zip> is required: where to write the pack');
  const forgedShare = num(v['forged-share'], '--forged-share', BUILD_DEFAULTS.forgedShare, { min: 0, max: 1, want: 'a share from 0 to 1, e.g. 0.5' }, problems);
  const seed = num(v.seed, '--seed', BUILD_DEFAULTS.seed, wholeFrom(0, 0xffffffff, 'an integer from 0 to 4294967295'), problems);
  const size = num(v.size, '--size', BUILD_DEFAULTS.size, wholeFrom(256, 4096, 'an integer from 256 to 4096'), problems);
  const bits: number | 'auto' =
    v.bits === undefined || v.bits.trim() === 'auto' ? 'auto' : num(v.bits, '--bits', 8, wholeFrom(8, 16, "'auto' or an integer from 8 to 16"), problems);
  const jobs = num(v.jobs, '--jobs', Math.min(MAX_JOB_THREADS, availableParallelism()), wholeFrom(1, 16, 'an integer from 1 to 16'), problems);
  const leakThreshold = num(v['leak-threshold'], '--leak-threshold', BUILD_DEFAULTS.leakThreshold, { min: 0.5, aboveMin: true, max: 1, want: 'an AUC above 0.5 and at most 1' }, problems);
  if (v.licence !== undefined && v.license !== undefined) problems.push('give --licence or --license, not both');
  const title = v.title?.trim() || BUILD_DEFAULTS.title;
  if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
  return {
    kind: 'build',
    inputs,
    labelled,
    out,
    zip: out.toLowerCase().endsWith('.zip'),
    labels: v.labels ?? null,
    forgedShare, seed, size, bits, leakThreshold,
    id: v.id?.trim() || packIdFrom(title),
    title,
    author: v.author?.trim() || BUILD_DEFAULTS.author,
    licence: (v.licence ?? v.license)?.trim() || BUILD_DEFAULTS.licence,
    description: v.description?.trim() ?? '',
    acceptLeaks: (v['accept-leak'] ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
    reviewed: v.reviewed === true,
    jobs,
  };
}
