/**
 * `npm run lms -- package --standard scorm12|scorm2004|cmi5 --drill <drill.json | session.json> --out <zip>` or
 * `... --drill --title <t> [the options of npm run drill -- create] --out <zip>`: a readiness drill packaged as an
 * LMS module. `--drill` followed by a file packages that drill (a drill.json, or the signed drill that
 * `npm run drill -- create` wrote); followed by options, it makes the drill from them as `drill create` would.
 */
import { parseArgs } from 'node:util';
import { LMS_STANDARDS, type LmsStandard } from '../lms/index.js';
import { DRILL_MODE_OPTIONS, type OptionValues } from './drill-options.js';
import { describeThrown, usageError } from './errors.js';

export interface LmsDrillCommand {
  readonly kind: 'package-drill';
  readonly standard: LmsStandard;
  /** A drill.json or a signed drill session to package; null: the drill is made from `options`. */
  readonly file: string | null;
  /** The drill's settings as `npm run drill -- create` takes them (title, deck, pack, seed, cases, prevalence...). */
  readonly options: OptionValues;
  readonly id: string | null;
  readonly provider: string;
  readonly game: string | null;
  readonly out: string;
}

const PACKAGING = ['standard', 'out', 'game', 'id', 'provider'] as const;
const CREATE = ['title', 'deck', 'pack', 'seed', 'instructor', ...DRILL_MODE_OPTIONS] as const;
/** Options of `drill create` that sign or hand out a link: an LMS module has neither. */
const NOT_FOR_LMS: Readonly<Record<string, string>> = {
  key: 'a drill module is not signed: the LMS launches it for its own learner',
  'base-url': 'a drill module has no join link: the LMS launches it',
  qr: 'a drill module has no join link to put in a QR code',
  bundle: 'a drill module carries its case pack inside the zip',
};

export const LMS_DRILL_USAGE = `Package a readiness drill as an LMS module (completion only: no pass mark, no score):

  npm run lms -- package --standard scorm12|scorm2004|cmi5 --drill <drill.json | drill-session.json> --out <drill.zip>
  npm run lms -- package --standard scorm12|scorm2004|cmi5 --drill --title <t> [--cases 40] [--prevalence 0.05]
        [--prompted 0|1] [--ai-hint <0..1>] [--opens YYYY-MM-DD] [--closes YYYY-MM-DD] [--seconds 120]
        [--worklist-title <name learners see>] [--briefing-file <words.txt>] [--seed <n>]
        [--deck demo | --deck pack --pack <pack.zip> | --deck <pack.zip>] [--id <id>] [--provider <p>] --out <drill.zip>

The LMS shows learners the worklist's name (--worklist-title, default "Reading exercise" for an unprompted drill),
never --title, which names the drill for the lead's report.`;

export function parseLmsDrillCommand(argv: readonly string[]): LmsDrillCommand {
  const at = argv.indexOf('--drill');
  const next = argv[at + 1];
  const file = next !== undefined && !next.startsWith('-') ? next : null;
  const rest = [...argv.slice(0, at), ...argv.slice(at + (file === null ? 1 : 2))];
  const names = [...PACKAGING, ...CREATE, ...Object.keys(NOT_FOR_LMS)];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${LMS_DRILL_USAGE}`);
  }
  const v = parsed.values as Record<string, string | undefined>;
  const problems: string[] = [];
  const extra = parsed.positionals.slice(1);
  if (parsed.positionals[0] !== 'package') problems.push("The command is 'package'.");
  if (extra.length > 0) problems.push(`Unexpected ${extra.length === 1 ? 'argument' : 'arguments'}: ${extra.join(' ')} (give values with their --option)`);
  for (const [k, why] of Object.entries(NOT_FOR_LMS)) if (v[k] !== undefined) problems.push(`--${k}: ${why}.`);
  const standard = v['standard']?.trim() ?? '';
  if (!(LMS_STANDARDS as readonly string[]).includes(standard)) problems.push(`--standard is required: one of ${LMS_STANDARDS.join(', ')}${standard ? ` (got '${standard}')` : ''}`);
  const out = v['out']?.trim() ?? '';
  if (!out.toLowerCase().endsWith('.zip')) problems.push('--out <drill.zip> is required: the zip to upload to the LMS (a name ending in .zip)');
  if (file === null && (v['title']?.trim() ?? '') === '') problems.push('--title <text> is required: the drill\'s name in your report (learners see --worklist-title instead)');
  if (file !== null) {
    const given = CREATE.filter((k) => k !== 'deck' && k !== 'pack' && v[k] !== undefined);
    if (given.length > 0) problems.push(`--drill ${file} already holds the drill's settings: leave out ${given.map((k) => `--${k}`).join(', ')} (or give no file to make the drill from options).`);
  }
  if (problems.length > 0) throw usageError(`${problems.join('\n')}\n${LMS_DRILL_USAGE}`);
  const options: OptionValues = Object.fromEntries(CREATE.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
  return {
    kind: 'package-drill', standard: standard as LmsStandard, file, options, id: v['id']?.trim() || null,
    provider: v['provider']?.trim() || v['instructor']?.trim() || '', game: v['game'] ?? null, out,
  };
}
