/**
 * A colour cast found on a near-grey input, in words for the build report and the case's truth (the review teaches
 * it as the catalog's T5, "colour tint in a grey image"). The served image never carries it: it is one grey channel.
 */
import type { ProvenanceFinding } from '../types.js';

export interface ColourCast {
  /** Channel spread of the cast, levels of 255, at the darker or brighter end (whichever is stronger). */
  readonly levels: number;
  /** Hue of the cast in degrees (HSV hexcone: 0 red, 60 yellow, 120 green, 180 cyan, 240 blue, 300 magenta). */
  readonly hue: number;
  /** 'warm', 'cool', 'green' or 'magenta', with the hue named, e.g. 'warm (orange-yellow, sepia)'. */
  readonly direction: string;
}

/** Hue of the colour offset (R-G, 0, B-G): adding grey to all three channels does not change a hue. */
function hueOf(rg: number, bg: number): number {
  const r = rg, g = 0, b = bg;
  const hi = Math.max(r, g, b), lo = Math.min(r, g, b), d = hi - lo;
  if (d === 0) return 0;
  let h: number;
  if (hi === r) h = ((g - b) / d) % 6;
  else if (hi === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function directionOf(hue: number): string {
  if (hue >= 345 || hue < 15) return 'warm (red)';
  if (hue < 70) return 'warm (orange-yellow, sepia)';
  if (hue < 170) return 'green';
  if (hue < 260) return 'cool (cyan-blue)';
  return 'magenta';
}

export function describeCast(m: { readonly castLevels: number; readonly castRG: number; readonly castBG: number }): ColourCast {
  const hue = Math.round(hueOf(m.castRG, m.castBG));
  return { levels: Math.round(m.castLevels), hue, direction: directionOf(hue) };
}

/** The provenance line recorded for a cast: never AI-declared by itself (a cast is evidence, not a declaration). */
export function castFinding(format: string, cast: ColourCast): ProvenanceFinding {
  return {
    source: `${format} colour channels`,
    text:
      `T5 colour tint: saved as colour with a ${cast.direction} cast of ${cast.levels} levels of 255 (hue ${cast.hue} deg); ` +
      'served as grey (Rec. 601 luma), so only the original file shows it.',
    isAiDeclared: false,
  };
}
