/**
 * Cases from a stored pack: read the served PNG (and the original of a forged case, for the review's compare),
 * decode it at the pack's bit depth, and attach the manifest's truth. The header shown while reading is the same
 * short list for every case of every pack (size, depth, photometric): the source header differs between real
 * DICOMs and imported PNGs, so showing it would give the answer away. It is kept for the review in the manifest.
 */
import type { CaseHeader } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { CaseSource, PackCaseSpec, PreparedCase } from './case-types.js';
import { packCaseTruth } from './pack-deck.js';
import type { PackManifest } from '../pack-format/index.js';
import type { PackImageDecoder } from './pack-decode.js';

/** Where stored packs are read from (IndexedDB in the browser, a Map in tests). */
export interface PackReader {
  manifest(packId: string): Promise<PackManifest>;
  file(packId: string, path: string): Promise<Uint8Array>;
}

export function servedHeader(image: GrayImage): CaseHeader {
  return [
    { tag: '(0008,103E)', name: 'Series Description', value: 'Case pack image: normalised, source header withheld until the review' },
    { tag: '(0028,0004)', name: 'Photometric Interpretation', value: 'MONOCHROME2' },
    { tag: '(0028,0010)', name: 'Rows', value: String(image.height) },
    { tag: '(0028,0011)', name: 'Columns', value: String(image.width) },
    { tag: '(0028,0101)', name: 'Bits Stored', value: String(image.bitsStored) },
  ];
}

export function createPackCaseSource(reader: PackReader, decoder: PackImageDecoder, clock: () => number = () => 0): CaseSource<PackCaseSpec> {
  return {
    prepare: async (spec) => {
      const t0 = clock();
      const manifest = await reader.manifest(spec.packId);
      const entry = manifest.cases.find((c) => c.id === spec.packCaseId);
      if (!entry) throw new Error(`Case ${spec.packCaseId} is not in pack '${spec.packId}'. The pack may have been replaced; start a new session.`);
      const bits = manifest.image.bitsStored;
      const [imageBytes, originalBytes] = await Promise.all([
        reader.file(spec.packId, entry.file),
        entry.original ? reader.file(spec.packId, entry.original) : null,
      ]);
      const [image, original] = await Promise.all([
        decoder.decode(imageBytes, bits),
        originalBytes ? decoder.decode(originalBytes, bits) : null,
      ]);
      const prepared: PreparedCase = {
        id: spec.id, image, original, truth: packCaseTruth(entry), header: servedHeader(image), generationMs: clock() - t0,
      };
      return prepared;
    },
    dispose: () => decoder.dispose(),
  };
}
