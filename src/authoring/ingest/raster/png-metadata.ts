/**
 * Names the metadata chunks of a PNG (PNG spec 3rd ed., 11.3): tEXt / zTXt / iTXt text, eXIf, iCCP, tIME, and the
 * C2PA 'caBX' chunk (C2PA spec 2.1, A.3.3). Stable Diffusion front ends (AUTOMATIC1111, ComfyUI) write their
 * generation settings as text keys 'parameters', 'prompt' and 'workflow'; Adobe tools put XMP in iTXt
 * 'XML:com.adobe.xmp'. Free-text keys such as Author or Comment may name a person, so only their key is kept.
 */
import { isC2paJumbf, scanC2pa } from './c2pa.js';
import { scanExifTiff } from './exif.js';
import { inflatePrefix, isPng, walkPngChunks, type PngChunk } from '../../../pack-format/index.js';
import { createScan, finding, generatorIn, latin1, scanXmp, shortText, utf8, type MetadataScan } from './provenance-text.js';

/** Keys whose values are quoted (they describe software or AI settings, not people). */
const QUOTED_KEYS = new Set(['software', 'source', 'parameters', 'prompt', 'workflow', 'negative_prompt', 'generation_data']);
/** Keys that declare AI generation by their mere presence (AUTOMATIC1111 'parameters', ComfyUI 'prompt'/'workflow'). */
const AI_KEYS = new Set(['parameters', 'prompt', 'workflow', 'negative_prompt', 'generation_data']);
const XMP_KEY = 'XML:com.adobe.xmp';
/** Cap on inflated text (a ComfyUI workflow is tens of kB; a zip bomb is not read to the end). */
const MAX_INFLATED = 1 << 20;

interface TextChunk {
  readonly key: string;
  readonly value: string;
}

/** At most MAX_INFLATED bytes are inflated: a 1 GiB zTXt in a 1.6 MB file stops at 1 MiB (bounded-inflate.ts). */
function inflate(data: Uint8Array): string | undefined {
  try {
    return utf8(inflatePrefix(data, 'zlib', MAX_INFLATED));
  } catch {
    return undefined;
  }
}

/** tEXt: keyword NUL text (Latin-1). zTXt: keyword NUL method compressed. iTXt: PNG spec 11.3.3.4. */
function readText(chunk: PngChunk): TextChunk | undefined {
  const d = chunk.data;
  const nul = d.indexOf(0);
  if (nul <= 0) return undefined;
  const key = latin1(d.subarray(0, nul));
  if (chunk.type === 'tEXt') return { key, value: latin1(d.subarray(nul + 1)) };
  if (chunk.type === 'zTXt') return { key, value: inflate(d.subarray(nul + 2)) ?? '' };
  // iTXt: compression flag, method, language tag NUL, translated keyword NUL, UTF-8 text.
  const compressed = d[nul + 1] === 1;
  const langEnd = d.indexOf(0, nul + 3);
  const transEnd = langEnd < 0 ? -1 : d.indexOf(0, langEnd + 1);
  if (transEnd < 0) return { key, value: '' };
  const body = d.subarray(transEnd + 1);
  return { key, value: compressed ? (inflate(body) ?? '') : utf8(body) };
}

function scanTextChunk(scan: ReturnType<typeof createScan>, chunk: PngChunk): void {
  const text = readText(chunk);
  if (!text) return;
  scan.strip('PNG text chunks');
  const where = `PNG ${chunk.type} "${shortText(text.key, 79)}"`;
  if (text.key === XMP_KEY) {
    scan.strip('XMP');
    scanXmp(scan, `PNG ${chunk.type} XMP`, text.value);
    return;
  }
  const lower = text.key.toLowerCase();
  if (QUOTED_KEYS.has(lower)) {
    scan.provenance.push(finding(where, text.value, AI_KEYS.has(lower)));
    return;
  }
  // Other keys (Author, Comment, Description, Title…) may identify someone: name the key, quote nothing.
  const generator = generatorIn(text.value);
  if (generator) scan.provenance.push(finding(where, `value names ${generator} (text not copied)`));
  else scan.strip(`PNG text "${shortText(text.key, 79)}" (not copied)`);
}

/** Finds and names the metadata chunks of a PNG file; a file that is not a PNG yields nothing. */
export function scanPngMetadata(bytes: Uint8Array): MetadataScan {
  const scan = createScan();
  if (!isPng(bytes)) return { provenance: scan.provenance, stripped: scan.stripped };
  for (const chunk of walkPngChunks(bytes, { checkCrc: false }).chunks) {
    switch (chunk.type) {
      case 'tEXt':
      case 'zTXt':
      case 'iTXt':
        scanTextChunk(scan, chunk);
        break;
      case 'eXIf':
        scan.strip('EXIF');
        scanExifTiff(scan, 'PNG eXIf', chunk.data);
        break;
      case 'iCCP':
        scan.strip('ICC profile');
        break;
      case 'tIME':
        scan.strip('PNG tIME');
        break;
      case 'caBX':
        if (isC2paJumbf(chunk.data)) scanC2pa(scan, 'PNG caBX', chunk.data);
        else scan.strip('PNG caBX (not a C2PA store)');
        break;
      default:
        break;
    }
  }
  return { provenance: scan.provenance, stripped: scan.stripped };
}
