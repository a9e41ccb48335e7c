/**
 * Which font file draws which characters, read from the @font-face rules fontsource ships with each font
 * (`unicode-range` per subset file): the certificate loads only the few subset files its text needs, so a Latin
 * name costs about 70 KB of font and a Chinese one a few more subsets, never the whole 4 MB CJK face.
 */
export interface FontFaceFile {
  /** The file name as the CSS names it (e.g. noto-sans-latin-400-normal.woff). */
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

const FACE = /@font-face\s*{([^}]*)}/g;

/** Parses fontsource's CSS: the WOFF (1.0) file and unicode-range of every @font-face, in the CSS's order. */
export function parseFontFaces(css: string): FontFaceFile[] {
  const faces: FontFaceFile[] = [];
  for (const m of css.matchAll(FACE)) {
    const body = m[1] ?? '';
    const file = /url\(\.\/files\/([^)]+?\.woff)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r) => {
      const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
      const a = Number.parseInt(lo ?? '', 16);
      return [a, hi === undefined ? a : Number.parseInt(hi, 16)] as const;
    });
    faces.push({ file, ranges });
  }
  return faces;
}

export const covers = (face: FontFaceFile, cp: number): boolean => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The first face (in priority order) that covers each code point; -1 where none does. */
export const faceIndexFor = (faces: readonly FontFaceFile[], cp: number): number => faces.findIndex((f) => covers(f, cp));
