/**
 * Provenance worth teaching, taken only from values the Basic Profile keeps (PS3.15 E.1: Manufacturer,
 * Manufacturer's Model Name and Software Versions are not in Table E.1-1, so they survive de-identification;
 * Derivation Description (0008,2111) is X and is never read here). A value that names an AI generator, or says it
 * is synthetic, makes the finding AI-declared.
 */
import type { CaseHeader } from '../../domain/index.js';
import type { ProvenanceFinding } from '../ingest/types.js';

/** Kept attributes read for provenance: tag as in the header, and the source label of the finding. */
const SOURCES: readonly (readonly [tag: string, label: string])[] = [
  ['(0002,0013)', 'DICOM Implementation Version Name'],
  ['(0008,0064)', 'DICOM Conversion Type'],
  ['(0008,0070)', 'DICOM Manufacturer'],
  ['(0008,1090)', "DICOM Manufacturer's Model Name"],
  ['(0018,1016)', 'DICOM Secondary Capture Device Manufacturer'],
  ['(0018,1018)', "DICOM Secondary Capture Device Manufacturer's Model Name"],
  ['(0018,1019)', 'DICOM Secondary Capture Device Software Versions'],
  ['(0018,1020)', 'DICOM Software Versions'],
];

/** Named generators (set `generator`) and generic words (AI-declared, no generator named). */
const NAMED: readonly (readonly [RegExp, string])[] = [
  [/stable[\s_-]?diffusion/i, 'Stable Diffusion'],
  [/\bSDXL\b/i, 'Stable Diffusion XL'],
  [/RoentGen/, 'RoentGen'],
  [/DALL[\s·-]?E/i, 'DALL-E'],
  [/midjourney/i, 'Midjourney'],
  [/\bMAISI\b/, 'MAISI'],
  [/(?:^|[^A-Z])GANs?(?![A-Za-z])/, 'GAN'],
];
const GENERIC = /diffusion|synthe(?:tic|si[sz]ed)|generative|AI[\s-]generated/i;

/** The AI generator a text names, if any, and whether the text declares AI or synthetic origin. */
export function detectAiGenerator(text: string): { generator?: string; isAiDeclared: boolean } {
  for (const [re, name] of NAMED) if (re.test(text)) return { generator: name, isAiDeclared: true };
  return { isAiDeclared: GENERIC.test(text) };
}

/** Conversion Type SYN is "Synthetic Image" (PS3.3 C.8.6.1): the file says it was generated, not acquired. */
function describe(tag: string, value: string): string {
  if (tag === '(0008,0064)' && value.toUpperCase() === 'SYN') return 'SYN (Synthetic Image)';
  return value;
}

/** Provenance findings from a de-identified header (never from the raw data set). */
export function provenanceFromHeader(header: CaseHeader): ProvenanceFinding[] {
  const out: ProvenanceFinding[] = [];
  for (const [tag, source] of SOURCES) {
    const value = header.find((f) => f.tag === tag)?.value.trim();
    if (!value) continue;
    const text = describe(tag, value).slice(0, 200);
    const found = detectAiGenerator(text);
    const synthetic = tag === '(0008,0064)' && value.toUpperCase() === 'SYN';
    out.push({
      source,
      text,
      ...(found.generator ? { generator: found.generator } : {}),
      isAiDeclared: found.isAiDeclared || synthetic,
    });
  }
  return out;
}
