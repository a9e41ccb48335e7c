/**
 * `npm run drill -- create ...` (a signed readiness-drill session and its join link) and `npm run drill -- report
 * <files...>` (the drill report from the readers' result files). Logic here so tests run it in-process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drillReport } from '../domain/index.js';
import {
  buildSessionBundle, joinUrl, packContentSha256, randomUuid, readSessionBundle, sessionLink, sessionQrSvg, signSession, utf8, type InputFile, type SessionBody,
} from '../delivery/index.js';
import { readDrillRecords } from '../lms/index.js';
import { TECHNIQUE_INFO } from '../forgery/index.js';
import { readPack, unzipPack, type PackManifest } from '../pack-format/index.js';
import { DRILL_MODE_OPTIONS, drillModeFromOptions, drillSeed } from './drill-options.js';
import { drillReportHtml, drillReportText } from './drill-report-text.js';
import { lrsAuthorization, lrsStatements } from './drill-lrs.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import { gather } from './run-cohort.js';
import { checkOutputs, writeOutputs } from './output-set.js';
import { instructorKey, newKeyNote } from './run-session.js';
import { writeFileAtomic } from './write-png.js';

export const DRILL_USAGE = `Usage:
  npm run drill -- create --title <t> --out <drill.json> [--deck demo|pack [--pack <pack.zip> --bundle <bundle.zip>]]
        [--seed <n>] [--cases 40] [--prevalence 0.05]
        [--prompted 0|1] [--ai-hint <0..1>] [--opens YYYY-MM-DD] [--closes YYYY-MM-DD] [--seconds 120]
        [--worklist-title <name shown to readers>] [--briefing-file <lead's wording.txt>]
        [--instructor <name>] [--key <instructor-key.json>] [--base-url <game address> [--qr <join.svg>]]
  npm run drill -- report <result files, folders or zips...> [--pack <pack.zip|bundle.zip>] [--json] [--html <report.html>]
  npm run drill -- report drill.json <the LMS's records: interactions-report.txt|.csv, interactions.json, statements.json>
        [--lrs <xAPI endpoint> [--lrs-auth-file <file holding "Basic ..." or user:password>]] [--pack <pack.zip>]

A drill is unprompted (prompted 0: a routine read with an optional flag) unless --prompted 1; --ai-hint turns on the
AI-hint arm (prompted drills only). Each reader gets the same films in a counterbalanced order. The last line of
create is the join link. A drill packaged as an LMS module (npm run lms -- package --drill) is reported from its
drill.json and what the LMS gives back: Moodle's SCORM interactions report (text or CSV), a JSON of cmi.interactions
per learner, or the cmi5 AU's xAPI statements (a file, or read from the LRS with --lrs and your own read
credentials: --lrs-auth-file, or the XRAY_LRS_AUTH environment variable; never put them on the command line).
report: exit 0 printed, 1 usage error, 2 no file could be used.`;

export interface DrillConsole {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly now?: () => number;
}

export async function runDrill(argv: readonly string[], io: DrillConsole): Promise<number> {
  try {
    const [verb, ...rest] = argv;
    if (verb === undefined || verb === '--help' || verb === 'help') {
      io.stdout(`${DRILL_USAGE}\n`);
      return verb === undefined ? 1 : EXIT_OK;
    }
    if (verb === 'create') return await create(rest, io);
    if (verb === 'report') return await report(rest, io);
    throw usageError(`Unknown command "${verb}".\n${DRILL_USAGE}`);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`The drill command stopped: ${describeThrown(e)}. Nothing was written.\n`);
    return EXIT_INPUT;
  }
}

function options(args: readonly string[], names: readonly string[], flags: readonly string[] = []): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const opts = Object.fromEntries([...names.map((n) => [n, { type: 'string' as const }]), ...flags.map((n) => [n, { type: 'boolean' as const }])]);
    return parseArgs({ args: [...args], options: opts, strict: true, allowPositionals: true }) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${DRILL_USAGE}`);
  }
}

async function create(args: readonly string[], io: DrillConsole): Promise<number> {
  const names = ['title', 'out', 'deck', 'pack', 'bundle', 'seed', ...DRILL_MODE_OPTIONS, 'instructor', 'key', 'base-url', 'qr'];
  const { values: v, positionals } = options(args, names);
  if (positionals.length > 0) throw usageError(`Unexpected "${positionals[0]}".\n${DRILL_USAGE}`);
  for (const req of ['title', 'out']) if (v[req] === undefined) throw usageError(`--${req} is required.\n${DRILL_USAGE}`);
  const out = v.out as string;
  if (existsSync(out)) throw usageError(`--out ${out} already exists. Choose a new name; a drill file is never overwritten.`);
  // Every output is checked before any work: a bad path fails now, not after some files were written.
  const bundlePath = typeof v.bundle === 'string' ? v.bundle : null;
  checkOutputs([{ what: '--out', path: out, fresh: true }, ...(typeof v.qr === 'string' ? [{ what: '--qr', path: v.qr }] : []), ...(bundlePath ? [{ what: '--bundle', path: bundlePath }] : [])]);
  if (v.qr !== undefined && v['base-url'] === undefined) throw usageError('--qr needs --base-url: the QR code holds the whole join address.');
  const seed = drillSeed(v);
  const mode = drillModeFromOptions(v);
  let pack: Map<string, Uint8Array> | null = null;
  let deck: SessionBody['deck'] = { kind: 'demo', seed };
  if (v.deck === 'pack') {
    if (typeof v.pack !== 'string') throw usageError('--deck pack needs --pack <pack.zip>.');
    try {
      pack = unzipPack(readFileSync(v.pack));
      deck = { kind: 'pack', packId: readPack(pack).id, sha256: await packContentSha256(pack), seed };
    } catch (e) {
      throw inputError(`--pack ${v.pack}: ${describeThrown(e)}`);
    }
  } else if ((v.deck ?? 'demo') !== 'demo') throw usageError(`--deck must be "demo" or "pack", got "${v.deck}".`);
  const { key, newKeyFile } = await instructorKey(v as Record<string, string | undefined>, out);
  const now = io.now?.() ?? Date.now();
  const body: SessionBody = {
    sessionId: randomUuid(), title: v.title as string, instructor: (v.instructor as string | undefined) ?? key.name, deck, mode,
    // The same films for everyone, in a counterbalanced order per reader (delivery/counterbalance.ts).
    order: 'counterbalanced', issuedAt: new Date(now).toISOString(),
  };
  const signed = await signSession(body, key).catch((e: unknown) => { throw usageError(describeThrown(e).replace(/^signSession: /, '')); });
  const url = typeof v['base-url'] === 'string' ? joinUrl(v['base-url'], signed) : null;
  writeOutputs([
    { what: '--out', path: out, fresh: true, bytes: utf8(`${JSON.stringify(signed, null, 2)}\n`) },
    ...(url && typeof v.qr === 'string' ? [{ what: '--qr', path: v.qr, bytes: utf8(sessionQrSvg(url)) }] : []),
    ...(pack && bundlePath ? [{ what: '--bundle', path: bundlePath, bytes: await buildSessionBundle(signed, pack) }] : []),
    ...(newKeyFile ? [newKeyFile] : []),
  ]);
  if (newKeyFile) io.stderr(newKeyNote(newKeyFile.path));
  const d = mode.drill;
  io.stdout(`Wrote ${resolve(out)}: "${body.title}", ${mode.answer === 'rating' ? 'a prompted' : 'an unprompted'} readiness drill of ${mode.casesPerRound} films at ${mode.fakeShare * 100}% prevalence` +
    `${d?.aiHint ? `, AI-hint arm right on ${Math.round(d.aiHint.accuracy * 100)}%` : ''}${d?.opens ? `, open ${d.opens}` : ''}${d?.closes ? ` to ${d.closes}` : ''}.\n`);
  io.stdout(`Issued by ${body.instructor}, key fingerprint ${key.fingerprint} (announce it: each reader's game shows the same).\n`);
  if (url) io.stdout(`Join address: ${url}\n`);
  io.stdout(`Join link (append it to the game's address):\n${sessionLink(signed)}\n`);
  return EXIT_OK;
}

async function packManifest(path: string): Promise<PackManifest> {
  const bytes = readFileSync(path);
  const bundle = await readSessionBundle(bytes, Date.now());
  if (bundle.ok) return bundle.manifest;
  try {
    return readPack(unzipPack(bytes));
  } catch (e) {
    throw inputError(`--pack ${path}: ${describeThrown(e)}`);
  }
}

/** The files to report: result files, folders and zips as the cohort report takes them, and an LMS's export by name. */
function reportFiles(paths: readonly string[]): InputFile[] {
  const exports = paths.filter((p) => /\.(txt|csv|tsv)$/i.test(p));
  const rest = paths.filter((p) => !exports.includes(p));
  for (const p of exports) if (!existsSync(p)) throw usageError(`${p} does not exist. Check the path.`);
  return [...(rest.length > 0 ? gather(rest) : []), ...exports.map((p) => ({ name: p, bytes: readFileSync(p) }))];
}

async function report(args: readonly string[], io: DrillConsole): Promise<number> {
  const { values: v, positionals } = options(args, ['pack', 'html', 'lrs', 'lrs-auth-file'], ['json']);
  if (positionals.length === 0) throw usageError(`Give the result files, folders or zips to report.\n${DRILL_USAGE}`);
  const manifest = typeof v.pack === 'string' ? await packManifest(v.pack) : null;
  const files = reportFiles(positionals);
  if (typeof v.lrs === 'string') files.push(...(await lrsStatements(v.lrs, lrsAuthorization(v['lrs-auth-file']), files, io)));
  // Result files, and an LMS's records of drill modules beside the drills' drill.json (lms/drill-intake.ts).
  const intake = await readDrillRecords(files, {
    techniques: TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] })),
    manifestFor: async (id) => (manifest?.id === id ? manifest : null),
  });
  if (intake.runs.length === 0) {
    for (const f of intake.files) io.stderr(`${f.name}: ${f.status}: ${f.message}\n`);
    throw inputError('No drill result could be used. Check that these are the files the readers saved with J at the end of a readiness drill, or the LMS records of a drill module with its drill.json.');
  }
  const rep = drillReport(intake.runs);
  if (typeof v.html === 'string') writeFileAtomic(v.html, utf8(drillReportHtml(rep, intake.files, intake.notes, new Date(io.now?.() ?? Date.now()).toISOString())));
  if (v.json) io.stdout(`${JSON.stringify({ ...rep, files: intake.files, notes: intake.notes }, null, 2)}\n`);
  else io.stdout(`${drillReportText(rep, intake.files, intake.notes).join('\n')}\n`);
  return EXIT_OK;
}
