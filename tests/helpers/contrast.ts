import { readFileSync } from 'node:fs';

/**
 * Colour contrast as WCAG 2.2 defines it, and the colours the game's stylesheets declare.
 *
 * Relative luminance (WCAG 2.2, "relative luminance"): each sRGB channel C = c/255 is linearised as C/12.92 when
 * C <= 0.04045, else ((C + 0.055)/1.055)^2.4; L = 0.2126 R + 0.7152 G + 0.0722 B. Contrast ratio (WCAG 2.2,
 * "contrast ratio") = (L1 + 0.05) / (L2 + 0.05), L1 the lighter. (WCAG 2.0 wrote 0.03928 for the threshold: for 8-bit
 * channels the two give the same results.)
 */
export type Rgb = readonly [number, number, number];

export function parseColour(text: string): { rgb: Rgb; alpha: number } {
  const t = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(t);
  if (hex) {
    const h = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((c) => c + c).join('') : (hex[1] as string);
    return { rgb: [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb, alpha: 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(t);
  if (fn) return { rgb: [Number(fn[1]), Number(fn[2]), Number(fn[3])], alpha: fn[4] === undefined ? 1 : Number(fn[4]) };
  throw new Error(`parseColour: "${text}" is not a #rgb, #rrggbb, rgb() or rgba() colour`);
}

/** A colour with alpha seen over an opaque one (source-over compositing). */
export function over(top: string, under: string): Rgb {
  const a = parseColour(top);
  const b = parseColour(under).rgb;
  return a.rgb.map((c, i) => Math.round(c * a.alpha + (b[i] as number) * (1 - a.alpha))) as unknown as Rgb;
}

export function relativeLuminance(colour: string | Rgb): number {
  const rgb = typeof colour === 'string' ? parseColour(colour).rgb : colour;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** One declaration of a stylesheet, with the rule's selector and the @media it sits in (null: every medium). */
export interface Declaration {
  readonly file: string;
  readonly media: string | null;
  readonly selector: string;
  readonly property: string;
  readonly value: string;
}

/**
 * The declarations of a stylesheet, one per selector of a rule's selector list. A small reader for the plain CSS
 * these files are written in (rules, @media blocks, comments; no nesting, no strings holding braces).
 */
export function readDeclarations(file: string): Declaration[] {
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Declaration[] = [];
  const walk = (text: string, media: string | null): void => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) break;
      const prelude = text.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      const body = text.slice(open + 1, j - 1);
      if (prelude.startsWith('@media')) walk(body, prelude.slice('@media'.length).trim());
      else {
        const selectors = prelude.split(',').map(normaliseSelector);
        for (const d of body.split(';')) {
          const colon = d.indexOf(':');
          if (colon < 0) continue;
          const property = d.slice(0, colon).trim().toLowerCase();
          const value = d.slice(colon + 1).trim().replace(/\s+/g, ' ');
          for (const selector of selectors) out.push({ file, media, selector, property, value });
        }
      }
      i = j;
    }
  };
  walk(css, null);
  return out;
}

/** Selectors compared as written, with runs of white space made one and quotes made single. */
export const normaliseSelector = (s: string): string => s.trim().replace(/\s+/g, ' ').replace(/"/g, "'");

/** The colours written in a value (#hex, rgb(), rgba(), var(--token)), in order; `transparent` and keywords are not colours here. */
export function coloursIn(value: string): string[] {
  return value.match(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|var\(--[\w-]+\)/g) ?? [];
}

/** A colour with its var(--token) references replaced by the tokens' values (tokens may refer to tokens). */
export function resolveColour(colour: string, tokens: ReadonlyMap<string, string>): string {
  let c = colour.trim();
  for (let k = 0; k < 10; k++) {
    const m = /^var\((--[\w-]+)\)$/.exec(c);
    if (!m) return c;
    const v = tokens.get(m[1] as string);
    if (v === undefined) throw new Error(`resolveColour: ${m[1]} is not declared in :root`);
    c = v.trim();
  }
  throw new Error(`resolveColour: ${colour} refers to itself`);
}
