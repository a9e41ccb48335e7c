/**
 * C2PA manifest stores (C2PA Technical Specification 2.1, 11.3 "Embedding manifests"): a JUMBF superbox (ISO/IEC
 * 19566-5) labelled 'c2pa', carried in JPEG APP11 segments or in the PNG 'caBX' chunk. We do not validate signatures
 * (that needs a COSE verifier and trust lists); we only name the manifest, quote its claim generator and look for the
 * IPTC 'trainedAlgorithmicMedia' source type an AI tool writes into its c2pa.actions assertion.
 */
import { AI_SOURCE_TYPE, finding, generatorIn, latin1, type MetadataScan } from './provenance-text.js';

/**
 * The claim's `claim_generator` (v1) or `claim_generator_info` `name` (v2) is a CBOR text string (RFC 8949 3.1,
 * major type 3) following its key; we read the length from the initial byte.
 */
function cborTextAfter(text: string, key: string): string | undefined {
  const at = text.indexOf(key);
  if (at < 0) return undefined;
  let o = at + key.length;
  // claim_generator_info is an array of maps: skip to its 'name' key.
  if (key === 'claim_generator_info') {
    const name = text.indexOf('name', o);
    if (name < 0 || name - o > 64) return undefined;
    o = name + 4;
  }
  const head = text.charCodeAt(o);
  let len: number;
  if (head >= 0x60 && head <= 0x77) {
    len = head - 0x60;
    o += 1;
  } else if (head === 0x78) {
    len = text.charCodeAt(o + 1);
    o += 2;
  } else if (head === 0x79) {
    len = (text.charCodeAt(o + 1) << 8) | text.charCodeAt(o + 2);
    o += 3;
  } else {
    return undefined;
  }
  return text.slice(o, o + Math.min(len, 400));
}

export const isC2paJumbf = (bytes: Uint8Array): boolean => latin1(bytes.subarray(0, 256)).includes('c2pa');

/** Adds one finding for a C2PA manifest store; `where` names the container, e.g. 'JPEG APP11'. */
export function scanC2pa(scan: MetadataScan & { strip(label: string): void }, where: string, jumbf: Uint8Array): void {
  scan.strip('C2PA manifest');
  const text = latin1(jumbf);
  const generatorText = cborTextAfter(text, 'claim_generator_info') ?? cborTextAfter(text, 'claim_generator');
  const ai = AI_SOURCE_TYPE.test(text);
  // A generator name may sit in an assertion rather than the claim (e.g. softwareAgent in c2pa.actions).
  const named = generatorText ? generatorIn(generatorText) : generatorIn(text);
  const parts = [
    generatorText ? `claim_generator: ${generatorText}` : 'manifest without a readable claim_generator',
    ...(named && !(generatorText && generatorIn(generatorText)) ? [`names ${named}`] : []),
    ...(ai ? ['digitalSourceType trainedAlgorithmicMedia'] : []),
  ];
  scan.provenance.push(finding(`${where} C2PA manifest`, parts.join('; '), ai));
}
