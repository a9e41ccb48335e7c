/**
 * Names the metadata segments of a JPEG: APP1 Exif (CIPA DC-008 4.5.4) and XMP (XMP spec part 3, 1.1.3, including
 * ExtendedXMP), APP2 ICC_PROFILE (ICC.1 B.4) and MPF, APP11 JUMBF carrying a C2PA manifest store (C2PA spec 2.1,
 * 11.3.1), APP13 Photoshop IRB with IPTC-IIM, and COM comments (T.81 B.2.4.5). IPTC-IIM and comments are free text
 * that may name people: never quoted; the AI generator (or, in a comment, the software) they name is recorded by name.
 */
import { isC2paJumbf, scanC2pa } from './c2pa.js';
import { scanExifTiff } from './exif.js';
import { appIdentifier, hasJpegSignature, walkJpegSegments, type JpegSegment } from './jpeg-segments.js';
import { AI_SOURCE_TYPE, createScan, finding, generatorIn, latin1, scanXmp, utf8, type MetadataScan } from './provenance-text.js';

const APP1 = 0xe1;
const APP2 = 0xe2;
const APP11 = 0xeb;
const APP13 = 0xed;
const COM = 0xfe;

const XMP_ID = 'http://ns.adobe.com/xap/1.0/';
const XMP_EXT_ID = 'http://ns.adobe.com/xmp/extension/';
/**
 * Software that signs its JPEGs in a comment ("CREATOR: gd-jpeg v1.0", "Created with GIMP", "Lavc58"): named, never
 * quoted. Comments were quoted when they began "Created by" or named a generator, and "Created by Dr A. Roe for
 * SMITH^JOHN MRN 0012345" reached the manifest's truth and the results.
 */
const COMMENT_SOFTWARE: readonly (readonly [RegExp, string])[] = [
  [/gd-jpeg/i, 'gd-jpeg (libgd)'],
  [/\bGIMP\b/, 'GIMP'],
  [/^Lavc/, 'FFmpeg (Lavc)'],
  [/LEAD Technologies/i, 'LEAD Technologies'],
];

type Scan = ReturnType<typeof createScan>;

/**
 * APP11 JUMBF segments (ISO/IEC 19566-5 Annex B / C2PA 11.3.1): 'JP', a 2-byte box instance number, a 4-byte
 * sequence number, then the box bytes. A large manifest spans several segments with the same instance number.
 */
function scanJumbf(scan: Scan, segments: readonly JpegSegment[]): void {
  const byInstance = new Map<number, Uint8Array[]>();
  for (const s of segments) {
    if (s.marker !== APP11 || s.data.length < 8 || s.data[0] !== 0x4a || s.data[1] !== 0x50) continue;
    const instance = ((s.data[2] as number) << 8) | (s.data[3] as number);
    const parts = byInstance.get(instance) ?? [];
    parts.push(s.data.subarray(8));
    byInstance.set(instance, parts);
  }
  for (const parts of byInstance.values()) {
    const total = parts.reduce((n, p) => n + p.length, 0);
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    if (isC2paJumbf(joined)) scanC2pa(scan, 'JPEG APP11', joined);
    else scan.strip('JPEG APP11 JUMBF (not C2PA)');
  }
}

/** Free text that may identify someone: only a generator name or the AI source type is reported, never the text. */
function scanFreeText(scan: Scan, where: string, text: string, label: string): void {
  const generator = generatorIn(text);
  const ai = AI_SOURCE_TYPE.test(text);
  if (generator || ai) {
    const what = [generator ? `names ${generator}` : '', ai ? 'declares trainedAlgorithmicMedia' : ''].filter(Boolean);
    scan.provenance.push(finding(where, `${what.join('; ')} (text not copied)`, ai));
  }
  scan.strip(label);
}

function scanSegment(scan: Scan, s: JpegSegment): void {
  const id = s.marker >= 0xe0 && s.marker <= 0xef ? appIdentifier(s.data) : '';
  if (s.marker === APP1 && id === 'Exif') {
    scan.strip('EXIF');
    scanExifTiff(scan, 'JPEG APP1 Exif', s.data.subarray(6));
  } else if (s.marker === APP1 && (id === XMP_ID || id === XMP_EXT_ID)) {
    scan.strip('XMP');
    scanXmp(scan, 'JPEG APP1 XMP', utf8(s.data.subarray(id.length + 1)));
  } else if (s.marker === APP2 && id === 'ICC_PROFILE') {
    scan.strip('ICC profile');
  } else if (s.marker === APP2 && id === 'MPF') {
    scan.strip('MPF (multi-picture format)');
  } else if (s.marker === APP13) {
    // Photoshop image resources ('8BIM'); resource 0x0404 is IPTC-IIM (bylines, captions: may name people).
    scanFreeText(scan, 'JPEG APP13 IPTC', latin1(s.data), 'IPTC-IIM (not copied)');
  } else if (s.marker === COM) {
    // Free text like IPTC: only the generator or software it names is recorded.
    const text = utf8(s.data);
    const named = generatorIn(text) ?? COMMENT_SOFTWARE.find(([re]) => re.test(text.trim()))?.[1];
    if (named) scan.provenance.push(finding('JPEG COM comment', `the JPEG comment names ${named} (text not copied)`));
    scan.strip('JPEG comment (not copied)');
  }
}

/** Finds and names the metadata segments of a JPEG file; a file that is not a JPEG yields nothing. */
export function scanJpegMetadata(bytes: Uint8Array): MetadataScan {
  const scan = createScan();
  if (hasJpegSignature(bytes)) {
    const { segments } = walkJpegSegments(bytes);
    for (const s of segments) scanSegment(scan, s);
    scanJumbf(scan, segments);
  }
  return { provenance: scan.provenance, stripped: scan.stripped };
}
