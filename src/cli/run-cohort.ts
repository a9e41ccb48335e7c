/**
 * `npm run cohort -- report <result files, folders or zips, or an .lrc file> [--session s.json] [--json] ...`:
 * the debrief dashboard's figures on the command line. Logic here so tests run it in-process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { countOf, cohortFigures, completeCaseStudy, formatImrmc, formatLrc, orAnalysis, parseLrc, type CaseTruth, } from '../domain/index.js';
import { createDirectCaseSource, isPackCaseSpec, packCaseTruth, type CaseSpec } from '../decks/index.js';
import {
  cohortReaders, collectResults, drillSessionMessage, planSessionDeck, readersFromResults, readSessionBundle, utf8, verifySession, type Collection, type InputFile, type SignedSession,
} from '../delivery/index.js';
import { TECHNIQUE_INFO } from '../forgery/index.js';
import { readPack, unzipPack, type PackManifest } from '../pack-format/index.js';
import { answersCsv, formatCohortText, formatOrText } from './cohort-report.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import { writeFileAtomic } from './write-png.js';

export const COHORT_USAGE = `Usage:
  npm run cohort -- report <result files, folders or zips...> [--session <session.json>] [--pack <pack.zip|bundle.zip>]
        [--json] [--anonymise] [--localisation] [--csv <answers.csv>] [--lrc <out.lrc>] [--imrmc <out.imrmc>]
  npm run cohort -- report <study.lrc> [--json]

Exit codes: 0 report printed, 1 usage error, 2 no file could be used.`;

export interface CohortConsole {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Files, folders (one level of sub-folders and more) and zips, as named inputs; at most 20 000 files. */
export function gather(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (p: string, depth: number): void => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw usageError(`${p} does not exist. Check the path.`);
    if (st.isDirectory()) {
      if (depth > 6) return;
      for (const f of readdirSync(p).sort()) if (!f.startsWith('.')) walk(join(p, f), depth + 1);
    } else if (st.isFile() && /\.(json|zip)$/i.test(p)) {
      if (out.length >= 20_000) throw usageError('More than 20 000 files: point the command at the session\'s folder only.');
      out.push({ name: p, bytes: readFileSync(p) });
    }
  };
  for (const p of paths) walk(p, 0);
  return out;
}

export async function runCohort(argv: readonly string[], io: CohortConsole): Promise<number> {
  try {
    return await report(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`The report stopped unexpectedly: ${describeThrown(e)}. Please report this with the command you ran.\n`);
    return EXIT_INPUT;
  }
}

async function loadPack(path: string, session: SignedSession | null): Promise<PackManifest> {
  const bytes = readFileSync(path);
  const bundle = await readSessionBundle(bytes, session ? Date.parse(session.session.issuedAt) : Date.now());
  if (bundle.ok) return bundle.manifest;
  try {
    return readPack(unzipPack(bytes));
  } catch (e) {
    throw inputError(`--pack ${path}: ${describeThrown(e)}`);
  }
}

async function report(argv: readonly string[], io: CohortConsole): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === 'help' || verb === '--help') {
    io.stdout(`${COHORT_USAGE}\n`);
    return verb === undefined ? 1 : EXIT_OK;
  }
  if (verb !== 'report') throw usageError(`Unknown command "${verb}".\n${COHORT_USAGE}`);
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...rest], allowPositionals: true, strict: true,
        options: { session: { type: 'string' }, pack: { type: 'string' }, json: { type: 'boolean' }, anonymise: { type: 'boolean' }, localisation: { type: 'boolean' }, csv: { type: 'string' }, lrc: { type: 'string' }, imrmc: { type: 'string' } },
      });
    } catch (e) {
      throw usageError(`${describeThrown(e)}\n${COHORT_USAGE}`);
    }
  })();
  const v = parsed.values;
  if (parsed.positionals.length === 0) throw usageError(`Give the result files, folders or zips to report.\n${COHORT_USAGE}`);
  if (parsed.positionals.length === 1 && /\.lrc$/i.test(parsed.positionals[0] as string)) return lrcReport(parsed.positionals[0] as string, v.json === true, io);
  let session: SignedSession | null = null;
  if (v.session) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(v.session, 'utf8'));
    } catch (e) {
      throw usageError(`--session ${v.session} cannot be read as JSON (${describeThrown(e)}).`);
    }
    const check = await verifySession(json, Date.parse(String((json as { session?: { issuedAt?: string } })?.session?.issuedAt)) || Date.now());
    if (!check.ok) throw usageError(`--session ${v.session}: ${check.message}`);
    const drill = drillSessionMessage(check.signed.session, 'cli');
    if (drill) throw usageError(`--session ${v.session}: ${drill}`);
    session = check.signed;
  }
  const c = await collectResults(gather(parsed.positionals), session);
  // --anonymise: no display name and no input file name (files are named <title>-<displayName>-result.json) is printed.
  const hide = v.anonymise === true;
  if (c.session === null || c.accepted.length === 0) {
    for (const [i, r] of c.refused.entries()) io.stderr(`${hide ? `file ${i + 1} (name hidden by --anonymise)` : r.name}: ${r.reason}: ${r.message}\n`);
    throw inputError(`No result file could be used (${c.refused.length} refused). Check that these are the files the readers saved with J for this session.`);
  }
  const s = c.session.session;
  const manifest = s.deck.kind === 'pack' ? (v.pack ? await loadPack(v.pack, c.session) : null) : null;
  if (s.deck.kind === 'pack' && !manifest) throw usageError(`The session plays case pack '${s.deck.packId}': give it with --pack <pack.zip or bundle.zip> so the report knows each case's truth.`);
  const plan = await planSessionDeck(s, TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] })), manifest);
  const specs = new Map<string, CaseSpec>(plan.rounds.flat().map((x) => [x.id, x]));
  const notes: string[] = [];
  const mismatched = c.accepted.filter((a) => a.file.result.deckPlanSha256 !== plan.planSha256);
  if (mismatched.length > 0) {
    const versions = [...new Set(mismatched.map((m) => m.file.result.app.version))];
    const which = hide ? `app ${versions.length === 1 ? 'version' : 'versions'} ${versions.join(', ')}` : mismatched.map((m) => `${basename(m.name)} (app ${m.file.result.app.version})`).join(', ');
    notes.push(`Note: ${countOf(mismatched.length, 'file')} ${mismatched.length === 1 ? 'was' : 'were'} made by a game that planned another deck (another version?): ${which}. Their answers to cases not in this deck are left out.`);
  }
  const truths = await caseTruths(specs, manifest, v.localisation === true, io);
  let entries = readersFromResults(c.accepted);
  if (hide) {
    // R1..Rn in the order the files were read; names and file names (which often hold names) are never printed.
    entries = entries.map((e, i) => ({ ...e, readerId: `R${i + 1}`, displayName: `R${i + 1}`, source: `R${i + 1}` }));
  }
  const { readers, unknownCases } = cohortReaders(entries, (id) => truths.get(id) ?? null);
  if (unknownCases.length > 0) notes.push(`Note: ${countOf(unknownCases.length, 'answer')} ${unknownCases.length === 1 ? 'names a case' : 'name cases'} this session's deck does not hold; left out.`);
  const figures = cohortFigures(readers);
  const study = completeCaseStudy(s.title, [{ treatment: s.pairing?.role ?? 'session', readers }], readers.map((r) => r.readerId)).study;
  const exportStudy = (path: string | undefined, text: () => string): void => {
    if (!path) return;
    if (study.cases.length === 0) throw inputError(`No case was answered by every reader: nothing to write to ${path}.`);
    writeFileAtomic(path, utf8(text()));
  };
  exportStudy(v.lrc, () => formatLrc(study));
  exportStudy(v.imrmc, () => formatImrmc(study));
  if (v.csv) writeFileAtomic(v.csv, utf8(answersCsv(entries, readers, hide)));
  if (v.json) {
    const { analysis: _analysis, ...group } = figures.group;
    io.stdout(`${JSON.stringify({ session: { id: s.sessionId, title: s.title, sha256: c.sessionSha256 }, readers: figures.readers, group, cases: figures.cases, localisation: v.localisation === true, ...namedFiles(c, hide), notes }, null, 2)}\n`);
  } else {
    io.stdout(`${formatCohortText(figures, { ...c, ...namedFiles(c, hide) }, entries, v.localisation === true, notes).join('\n')}\n`);
  }
  return EXIT_OK;
}

/** The refused and superseded files, their names blanked under --anonymise (the reason and message stay). */
function namedFiles(c: Collection, hide: boolean): Pick<Collection, 'refused' | 'superseded'> {
  if (!hide) return { refused: c.refused, superseded: c.superseded };
  return { refused: c.refused.map((r) => ({ ...r, name: '' })), superseded: c.superseded.map(() => ({ name: '', keptName: '' })) };
}

/** Each case's truth from the deck: a pack's manifest, or the demo plan (forged or not; the tells only when generated). */
async function caseTruths(specs: ReadonlyMap<string, CaseSpec>, manifest: PackManifest | null, localisation: boolean, io: CohortConsole): Promise<Map<string, CaseTruth>> {
  const out = new Map<string, CaseTruth>();
  const source = localisation ? createDirectCaseSource() : null;
  let generated = 0;
  for (const [id, spec] of specs) {
    if (isPackCaseSpec(spec)) {
      const c = manifest?.cases.find((x) => x.id === spec.packCaseId);
      if (c) out.set(id, packCaseTruth(c));
    } else if (spec.forgery === null) out.set(id, { kind: 'authentic', authenticityCues: [] });
    else if (source) {
      if (generated++ === 0) io.stderr('Regenerating the fakes to check marks against their tells...\n');
      out.set(id, (await source.prepare(spec)).truth);
    } else out.set(id, { kind: 'forged', recipe: [], tells: [] });
  }
  return out;
}

function lrcReport(path: string, json: boolean, io: CohortConsole): number {
  let study: ReturnType<typeof parseLrc>;
  try {
    study = parseLrc(readFileSync(path, 'utf8'));
  } catch (e) {
    throw inputError(`${path}: ${describeThrown(e)}`);
  }
  const a = orAnalysis(study);
  io.stdout(json ? `${JSON.stringify(a, null, 2)}\n` : `${formatOrText(a, study.title).join('\n')}\n`);
  return EXIT_OK;
}
