/** dicom-parser for the de-identification tests, loaded the CommonJS way as src/cli/read-dicom.ts does. */
import { createRequire } from 'node:module';
import type * as DicomParser from 'dicom-parser';
import type { CaseHeader } from '../../../../src/domain/index.js';

const dicomParser = createRequire(import.meta.url)('dicom-parser') as typeof DicomParser;

export function parseDicom(bytes: Uint8Array): DicomParser.DataSet {
  return dicomParser.parseDicom(bytes);
}

/** The header field at a '(gggg,eeee)' tag, or undefined. */
export function fieldAt(h: CaseHeader, tag: string): string | undefined {
  return h.find((f) => f.tag === tag)?.value;
}

/** 'ggggeeee' -> '(gggg,eeee)'. */
export const paren = (t: string): string => `(${t.slice(0, 4)},${t.slice(4)})`;
