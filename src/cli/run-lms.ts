/**
 * `npm run lms -- package ...`: checks the arguments and input files, plans the module's cases (so a pack too small
 * for fresh retries is refused before anything is built), gets the built game, assembles the zip in memory and
 * writes it atomically. A failed run writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TECHNIQUE_INFO } from '../forgery/index.js';
import {
  ModuleDefinitionError, ModuleSelectionError, facultyFromLines, moduleDefinitionFromOptions, moduleZip, modulePackageFiles, optionLines, planModule,
  schemaFilesFor, type ModuleDefinition,
} from '../lms/index.js';
import { readPack, unzipPack, type PackManifest } from '../pack-format/index.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import { LMS_USAGE, parseLmsCommand, type LmsPackageCommand } from './lms-args.js';
import { gameFiles } from './lms-game.js';
import { packageDrill } from './run-lms-drill.js';
import { writeFileAtomic } from './write-png.js';

export interface LmsConsole {
  stdout(text: string): void;
  stderr(text: string): void;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function runLms(argv: readonly string[], io: LmsConsole): Promise<number> {
  try {
    const cmd = parseLmsCommand(argv);
    if (cmd.kind === 'help') {
      io.stdout(`${LMS_USAGE}\n`);
      return EXIT_OK;
    }
    if (cmd.kind === 'package-drill') return await packageDrill(ROOT, cmd, io);
    return await packageModule(cmd, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`Packaging stopped unexpectedly: ${describeThrown(e)}. Nothing was written. Please report this with the command you ran.\n`);
    return EXIT_INPUT;
  }
}

function readText(path: string | null, flag: string): string | null {
  if (path === null) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw usageError(`${flag} ${path}: cannot be read (${describeThrown(e)}). Check the path.`);
  }
}

function readDeck(deck: string): { manifest: PackManifest | null; files: Map<string, Uint8Array> } {
  if (deck === 'demo') return { manifest: null, files: new Map() };
  if (!existsSync(deck)) throw usageError(`--deck ${deck}: no such file. Give 'demo' or the path of a pack zip built with 'npm run pack'.`);
  try {
    const files = unzipPack(readFileSync(deck));
    return { manifest: readPack(files), files };
  } catch (e) {
    throw inputError(`--deck ${deck}: not a usable case pack (${describeThrown(e)}). Rebuild it with 'npm run pack -- build ... --out pack.zip'.`);
  }
}

function definitionFrom(cmd: LmsPackageCommand, pack: PackManifest | null): ModuleDefinition {
  const staff = facultyFromLines(readText(cmd.disclosures, '--disclosures') ?? '');
  if (staff.problems.length > 0) throw usageError(staff.problems.map((p) => `--disclosures ${p}`).join('\n'));
  try {
    return moduleDefinitionFromOptions({
      standard: cmd.standard, packId: pack?.id ?? null, seed: cmd.seed, pre: cmd.pre, post: cmd.post, practice: cmd.practice, passMark: cmd.passMark,
      attempts: cmd.attempts, fakeShare: cmd.fakeShare, title: cmd.title, id: cmd.id, provider: cmd.provider, credits: cmd.credits, creditUnit: cmd.creditUnit,
      creditStatement: readText(cmd.creditStatement, '--credit-statement') ?? '', objectives: optionLines(readText(cmd.objectives, '--objectives') ?? ''),
      faculty: staff.faculty, minutes: cmd.minutes, release: cmd.release, expiry: cmd.expiry,
    }, new Date().toISOString().slice(0, 10));
  } catch (e) {
    if (e instanceof ModuleDefinitionError) throw usageError(`${e.message}\nFix the option or file named above.`);
    throw e;
  }
}

async function packageModule(cmd: LmsPackageCommand, io: LmsConsole): Promise<number> {
  const out = resolve(cmd.out);
  if (existsSync(out)) throw usageError(`--out ${cmd.out} already exists. Choose a new name or delete the old module first; it is never overwritten.`);
  const deck = readDeck(cmd.deck);
  const def = definitionFrom(cmd, deck.manifest);
  const techniques = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  try {
    const plan = planModule(def, deck.manifest ? { techniques, pack: deck.manifest } : { techniques });
    for (const m of plan.matching) io.stderr(`${m.sentence}\n`);
    io.stderr(`Teaching: ${plan.teaching.length} atlas entries (${plan.teaching.map((e) => e.artifact.id).join(', ')}).\n`);
  } catch (e) {
    if (e instanceof ModuleSelectionError) throw inputError(e.message);
    throw e;
  }
  const game = await gameFiles(ROOT, cmd.game, (l) => io.stderr(`${l}\n`));
  const schemas = new Map<string, Uint8Array>();
  if (def.standard !== 'cmi5') for (const name of schemaFilesFor(def.standard)) schemas.set(name, readFileSync(join(ROOT, 'assets', 'lms-schemas', def.standard, name)));
  const files = modulePackageFiles({ definition: def, game, deck: deck.files, schemas });
  const zip = moduleZip(files);
  try {
    writeFileAtomic(out, zip);
  } catch (e) {
    throw inputError(`Could not write ${out} (${describeThrown(e)}). Check the folder exists and is writable.`);
  }
  const root = def.standard === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  io.stdout(`Wrote ${out} (${files.size} files, ${(zip.length / 1048576).toFixed(1)} MiB; ${root} at the root). Upload it to the LMS as a ${cmd.standard === 'scorm12' ? 'SCORM 1.2' : cmd.standard === 'scorm2004' ? 'SCORM 2004 4th Edition' : 'cmi5'} package.\n`);
  return EXIT_OK;
}
