/**
 * The one zip writer for packs (command-line builds, browser exports, `packToZip`): fflate's streaming `Zip`, each
 * entry handed on as soon as it is added, so a pack is written or downloaded without being zipped in memory first.
 * Deterministic: a fixed timestamp and no extra fields, so the same files in the same order give the same bytes.
 * PNGs are stored (already deflated: compressing again costs time and gains nothing); other files are deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { PackError } from './errors.js';
import { unsafePathReason } from './paths.js';

/** Any fixed local time: a zip's DOS timestamp is local time, so a local-time Date gives the same bytes in every zone. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

export interface PackZipWriter {
  /** Adds one file; its bytes are handed to `onChunk` before this returns. Throws PackError for an unsafe path. */
  add(path: string, bytes: Uint8Array): void;
  /** Writes the central directory. */
  end(): void;
}

export function packZipWriter(onChunk: (chunk: Uint8Array) => void): PackZipWriter {
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else onChunk(chunk);
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    add: (path, bytes) => {
      const why = unsafePathReason(path);
      if (why !== null) throw new PackError('unsafe-path', `Cannot zip the pack: the path '${path.slice(0, 80)}' ${why}. Rename the file.`);
      const entry = path.toLowerCase().endsWith('.png') ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 9 });
      entry.mtime = FIXED_MTIME;
      zip.add(entry);
      entry.push(bytes, true);
      check();
    },
    end: () => {
      zip.end();
      check();
    },
  };
}
