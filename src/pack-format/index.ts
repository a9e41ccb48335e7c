/** Public face of pack-format/: the pack format (manifest, files, zip, served PNG) and the byte-level readers they share (PNG chunks, CRC-32, bounded inflate). Runs in Node and in a Web Worker. */
export { PackError, type PackErrorCode } from './errors.js';
export type { ProvenanceFinding, ReviewFlag } from './case-provenance.js';
export {
  CASE_ID_PATTERN,
  MAX_CASES,
  MAX_IMAGE_SIDE,
  PACK_ID_PATTERN,
  RESERVED_PACK_IDS,
  PackCaseSchema,
} from './manifest-schema.js';
export {
  CURRENT_PACK_SCHEMA_VERSION,
  PACK_MIGRATIONS,
  PackManifestSchema,
  decodePackManifest,
  describeIssues,
  encodePackManifest,
  imagePathFor,
  migratePackManifest,
  originalPathFor,
  parsePackManifest,
} from './manifest.js';
export type { PackCase, PackManifest, PackMigration, PackTruth } from './manifest.js';
export { missingPackFiles, packReplacementProblem, referencedPackPaths } from './pack-identity.js';
export { cleanLine, cleanParagraphs } from './plain-text.js';
export { ALLOWED_EXTRA_FILES, MANIFEST_PATH, isOsJunk, isSafePackPath, stripCommonTopFolder, unsafePathReason } from './paths.js';
export { isPng, readPngStructure, type PngHeader, type PngStructure } from './png-chunks.js';
export { PACK_PNG_CHUNKS, maxServedPngBytes, packPngProblems, assemblePack, packFilesFromFolder, pngBitDepthFor, readPack, validatePackFiles, type PackValidation } from './pack-files.js';
export { DEFAULT_UNZIP_LIMITS, packToZip, extractAll, openZip, unzipFiles, unzipPack, type OpenedZip, withoutCommonTopFolder, type PackFiles, type UnzipLimits } from './zip.js';
export { scaleTo16 } from './served-image.js';
export { encodeServedPng } from './served-png-encode.js';
export { decodeServedPng } from './served-image.js';
export { boundedInflater, concatBytes, inflateBounded, inflatePrefix, InflateLimitError, type BoundedInflater } from './bounded-inflate.js';
export { crc32 } from './crc32.js';
export { PNG_SIGNATURE, apngFrameCount, pngChunk, pngFile, readIhdr, walkPngChunks, type PngChunk, type PngChunkWalk } from './png-chunks.js';
export { packZipWriter, type PackZipWriter } from './zip-writer.js';
export { MAX_MANIFEST_BYTES, openPackSource, zipHoldsPack, type OpenedPack, type PackSource } from './open-pack.js';
export { zlibDeflate, zlibInflateBounded } from './native-zlib.js';
