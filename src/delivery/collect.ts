import { openZip } from '../pack-format/index.js';
import { verifyResultFile, type ResultRefusal } from './result-file.js';
import { MAX_RESULT_FILE_BYTES, type ResultFile } from './result-schema.js';
import type { SignedSession } from './session-schema.js';
import { sessionSha256 } from './session-sign.js';
import { foreignSessionMessage, reportKindOf, wrongReportMessage, type Audience } from './report-words.js';

/**
 * The dashboard's intake: many files at once (loose result files, zips of them, a folder's contents), each checked,
 * the refused ones listed with a reason, duplicates per reader key reduced to the latest.
 */
export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface AcceptedResult {
  readonly name: string;
  readonly file: ResultFile;
}

export interface RefusedFile {
  readonly name: string;
  /** 'wrong-report': a readiness drill's file given to the training debrief, or the reverse (report-words.ts). */
  readonly reason: ResultRefusal | 'bad-zip' | 'wrong-report';
  readonly message: string;
}

export interface SupersededFile {
  readonly name: string;
  /** The file kept instead (same reader key: the first attempt's latest save). */
  readonly keptName: string;
}

export interface Collection {
  /** The session collected for (given, or the one most files carry), or null when no file could be used. */
  readonly session: SignedSession | null;
  readonly sessionSha256: string | null;
  readonly accepted: readonly AcceptedResult[];
  readonly refused: readonly RefusedFile[];
  readonly superseded: readonly SupersededFile[];
}

/** Limits for a zip of result files: a class's files are a few MB; these stop a bomb before it inflates. */
const RESULT_ZIP_LIMITS = { maxEntries: 5_000, maxTotalBytes: 512 * 1024 ** 2, maxRatio: 400 } as const;

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Loose files as they are and zips as their .json entries; a zip that cannot be opened is refused. An entry that
 * declares more than a result file may hold is refused before it is inflated (its declared size is checked against
 * its data on extraction), and entries are unpacked one at a time as the caller reads them, so a zip of many large
 * entries is never held in memory at once.
 */
export function* expandZips(files: readonly InputFile[], refused: RefusedFile[]): Generator<InputFile> {
  for (const f of files) {
    if (!isZip(f.bytes)) {
      yield f;
      continue;
    }
    let zip: ReturnType<typeof openZip>;
    try {
      zip = openZip(f.bytes, RESULT_ZIP_LIMITS);
    } catch (e) {
      refused.push({ name: f.name, reason: 'bad-zip', message: (e as Error).message });
      continue;
    }
    for (const n of zip.names) {
      // Result files are .json; other entries (a README, the instructor's notes) are passed over silently.
      if (!n.toLowerCase().endsWith('.json')) continue;
      const name = `${f.name}/${n}`;
      const size = zip.size(n);
      if (size > MAX_RESULT_FILE_BYTES) {
        refused.push({ name, reason: 'too-large', message: `This zip entry would unpack to ${(size / 2 ** 20).toFixed(1)} MB; a result file is at most ${MAX_RESULT_FILE_BYTES / 2 ** 20} MB, so it is not one. It was not unpacked; take the readers' result files out of the zip or zip them again.` });
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = zip.extract(n);
      } catch (e) {
        refused.push({ name, reason: 'bad-zip', message: `This zip entry cannot be unpacked: ${(e as Error).message}` });
        continue;
      }
      yield { name, bytes };
    }
  }
}

/**
 * Whether file `a` of a reader counts over `b`: the first attempt, as a session is read once and a later attempt
 * under the same key came after the reader had seen the truth (the game refuses one; an old copy did not); within
 * an attempt, the latest save (then the most answers, then the name, so the order of the files does not matter).
 */
const laterThan = (a: AcceptedResult, b: AcceptedResult): boolean => {
  const sa = Date.parse(a.file.result.startedAt);
  const sb = Date.parse(b.file.result.startedAt);
  if (sa !== sb) return sa < sb;
  const ta = Date.parse(a.file.result.finishedAt);
  const tb = Date.parse(b.file.result.finishedAt);
  if (ta !== tb) return ta > tb;
  if (a.file.result.answers.length !== b.file.result.answers.length) return a.file.result.answers.length > b.file.result.answers.length;
  return a.name > b.name;
};

export interface CollectOptions {
  /** Whose words the refusals are in: the dashboard's (browser) or the command line's (default). */
  readonly audience?: Audience;
}

/**
 * `session`: the session being collected (refuses files of any other), or null to take the training session most
 * of the valid files carry (ties: the one issued last) and refuse the others as foreign. Files of the other kind
 * (a readiness drill's when collecting a training session, and the reverse) are refused first, saying where they
 * are reported, so they never count towards the session chosen.
 */
export async function collectResults(files: readonly InputFile[], session: SignedSession | null, options: CollectOptions = {}): Promise<Collection> {
  const audience = options.audience ?? 'cli';
  const collecting = session ? reportKindOf(session.session) : 'training';
  const refused: RefusedFile[] = [];
  const expected = session ? await sessionSha256(session) : null;
  const valid: (AcceptedResult & { sha: string })[] = [];
  for (const f of expandZips(files, refused)) {
    try {
      const check = await verifyResultFile(f.bytes, null);
      const wrong = check.ok ? wrongReportMessage(check.file.result.session.session, collecting, audience) : null;
      if (wrong) refused.push({ name: f.name, reason: 'wrong-report', message: wrong });
      else if (check.ok) valid.push({ name: f.name, file: check.file, sha: check.sessionSha256 });
      else refused.push({ name: f.name, reason: check.reason, message: check.message });
    } catch (e) {
      // verifyResultFile is written not to throw; this is the last guard so one file never stops the intake.
      refused.push({ name: f.name, reason: 'invalid', message: `The file could not be read: ${String((e as Error)?.message ?? e)}` });
    }
  }
  let chosenSha = expected;
  let chosen = session;
  if (chosenSha === null && valid.length > 0) {
    const counts = new Map<string, { n: number; s: SignedSession }>();
    for (const v of valid) counts.set(v.sha, { n: (counts.get(v.sha)?.n ?? 0) + 1, s: v.file.result.session });
    const best = [...counts].sort(([, a], [, b]) => b.n - a.n || Date.parse(b.s.session.issuedAt) - Date.parse(a.s.session.issuedAt))[0];
    if (best) [chosenSha, chosen] = [best[0], best[1].s];
  }
  const latest = new Map<string, AcceptedResult>();
  const superseded: SupersededFile[] = [];
  for (const v of valid) {
    if (v.sha !== chosenSha) {
      refused.push({ name: v.name, reason: 'foreign-session', message: foreignSessionMessage(v.file.result.session.session, audience) });
      continue;
    }
    const key = v.file.result.reader.publicKey;
    const kept = latest.get(key);
    const item = { name: v.name, file: v.file };
    if (!kept) latest.set(key, item);
    else if (laterThan(item, kept)) {
      superseded.push({ name: kept.name, keptName: item.name });
      latest.set(key, item);
    } else superseded.push({ name: item.name, keptName: kept.name });
  }
  // A file superseded early may have named a file that was itself superseded later: name the one finally kept.
  const finalName = new Map([...latest.values()].map((a) => [a.file.result.reader.publicKey, a.name]));
  const byName = new Map(valid.map((v) => [v.name, v.file.result.reader.publicKey]));
  return {
    session: chosenSha === null ? null : chosen,
    sessionSha256: chosenSha,
    accepted: [...latest.values()],
    refused,
    superseded: superseded.map((s) => ({ name: s.name, keptName: finalName.get(byName.get(s.name) as string) ?? s.keptName })),
  };
}
