/**
 * `npm run lms -- package --standard scorm12|scorm2004|cmi5 --deck demo|<pack.zip> --seed <n> --pre <k> --post <k>
 * [--pass-mark 0.75] [--attempts 3] --title <t> [...] --out <module.zip>` -> a typed command. util.parseArgs (strict)
 * tokenises; this file checks every value and reports every problem at once, each with what to write instead.
 */
import { parseArgs } from 'node:util';
import { LMS_STANDARDS, MAX_ATTEMPTS, MAX_PRACTICE_CASES, MAX_TEST_CASES, type LmsStandard } from '../lms/index.js';
import { describeThrown, usageError } from './errors.js';
import { numberOption as num, wholeFrom } from './numbers.js';
import { LMS_DRILL_USAGE, parseLmsDrillCommand, type LmsDrillCommand } from './lms-drill-args.js';

export interface LmsPackageCommand {
  readonly kind: 'package';
  readonly standard: LmsStandard;
  /** 'demo', or the path of a pack zip. */
  readonly deck: string;
  readonly seed: number;
  readonly pre: number;
  readonly post: number;
  readonly practice: number;
  readonly passMark: number;
  readonly attempts: number;
  readonly fakeShare: number;
  readonly title: string;
  readonly id: string | null;
  readonly provider: string;
  readonly credits: number;
  readonly creditUnit: string;
  readonly creditStatement: string | null;
  readonly objectives: string | null;
  readonly disclosures: string | null;
  readonly minutes: number | null;
  readonly release: string | null;
  readonly expiry: string | null;
  /** A built game folder to use instead of building (tests, CI); else dist/ when fresh, else a fresh build. */
  readonly game: string | null;
  readonly out: string;
}

export type LmsCommand = { readonly kind: 'help' } | LmsPackageCommand | LmsDrillCommand;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  standard: { type: 'string' }, deck: { type: 'string' }, seed: { type: 'string' },
  pre: { type: 'string' }, post: { type: 'string' }, practice: { type: 'string' },
  'pass-mark': { type: 'string' }, attempts: { type: 'string' }, 'fake-share': { type: 'string' },
  title: { type: 'string' }, id: { type: 'string' }, provider: { type: 'string' },
  credits: { type: 'string' }, 'credit-unit': { type: 'string' }, 'credit-statement': { type: 'string' },
  objectives: { type: 'string' }, disclosures: { type: 'string' }, minutes: { type: 'string' },
  release: { type: 'string' }, expiry: { type: 'string' }, game: { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

export const LMS_USAGE = `Package a CME module for an LMS: one zip to upload.

  npm run lms -- package --standard scorm12|scorm2004|cmi5 --deck demo|<pack.zip> --seed <n>
                         --pre <k> --post <k> --title <text> --out <module.zip> [options]

Options:
  --pass-mark <0..1>      share of post-test calls needed to pass (default 0.75; a cmi5 LMS's masteryScore wins)
  --attempts <1..${MAX_ATTEMPTS}>       post-test attempts, each on fresh matched cases (default 3)
  --practice <0..${MAX_PRACTICE_CASES}>     practice cases with feedback in the teaching step (default 6)
  --fake-share <0..1>     share of fakes in each test (default 0.5)
  --provider <text>       the accredited provider, shown on the start page and certificate
  --credits <n>           credits claimed on completion (default 0); --credit-unit <text> (default 'credits')
  --credit-statement <file>  the accreditation and designation statements, as entered (UTF-8 text)
  --objectives <file>     learning objectives, one per line
  --disclosures <file>    faculty, one per line: name | role | financial disclosure
  --minutes <n>           estimated time (default: about 1 minute per case plus 10)
  --release <YYYY-MM-DD>  release date (default today); --expiry <YYYY-MM-DD> (default 3 years later)
  --id <id>               module id for LMS identifiers (default from the title)
  --game <folder>         a built game to package (default: dist/ when newer than the sources, else a fresh build)
Exit codes: 0 written, 1 usage error, 2 nothing written (bad input files, a pack too small, a failed build).

${LMS_DRILL_USAGE}`;

const HINT = "Run 'npm run lms -- --help' for usage.";

export function parseLmsCommand(argv: readonly string[]): LmsCommand {
  if (argv.includes('--drill') && !argv.includes('--help') && !argv.includes('-h')) return parseLmsDrillCommand(argv);
  const parsed = (() => {
    try {
      return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw usageError(`${describeThrown(e)}\n${HINT}`);
    }
  })();
  const { values: v, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (v.help || command === undefined || command === 'help') return { kind: 'help' };
  if (command !== 'package') throw usageError(`Unknown command '${command}'. The command is 'package'.\n${HINT}`);
  const problems: string[] = [];
  if (extra.length > 0) problems.push(`Unexpected ${extra.length === 1 ? 'argument' : 'arguments'}: ${extra.join(' ')} (give values with their --option)`);
  const standard = v.standard?.trim() ?? '';
  if (!(LMS_STANDARDS as readonly string[]).includes(standard)) problems.push(`--standard is required: one of ${LMS_STANDARDS.join(', ')}${standard ? ` (got '${standard}')` : ''}`);
  const deck = v.deck?.trim() ?? '';
  if (deck === '') problems.push("--deck is required: 'demo' or the path of a pack zip");
  if (v.seed === undefined) problems.push('--seed <n> is required: the same seed gives the same cases on every machine');
  const seed = num(v.seed, '--seed', 0, wholeFrom(0, 0xffffffff, 'an integer from 0 to 4294967295'), problems);
  if (v.pre === undefined) problems.push(`--pre <k> is required: pre-test cases (1 to ${MAX_TEST_CASES})`);
  if (v.post === undefined) problems.push(`--post <k> is required: post-test cases (1 to ${MAX_TEST_CASES})`);
  const pre = num(v.pre, '--pre', 1, wholeFrom(1, MAX_TEST_CASES), problems);
  const post = num(v.post, '--post', 1, wholeFrom(1, MAX_TEST_CASES), problems);
  const practice = num(v.practice, '--practice', 6, wholeFrom(0, MAX_PRACTICE_CASES), problems);
  const passMark = num(v['pass-mark'], '--pass-mark', 0.75, { min: 0, aboveMin: true, max: 1, want: 'a share above 0 and at most 1, e.g. 0.75' }, problems);
  const attempts = num(v.attempts, '--attempts', 3, wholeFrom(1, MAX_ATTEMPTS), problems);
  const fakeShare = num(v['fake-share'], '--fake-share', 0.5, { min: 0, max: 1, want: 'a share from 0 to 1' }, problems);
  const credits = num(v.credits, '--credits', 0, { min: 0, max: 100, want: 'a number from 0 to 100, e.g. 1.25' }, problems);
  const minutes = v.minutes === undefined ? null : num(v.minutes, '--minutes', 1, wholeFrom(1, 600, 'a whole number of minutes from 1 to 600'), problems);
  const title = v.title?.trim() ?? '';
  if (title === '') problems.push('--title <text> is required: the activity title shown in the LMS and on the certificate');
  const out = v.out?.trim() ?? '';
  if (!out.toLowerCase().endsWith('.zip')) problems.push('--out <module.zip> is required: the zip to upload to the LMS (a name ending in .zip)');
  for (const [flag, d] of [['--release', v.release], ['--expiry', v.expiry]] as const) {
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d.trim())) problems.push(`Bad ${flag} '${d}': a date written YYYY-MM-DD`);
  }
  if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${HINT}`);
  return {
    kind: 'package', standard: standard as LmsStandard, deck, seed, pre, post, practice, passMark, attempts, fakeShare, title,
    id: v.id?.trim() || null, provider: v.provider?.trim() ?? '', credits, creditUnit: v['credit-unit']?.trim() || 'credits',
    creditStatement: v['credit-statement'] ?? null, objectives: v.objectives ?? null, disclosures: v.disclosures ?? null,
    minutes, release: v.release?.trim() ?? null, expiry: v.expiry?.trim() ?? null, game: v.game ?? null, out,
  };
}
