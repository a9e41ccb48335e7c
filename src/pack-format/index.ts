/** Public face of casepack/pack/: the pack format (manifest, files, zip). Runs in Node and in a Web Worker. */
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
export { cleanLine, cleanParagraphs } from './plain-text.js';
export { ALLOWED_EXTRA_FILES, MANIFEST_PATH, isOsJunk, isSafePackPath, stripCommonTopFolder, unsafePathReason } from './paths.js';
export { isPng, readPngStructure, type PngHeader, type PngStructure } from './png-chunks.js';
export { PACK_PNG_CHUNKS, assemblePack, packFilesFromFolder, pngBitDepthFor, readPack, validatePackFiles, type PackValidation } from './pack-files.js';
export { DEFAULT_UNZIP_LIMITS, packToZip, extractAll, openZip, unzipFiles, unzipPack, type OpenedZip, withoutCommonTopFolder, type PackFiles, type UnzipLimits } from './zip.js';
export { encodeServedPng } from './served-image.js';
export { decodeServedPng } from './served-image.js';
