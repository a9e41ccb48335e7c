import { generatorNativeFormat } from './generator-native-format.js';
import { inconsistentHeader } from './inconsistent-header.js';
import { provenanceManifest } from './provenance-manifest.js';
import { colourTint } from './colour-tint.js';
import type { MetadataTechnique } from './metadata-technique.js';

export * from './metadata-technique.js';

/** Metadata techniques by id: they forge the header (and the file format) rather than the anatomy. */
export const METADATA_TECHNIQUES: Readonly<Record<string, MetadataTechnique>> = Object.freeze({
  [generatorNativeFormat.id]: generatorNativeFormat,
  [inconsistentHeader.id]: inconsistentHeader,
  [provenanceManifest.id]: provenanceManifest,
  [colourTint.id]: colourTint,
});
