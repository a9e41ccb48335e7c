/**
 * `npm run lms -- package --drill ...`: a readiness drill as an LMS module. The drill comes from a drill.json, from
 * the signed drill `npm run drill -- create` wrote (checked: a tampered file is refused), or from the same options
 * as `drill create`. Its films are planned before anything is built (a pack too small is refused), then the zip is
 * assembled in memory as a CME module's is and written atomically. A failed run writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifySession } from '../delivery/index.js';
import { TECHNIQUE_INFO } from '../forgery/index.js';
import {
  drillFilms, drillModuleFromOptions, drillModuleFromSession, isDrillModuleJson, learnerTitle, ModuleDefinitionError, moduleZip, modulePackageFiles,
  parseDrillModule, schemaFilesFor, type DrillModule,
} from '../lms/index.js';
import { readPack, unzipPack, type PackManifest } from '../pack-format/index.js';
import { drillModeFromOptions, drillSeed } from './drill-options.js';
import { EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import type { LmsDrillCommand } from './lms-drill-args.js';
import { gameFiles } from './lms-game.js';
import { writeFileAtomic } from './write-png.js';

const STANDARD_NAME = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th Edition', cmi5: 'cmi5' } as const;

function readPackZip(path: string, flag: string): { manifest: PackManifest; files: Map<string, Uint8Array> } {
  if (!existsSync(path)) throw usageError(`${flag} ${path}: no such file. Give the path of a pack zip built with 'npm run pack'.`);
  try {
    const files = unzipPack(readFileSync(path));
    return { manifest: readPack(files), files };
  } catch (e) {
    throw inputError(`${flag} ${path}: not a usable case pack (${describeThrown(e)}). Rebuild it with 'npm run pack -- build ... --out pack.zip'.`);
  }
}

/** The pack named by --deck <pack.zip> or --deck pack --pack <pack.zip>, or null for the demo deck. */
function packOption(v: LmsDrillCommand['options']): { manifest: PackManifest; files: Map<string, Uint8Array> } | null {
  const deck = typeof v['deck'] === 'string' ? v['deck'] : 'demo';
  if (deck === 'demo') return null;
  if (deck === 'pack') {
    if (typeof v['pack'] !== 'string') throw usageError('--deck pack needs --pack <pack.zip>.');
    return readPackZip(v['pack'], '--pack');
  }
  return readPackZip(deck, '--deck');
}

async function drillFrom(cmd: LmsDrillCommand, pack: ReturnType<typeof packOption>): Promise<DrillModule> {
  try {
    if (cmd.file === null) {
      const title = String(cmd.options['title'] ?? '').trim();
      return drillModuleFromOptions({
        standard: cmd.standard, mode: drillModeFromOptions(cmd.options), title, id: cmd.id, provider: cmd.provider, packId: pack?.manifest.id ?? null, seed: drillSeed(cmd.options),
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(cmd.file, 'utf8'));
    } catch (e) {
      throw usageError(`--drill ${cmd.file}: cannot be read as JSON (${describeThrown(e)}). Give a drill.json or the drill file 'npm run drill -- create' wrote.`);
    }
    if (isDrillModuleJson(json)) {
      const d = parseDrillModule(json);
      return { ...d, standard: cmd.standard, ...(cmd.id ? { id: cmd.id } : {}), ...(cmd.provider ? { provider: cmd.provider } : {}) };
    }
    const check = await verifySession(json, Date.now());
    if (!check.ok) throw inputError(`--drill ${cmd.file}: ${check.message}`);
    return drillModuleFromSession(check.signed.session, cmd.standard, { id: cmd.id, provider: cmd.provider });
  } catch (e) {
    if (e instanceof ModuleDefinitionError) throw usageError(`${e.message}\nFix the option or file named above.`);
    throw e;
  }
}

export async function packageDrill(root: string, cmd: LmsDrillCommand, io: { stdout(t: string): void; stderr(t: string): void }): Promise<number> {
  const out = resolve(cmd.out);
  if (existsSync(out)) throw usageError(`--out ${cmd.out} already exists. Choose a new name or delete the old module first; it is never overwritten.`);
  const pack = packOption(cmd.options);
  const drill = await drillFrom(cmd, pack);
  if (drill.deck.kind === 'pack' && pack?.manifest.id !== drill.deck.packId) {
    throw usageError(`The drill plays case pack '${drill.deck.packId}': give that pack with --deck <pack.zip>${pack ? ` (the one given is '${pack.manifest.id}')` : ''}.`);
  }
  const techniques = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  let films: number;
  try {
    films = drillFilms(drill, techniques, pack?.manifest ?? null).length;
  } catch (e) {
    throw inputError(`The drill's films could not be planned: ${describeThrown(e)}`);
  }
  if (films < drill.mode.casesPerRound) throw inputError(`The pack holds ${films} films; the drill asks for ${drill.mode.casesPerRound}. Ask for fewer with --cases, or use a larger pack.`);
  io.stderr(`Worklist: ${films} films, each a fake with a chance of ${Math.round(drill.mode.fakeShare * 100)}%, ${drill.mode.answer === 'rating' ? 'prompted' : 'unprompted'}${drill.mode.drill?.aiHint ? `, AI-hint arm right on ${Math.round(drill.mode.drill.aiHint.accuracy * 100)}%` : ''}; each learner reads them in their own counterbalanced order.\n`);
  const game = await gameFiles(root, cmd.game, (l) => io.stderr(`${l}\n`));
  const schemas = new Map<string, Uint8Array>();
  if (drill.standard !== 'cmi5') for (const name of schemaFilesFor(drill.standard)) schemas.set(name, readFileSync(join(root, 'assets', 'lms-schemas', drill.standard, name)));
  const files = modulePackageFiles({ definition: drill, game, deck: pack?.files ?? new Map(), schemas });
  const zip = moduleZip(files);
  try {
    writeFileAtomic(out, zip);
  } catch (e) {
    throw inputError(`Could not write ${out} (${describeThrown(e)}). Check the folder exists and is writable.`);
  }
  const root0 = drill.standard === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  io.stdout(`Wrote ${out} (${files.size} files, ${(zip.length / 1048576).toFixed(1)} MiB; drill.json and ${root0} at the root). Upload it to the LMS as a ${STANDARD_NAME[drill.standard]} package.\n`);
  io.stdout(`Learners see it as "${learnerTitle(drill)}". The LMS records completion only (no score, no pass mark) and one interaction per film; keep drill.json for the report (npm run drill -- report drill.json <the LMS's records>).\n`);
  return EXIT_OK;
}
