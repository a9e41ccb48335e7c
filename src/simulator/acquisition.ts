import type { Rng } from '../domain/index.js';

/**
 * How the film was taken: projection, detector, exposure, collimation, marker and the vendor's processing. A
 * department's chest films mix PA films at the wall stand (DR, grid, 180 cm) with portable AP films at the bedside
 * (often CR or a wireless panel, 100-120 cm, no or a stationary grid). Detector formats are the usual ones
 * (35 x 43 cm and 43 x 43 cm), exported at the sizes PACS archives hold. Processing follows the published
 * multi-scale designs (Agfa MUSICA: P. Vuylsteke and E. Schoeters, Proc. SPIE 2167, 1994; AAPM Report 116,
 * 2009, on exposure indices and processing) with parameters per look.
 */
export type Projection = 'PA' | 'AP';

export interface DetectorSpec {
  readonly kind: 'DR' | 'CR';
  /** Physical field of the detector, mm (width x height as displayed). */
  readonly widthMm: number;
  readonly heightMm: number;
  /** Pixels of the whole detector as stored (the stored film, unless it is cropped). */
  readonly width: number;
  readonly height: number;
  /**
   * Many DR systems store only the collimated field, cropped around the chest at their export pitch; margins (mm,
   * at the detector) beyond the chest wall, the apices and the costophrenic angles. Null: the whole detector.
   */
  readonly crop: null | { readonly pitchMm: number; readonly side: number; readonly top: number; readonly bottom: number; readonly shift: number };
  /** Light / laser spread, as the sigma of a Gaussian in mm (CsI needle DR ~0.08, powder CR ~0.15). */
  readonly blurMm: number;
  /** A stationary grid whose lines alias into the image (CR with a grid cassette). */
  readonly gridLines: null | { readonly periodPx: number; readonly angle: 0 | 90; readonly depth: number };
}

export interface Look {
  /** Gain of the coarse band (< 1 compresses the lung / mediastinum range). */
  readonly gainCoarse: number;
  readonly gainMid: number;
  readonly gainFine: number;
  /** Power applied to mid-band amplitudes (< 1 lifts faint detail more than strong edges: MUSICA). */
  readonly power: number;
  /** Sigmoid steepness of the tone curve. */
  readonly contrast: number;
  /** Where the background air lands: 0 = black, small values = dark grey. */
  readonly toe: number;
  /** Overall brightness shift of the tone curve (-0.15..0.15). */
  readonly bias: number;
}

export interface Collimation {
  /** Shutter margins inside the detector field, mm (0 = open to that edge). */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly tiltDeg: number;
  /** How the unexposed margin is shown: as exposed (raw, light grey), masked black, or masked white. */
  readonly shutter: 'raw' | 'black' | 'white';
}

export interface MarkerSpec {
  readonly letter: 'L' | 'R';
  readonly style: 'lead-holder' | 'lead' | 'digital';
  /** Technologist's initials on the lead marker (two letters) or none. */
  readonly initials: string | null;
  /** Where it lies: fractions of the field width and height from the top-left corner. */
  readonly fx: number;
  readonly fy: number;
  readonly heightMm: number;
  /** Burnt-in text besides the marker on portables (e.g. 'AP', 'PORTABLE', 'SUPINE'). */
  readonly text: readonly string[];
}

export interface Acquisition {
  readonly projection: Projection;
  readonly position: 'erect' | 'semi-erect' | 'supine';
  readonly sidMm: number;
  readonly detector: DetectorSpec;
  readonly kvp: number;
  /** Relative detector dose: scales every photon count, hence the noise. */
  readonly dose: number;
  /** Scatter-to-primary ratio behind the patient (grid: ~0.4; no grid: ~1.5). */
  readonly spr: number;
  readonly anodeUp: boolean;
  readonly heel: number;
  readonly collimation: Collimation;
  readonly marker: MarkerSpec;
  readonly look: Look;
  /** Centring: the central ray's offset from the patient's midline and from T7, mm. */
  readonly shiftXmm: number;
  readonly shiftYmm: number;
}

const pick = <T>(rng: Rng, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng.next() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
};

/** Stored sizes: the long side PACS keeps (archives downsample; 1024 and 1536 are common exports). */
function detector(rng: Rng, projection: Projection, sizeOverride?: { width: number; height: number }): DetectorSpec {
  const format = projection === 'PA'
    ? pick(rng, [['dr43', 0.45], ['dr35', 0.3], ['cr35', 0.25]] as const)
    : pick(rng, [['cr35l', 0.35], ['cr35', 0.2], ['dr35', 0.25], ['dr43', 0.2]] as const);
  const kind = format.startsWith('cr') ? 'CR' : 'DR';
  const [wMm, hMm] = format === 'dr43' ? [430, 430] : format === 'cr35l' ? [430, 350] : [350, 430];
  const long = sizeOverride ? Math.max(sizeOverride.width, sizeOverride.height) : pick(rng, [[2048, 0.35], [1792, 0.2], [1536, 0.3], [1024, 0.15]] as const);
  const aspect = wMm / hMm;
  const width = sizeOverride?.width ?? (aspect >= 1 ? long : Math.round((long * aspect) / 2) * 2);
  const height = sizeOverride?.height ?? (aspect >= 1 ? Math.round(long / aspect / 2) * 2 : long);
  // With an explicit size the field keeps the detector's long side and fits the other to the pixels' aspect.
  const widthMm = sizeOverride ? (width >= height ? Math.max(wMm, hMm) : (Math.max(wMm, hMm) * width) / height) : wMm;
  const heightMm = sizeOverride ? (width >= height ? (Math.max(wMm, hMm) * height) / width : Math.max(wMm, hMm)) : hMm;
  const grid = kind === 'CR' && rng.chance(0.3);
  // Cropped to the collimated field: most DR wall stands, some CR readers; the chest then fills the film.
  const cropped = !sizeOverride && rng.chance(kind === 'DR' ? 0.55 : 0.3);
  const crop = cropped
    ? { pitchMm: pick(rng, [[0.2, 0.4], [0.25, 0.3], [0.3, 0.2], [0.4, 0.1]] as const), side: rng.range(-25, 30), top: rng.range(20, 60), bottom: rng.range(10, 45), shift: rng.range(-12, 12) }
    : null;
  return {
    kind,
    widthMm,
    heightMm,
    width,
    height,
    crop,
    blurMm: kind === 'DR' ? rng.range(0.06, 0.1) : rng.range(0.12, 0.18),
    gridLines: grid ? { periodPx: rng.range(2.2, 3.6), angle: rng.chance(0.7) ? 0 : 90, depth: rng.range(0.004, 0.012) } : null,
  };
}

function look(rng: Rng, kind: 'DR' | 'CR'): Look {
  return {
    gainCoarse: rng.range(0.4, 0.75),
    gainMid: rng.range(0.7, 1.0),
    gainFine: kind === 'DR' ? rng.range(1.15, 1.55) : rng.range(1.05, 1.4),
    power: rng.range(0.7, 0.92),
    contrast: rng.range(2.6, 4.2),
    toe: rng.range(0.03, 0.14),
    bias: rng.range(-0.1, 0.06),
  };
}

function collimation(rng: Rng, projection: Projection): Collimation {
  const visible = rng.chance(projection === 'AP' ? 0.45 : 0.25);
  if (!visible) return { top: 0, bottom: 0, left: 0, right: 0, tiltDeg: 0, shutter: 'raw' };
  const side = (): number => (rng.chance(0.55) ? rng.range(4, 30) : 0);
  return {
    top: side(),
    bottom: side(),
    left: side(),
    right: side(),
    tiltDeg: rng.chance(0.4) ? rng.range(-4, 4) : 0,
    shutter: pick(rng, [['raw', 0.6], ['black', 0.35], ['white', 0.05]] as const),
  };
}

const INITIALS = 'ABCDEFGHJKLMNPRSTW';

function marker(rng: Rng, projection: Projection): MarkerSpec {
  const letter = rng.chance(0.62) ? 'L' : 'R';
  const style = pick(rng, [['lead-holder', 0.5], ['lead', 0.3], ['digital', 0.2]] as const);
  const initials = style !== 'digital' && rng.chance(0.45) ? `${INITIALS[rng.int(INITIALS.length)]}${INITIALS[rng.int(INITIALS.length)]}` : null;
  // Usually in the upper outer corner of its own side; sometimes lower down the side or near the shoulder.
  const onRight = letter === 'L';
  const where = pick(rng, [['corner', 0.6], ['side', 0.25], ['shoulder', 0.15]] as const);
  const fx0 = where === 'shoulder' ? rng.range(0.12, 0.22) : rng.range(0.03, 0.1);
  const fy = where === 'corner' ? rng.range(0.03, 0.1) : where === 'side' ? rng.range(0.15, 0.45) : rng.range(0.08, 0.16);
  const text = style === 'digital' && projection === 'AP'
    ? [pick(rng, [['AP', 0.4], ['PORTABLE', 0.35], ['SUPINE', 0.25]] as const)]
    : projection === 'AP' && rng.chance(0.3) ? ['AP'] : [];
  return { letter, style, initials, fx: onRight ? 1 - fx0 : fx0, fy, heightMm: style === 'digital' ? rng.range(9, 14) : rng.range(14, 20), text };
}

export function drawAcquisition(rng: Rng, size?: { width: number; height: number }): Acquisition {
  const projection: Projection = rng.chance(0.65) ? 'PA' : 'AP';
  const det = detector(rng.fork('detector'), projection, size);
  const pa = projection === 'PA';
  const grid = pa || rng.chance(0.35);
  return {
    projection,
    position: pa ? 'erect' : pick(rng, [['semi-erect', 0.55], ['supine', 0.3], ['erect', 0.15]] as const),
    sidMm: pa ? rng.range(1750, 1850) : rng.range(1000, 1250),
    detector: det,
    kvp: pa ? 110 + 5 * rng.int(4) : 85 + 5 * rng.int(4),
    dose: rng.range(0.7, 1.4) * (det.kind === 'CR' ? 0.8 : 1),
    spr: grid ? rng.range(0.3, 0.6) : rng.range(1.0, 1.8),
    anodeUp: rng.chance(0.7),
    heel: rng.range(0.06, 0.14),
    collimation: collimation(rng.fork('collimation'), projection),
    marker: marker(rng.fork('marker'), projection),
    look: look(rng.fork('look'), det.kind),
    shiftXmm: rng.range(-15, 15),
    shiftYmm: rng.range(-20, 20),
  };
}
