import { zipSync } from 'fflate';
import { encodeDrillModule } from '../drill-module.js';
import { encodeModuleDefinition, MODULE_FILE } from '../module-schema.js';
import { cmi5CourseStructure } from './cmi5-course.js';
import { LAUNCH_FILE, schemaFilesFor, scormManifest } from './scorm-manifest.js';
import { isDrillDefinition, manifestSubject, type PackagedDefinition } from './subject.js';

/**
 * The files of one module zip, in memory (the CLI writes them; a browser instructor screen could zip the same map):
 * the built game at the root with its index.html marked as a module launch, module.json (or a drill's drill.json),
 * the deck (a pack's files under the module's deck folder), and imsmanifest.xml plus the schemas it names, or cmi5.xml.
 */
export type FileMap = ReadonlyMap<string, Uint8Array>;

/**
 * Files of the game build that stay out of a module: the schema copies Vite's public folder brings along, and the
 * build's own file list (game-files.json, which the browser's module screen reads to fetch the game).
 */
const GAME_FILES_LEFT_OUT = /^(lms-schemas\/|game-files\.json$)/;
/** The build's list of its files (written by vite.config.ts), for packaging in the browser. */
export const GAME_FILE_LIST = 'game-files.json';

/**
 * A cmi5 AU sends its statements to the LRS the LMS names at launch (the `endpoint` parameter), which is usually on
 * another host than the content; the page's Content-Security-Policy (connect-src 'self') would block it. A cmi5
 * package's page may therefore connect to any https: address; SCORM packages keep the game's own-origin policy
 * (their API is a JavaScript object in the LMS's frame, not a request).
 */
export function allowLrsConnections(html: string): string {
  return html.replace(/(connect-src 'self')/, "$1 https:");
}
/** The mark the game reads when no `module` parameter reached it (an LMS that drops the item's parameters). */
export const MODULE_META = `<meta name="xray-module" content="${MODULE_FILE}">`;
const metaFor = (file: string): string => `<meta name="xray-module" content="${file}">`;

export interface PackageInputs {
  /** A CME module's definition, or a readiness drill's (drill.json: completion only, no pass mark). */
  readonly definition: PackagedDefinition;
  readonly game: FileMap;
  /** The pack's files, relative to the pack root (manifest.json, images/, originals/); empty for the demo deck. */
  readonly deck: FileMap;
  /** Schema files by name (from assets/lms-schemas/<standard>/). */
  readonly schemas: FileMap;
}

export function modulePackageFiles(i: PackageInputs): Map<string, Uint8Array> {
  const def = i.definition;
  const enc = new TextEncoder();
  const out = new Map<string, Uint8Array>();
  for (const [path, bytes] of i.game) if (!GAME_FILES_LEFT_OUT.test(path)) out.set(path, bytes);
  const launch = out.get(LAUNCH_FILE);
  if (!launch) throw new Error(`modulePackageFiles: the game build has no ${LAUNCH_FILE}; build the game first`);
  const html = new TextDecoder().decode(launch);
  if (!/<head[^>]*>/i.test(html)) throw new Error(`modulePackageFiles: ${LAUNCH_FILE} has no <head>`);
  const file = manifestSubject(def).definitionFile;
  const marked = html.replace(/<head([^>]*)>/i, `<head$1>\n    ${metaFor(file)}`);
  out.set(LAUNCH_FILE, enc.encode(def.standard === 'cmi5' ? allowLrsConnections(marked) : marked));
  out.set(file, enc.encode(isDrillDefinition(def) ? encodeDrillModule(def) : encodeModuleDefinition(def)));
  if (def.deck.kind === 'pack') {
    if (i.deck.size === 0) throw new Error(`modulePackageFiles: the module names pack '${def.deck.packId}' but no pack files were given`);
    for (const [path, bytes] of i.deck) out.set(`${def.deck.folder}/${path}`, bytes);
  }
  const contentFiles = [...out.keys()];
  if (def.standard === 'cmi5') {
    out.set('cmi5.xml', enc.encode(cmi5CourseStructure(def)));
    return out;
  }
  out.set('imsmanifest.xml', enc.encode(scormManifest(def, contentFiles, def.standard)));
  for (const name of schemaFilesFor(def.standard)) {
    const bytes = i.schemas.get(name);
    if (!bytes) throw new Error(`modulePackageFiles: schema file ${name} is missing (assets/lms-schemas/${def.standard}/)`);
    out.set(name, bytes);
  }
  return out;
}

/** Fixed zip timestamps: the same inputs give the same zip bytes. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

/** The module zip (fflate, in Node and in the browser): compressed, except files that are compressed already. */
export function moduleZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries([...files].map(([p, b]) => [p, [b, { mtime: ZIP_MTIME, level: /\.(png|woff2?|zip)$/.test(p) ? 0 : 6 }]])));
}
