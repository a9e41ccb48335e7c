/** Public face of authoring/ingest/: one path that reads, checks and decodes every input image (DICOM, PNG, JPEG). */
export * from './types.js';
export * from './codecs.js';
export * from './decode-input.js';
export * from './dimensions.js';
