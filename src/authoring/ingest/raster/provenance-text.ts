/**
 * Shared by the PNG and JPEG metadata scans: the known AI generator names, the 200-character cap on finding text
 * (ProvenanceFinding contract) and the result type. Findings are taught in review; they never reach served files.
 */
import type { ProvenanceFinding } from '../types.js';

export interface MetadataScan {
  readonly provenance: ProvenanceFinding[];
  /** Metadata blocks present in the input that served files never carry (deduplicated, in order of discovery). */
  readonly stripped: string[];
}

export const MAX_FINDING_CHARS = 200;

/** Generator names as tools write them into Software / CreatorTool / claim_generator / prompt metadata. */
const GENERATORS: readonly (readonly [RegExp, string])[] = [
  [/stable[\s_-]?diffusion|\bsdxl\b|automatic1111/i, 'Stable Diffusion'],
  [/midjourney/i, 'Midjourney'],
  [/dall[\s·.\u00b7_-]?e/i, 'DALL-E'],
  [/gpt[\s-]?4o|openai|chatgpt/i, 'OpenAI'],
  [/firefly/i, 'Adobe Firefly'],
  [/\bimagen\b/i, 'Imagen'],
  [/roentgen/i, 'RoentGen'],
  // LungGen (a chest DDPM): its samples are in the shared set (../shared/xray/SOURCES.md), under synthetic/lunggen-ddpm/.
  [/lunggen/i, 'LungGen'],
  [/comfyui/i, 'ComfyUI'],
  [/novelai/i, 'NovelAI'],
  [/\bflux(\.1)?\b/i, 'Flux'],
];

/**
 * IPTC Digital Source Type for generative AI output (IPTC NewsCodes digitalsourcetype: trainedAlgorithmicMedia and
 * compositeWithTrainedAlgorithmicMedia); C2PA 2.x actions carry the same URI.
 */
export const AI_SOURCE_TYPE = /trainedAlgorithmicMedia/i;

export function generatorIn(text: string): string | undefined {
  for (const [pattern, name] of GENERATORS) if (pattern.test(text)) return name;
  return undefined;
}

/** Printable text, whitespace collapsed, cut to the cap (with an ellipsis when cut). */
export function shortText(text: string, max = MAX_FINDING_CHARS): string {
  const clean = text.replace(/[^\x20-\x7e\u00a0-\uffff]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** A finding whose `isAiDeclared` follows from a generator name or the IPTC AI source type in the full text. */
export function finding(source: string, fullText: string, forceAi = false): ProvenanceFinding {
  const generator = generatorIn(fullText);
  const ai = forceAi || generator !== undefined || AI_SOURCE_TYPE.test(fullText);
  const text = shortText(fullText);
  return generator === undefined ? { source, text, isAiDeclared: ai } : { source, text, generator, isAiDeclared: ai };
}

export function createScan(): MetadataScan & { strip(label: string): void } {
  const provenance: ProvenanceFinding[] = [];
  const stripped: string[] = [];
  return {
    provenance,
    stripped,
    strip(label: string) {
      if (!stripped.includes(label)) stripped.push(label);
    },
  };
}

/** Latin-1 decoding (PNG tEXt keywords and text are ISO 8859-1, PNG spec 11.3.3.2). */
export const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
};

export const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

/** Pulls one XMP property's value (attribute form or element form), good enough to name and quote it. */
export function xmpProperty(xmp: string, name: string): string | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const attr = new RegExp(`${esc}\\s*=\\s*"([^"]*)"`).exec(xmp);
  if (attr) return attr[1];
  const elem = new RegExp(`<${esc}[^>]*>([\\s\\S]*?)</${esc}>`).exec(xmp);
  return elem ? elem[1]?.replace(/<[^>]+>/g, ' ') : undefined;
}

/** XMP packets (ISO 16684-1): the creator tool and IPTC Extension DigitalSourceType are what name an AI source. */
export function scanXmp(scan: MetadataScan, where: string, xmp: string): void {
  const tool = xmpProperty(xmp, 'xmp:CreatorTool');
  if (tool !== undefined) scan.provenance.push(finding(`${where} xmp:CreatorTool`, tool));
  const dst = xmpProperty(xmp, 'Iptc4xmpExt:DigitalSourceType');
  if (dst !== undefined) scan.provenance.push(finding(`${where} Iptc4xmpExt:DigitalSourceType`, dst));
  else if (AI_SOURCE_TYPE.test(xmp)) scan.provenance.push(finding(`${where} (trainedAlgorithmicMedia)`, 'trainedAlgorithmicMedia', true));
  if (/c2pa|contentauth/i.test(xmp)) scan.provenance.push(finding(`${where} C2PA reference`, 'XMP refers to a C2PA manifest'));
}
