/**
 * `npm run session -- create ...`: writes a signed session definition and prints its join link as the last line.
 * Logic here so tests run it in-process; session.ts connects it to the process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildSessionBundle, createInstructorKey, joinUrl, loadInstructorKey, packContentSha256, randomUuid, sessionLink, sessionQrSvg,
  signSession, trainingSettings, utf8, type InstructorKey, type SessionBody,
} from '../delivery/index.js';
import { unzipPack, readPack } from '../pack-format/index.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import { readNumber, wholeFrom } from './numbers.js';
import { checkOutputs, writeOutputs, type OutputFile } from './output-set.js';
import { countOf } from '../domain/index.js';

export const SESSION_USAGE = `Usage:
  npm run session -- create --deck demo --seed <n> --cases <k> --rounds <r> --seconds <s> --title <t> --out <session.json>
        [--instructor <name>] [--key <instructor-key.json>] [--order same|counterbalanced] [--fake-share 0.5]
        [--feedback after-case|after-round|end-of-session] [--expires <ISO date-time>] [--pair-id <id> --pair-role pre|post]
        [--base-url <game address> [--qr <join.svg>]]
        [--lrs-endpoint <https://lrs/xapi/> --lrs-token "Basic ..." --lrs-token-expires <ISO> [--activity-base <IRI>]]
  npm run session -- create --deck pack --pack <pack.zip> --seed <n> ... --out <session.json> [--bundle <bundle.zip>]

Without --key a new instructor key is made and saved as instructor-key.json beside --out (keep it private: it
signs sessions in your name). The last line printed is the join link: append it to the game's address.`;

export interface SessionConsole {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly now?: () => number;
}

const int = (name: string, v: string | undefined, min: number, max: number): number => {
  const n = v === undefined ? null : readNumber(v, wholeFrom(min, max));
  if (n === null) throw usageError(`--${name} must be a whole number from ${min} to ${max}${v === undefined ? '' : `, got "${v}"`}.`);
  return n;
};

const share = (name: string, v: string): number => {
  const n = readNumber(v, { min: 0, max: 1, want: 'a share from 0 to 1' });
  if (n === null) throw usageError(`--${name} must be a share from 0 to 1, e.g. 0.5, got "${v}".`);
  return n;
};

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw usageError(`${what} ${path} cannot be read as JSON (${describeThrown(e)}). Check the path.`);
  }
}

/** The key to sign with: --key's, or a new one whose file (next to --out) is written with the command's other files. */
export interface SigningChoice {
  readonly key: InstructorKey;
  readonly newKeyFile: (OutputFile & { readonly bytes: Uint8Array }) | null;
}

export async function instructorKey(v: Record<string, string | undefined>, out: string): Promise<SigningChoice> {
  if (v.key) {
    try {
      return { key: await loadInstructorKey(readJson(v.key, '--key')), newKeyFile: null };
    } catch (e) {
      throw e instanceof CliError ? e : usageError(`--key ${v.key}: ${describeThrown(e)}.`);
    }
  }
  const path = join(dirname(resolve(out)), 'instructor-key.json');
  if (existsSync(path)) throw usageError(`No --key given, and ${path} already exists. Pass --key ${path} to sign with it (or move it away to make a new key).`);
  if (!v.instructor) throw usageError('Give --instructor <your name> (shown to the residents) when making a new key.');
  const { key, file } = await createInstructorKey(v.instructor);
  return { key, newKeyFile: { what: 'The new instructor key', path, fresh: true, bytes: utf8(`${JSON.stringify(file, null, 2)}\n`) } };
}

/** Said once the files are written. */
export const newKeyNote = (path: string): string => `Made a new instructor key and saved it to ${path}. Keep it private; pass --key ${path} next time so residents see the same fingerprint.\n`;

export async function runSession(argv: readonly string[], io: SessionConsole): Promise<number> {
  try {
    return await create(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`The session could not be made: ${describeThrown(e)}. Nothing was written.\n`);
    return EXIT_INPUT;
  }
}

async function create(argv: readonly string[], io: SessionConsole): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === 'help') {
    io.stdout(`${SESSION_USAGE}\n`);
    return verb === undefined ? 1 : EXIT_OK;
  }
  if (verb !== 'create') throw usageError(`Unknown command "${verb}".\n${SESSION_USAGE}`);
  const names = ['deck', 'seed', 'cases', 'rounds', 'seconds', 'title', 'instructor', 'key', 'order', 'out', 'fake-share', 'feedback', 'expires', 'pair-id', 'pair-role', 'base-url', 'qr', 'lrs-endpoint', 'lrs-token', 'lrs-token-expires', 'activity-base', 'pack', 'bundle'];
  let v: Record<string, string | undefined>;
  try {
    v = parseArgs({ args: [...rest], options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (e) {
    throw usageError(`${describeThrown(e)}\n${SESSION_USAGE}`);
  }
  for (const req of ['deck', 'seed', 'cases', 'rounds', 'seconds', 'title', 'out']) if (v[req] === undefined) throw usageError(`--${req} is required.\n${SESSION_USAGE}`);
  const out = v.out as string;
  if (existsSync(out)) throw usageError(`--out ${out} already exists. Choose a new name; a session file is never overwritten.`);
  // Every output is checked before any work: a bad path fails now, not after some files were written.
  checkOutputs([{ what: '--out', path: out, fresh: true }, ...(v.qr ? [{ what: '--qr', path: v.qr }] : []), ...(v.bundle ? [{ what: '--bundle', path: v.bundle }] : [])]);
  if (v.order !== undefined && v.order !== 'same' && v.order !== 'counterbalanced') throw usageError(`--order must be "same" or "counterbalanced", got "${v.order}".`);
  if ((v['pair-id'] === undefined) !== (v['pair-role'] === undefined)) throw usageError('--pair-id and --pair-role go together (e.g. --pair-id ct-2026 --pair-role pre).');
  if (v.qr !== undefined && v['base-url'] === undefined) throw usageError('--qr needs --base-url: the QR code holds the whole join address.');
  const seed = int('seed', v.seed, 0, 2 ** 31 - 1);
  const now = io.now?.() ?? Date.now();
  let pack: Map<string, Uint8Array> | null = null;
  let deck: SessionBody['deck'];
  if (v.deck === 'demo') deck = { kind: 'demo', seed };
  else if (v.deck === 'pack') {
    if (!v.pack) throw usageError('--deck pack needs --pack <pack.zip>.');
    try {
      pack = unzipPack(readFileSync(v.pack));
      const manifest = readPack(pack);
      deck = { kind: 'pack', packId: manifest.id, sha256: await packContentSha256(pack), seed };
    } catch (e) {
      throw inputError(`--pack ${v.pack}: ${describeThrown(e)}`);
    }
  } else throw usageError(`--deck must be "demo" or "pack", got "${v.deck}".`);
  const lrsGiven = ['lrs-endpoint', 'lrs-token', 'lrs-token-expires'].filter((k) => v[k] !== undefined);
  if (lrsGiven.length > 0 && lrsGiven.length < 3) throw usageError('An LRS needs all of --lrs-endpoint, --lrs-token and --lrs-token-expires (a token made for this session, expiring soon).');
  if (lrsGiven.length === 3 && !v['activity-base'] && !v['base-url']) throw usageError('An LRS needs --activity-base <IRI> (or --base-url): the address under which the session and its cases are named in the statements.');
  const mode = (() => {
    try {
      return trainingSettings({
        rounds: int('rounds', v.rounds, 1, 20), casesPerRound: int('cases', v.cases, 1, 200), secondsPerCase: int('seconds', v.seconds, 5, 600),
        ...(v['fake-share'] !== undefined ? { fakeShare: share('fake-share', v['fake-share']) } : {}),
        ...(v.feedback !== undefined ? { feedback: v.feedback as 'after-round' } : {}),
      });
    } catch (e) {
      throw e instanceof CliError ? e : usageError(`The mode settings are not valid: ${describeThrown(e).slice(0, 300)}`);
    }
  })();
  const { key, newKeyFile } = await instructorKey(v, out);
  const body: SessionBody = {
    sessionId: randomUuid(), title: v.title as string, instructor: v.instructor ?? key.name, deck, mode,
    order: (v.order as 'same' | 'counterbalanced' | undefined) ?? 'same',
    ...(v['pair-id'] ? { pairing: { id: v['pair-id'], role: v['pair-role'] as 'pre' | 'post' } } : {}),
    issuedAt: new Date(now).toISOString(),
    ...(v.expires ? { expiresAt: v.expires } : {}),
    ...(lrsGiven.length === 3
      ? { lrs: { endpoint: v['lrs-endpoint'] as string, token: v['lrs-token'] as string, tokenExpiresAt: v['lrs-token-expires'] as string, activityBase: (v['activity-base'] ?? v['base-url']) as string } }
      : {}),
  };
  let signed: Awaited<ReturnType<typeof signSession>>;
  try {
    signed = await signSession(body, key);
  } catch (e) {
    throw usageError(describeThrown(e).replace(/^signSession: /, ''));
  }
  const link = sessionLink(signed);
  const url = v['base-url'] ? joinUrl(v['base-url'], signed) : null;
  const svg = url && v.qr ? sessionQrSvg(url) : null;
  const bundle = pack && v.bundle ? await buildSessionBundle(signed, pack) : null;
  writeOutputs([
    { what: '--out', path: out, fresh: true, bytes: utf8(`${JSON.stringify(signed, null, 2)}\n`) },
    ...(svg && v.qr ? [{ what: '--qr', path: v.qr, bytes: utf8(svg) }] : []),
    ...(bundle && v.bundle ? [{ what: '--bundle', path: v.bundle, bytes: bundle }] : []),
    ...(newKeyFile ? [newKeyFile] : []),
  ]);
  if (newKeyFile) io.stderr(newKeyNote(newKeyFile.path));
  io.stdout(`Wrote ${resolve(out)}: "${signed.session.title}", ${countOf(mode.rounds, 'round')} of ${countOf(mode.casesPerRound, 'case')}, ${mode.secondsPerCase} s each, order ${signed.session.order}.\n`);
  io.stdout(`Issued by ${signed.session.instructor}, key fingerprint ${key.fingerprint} (show it to the residents: the game shows the same).\n`);
  if (svg) io.stdout(`QR code of the join address: ${resolve(v.qr as string)}\n`);
  if (bundle) io.stdout(`Session bundle (pack + session) for the residents to drop on the game: ${resolve(v.bundle as string)}\n`);
  if (url) io.stdout(`Join address: ${url}\n`);
  io.stdout(`Join link (append it to the game's address):\n${link}\n`);
  return EXIT_OK;
}
