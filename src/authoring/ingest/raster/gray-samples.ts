/**
 * The colour rule shared by the PNG and JPEG readers: a radiograph saved as colour has (near-)equal channels, so it
 * is accepted as gray; anything with real colour (a photo, a coloured overlay, a heat map) is refused. Alpha that is
 * fully opaque carries nothing and is ignored; partial transparency is refused, because what the image looks like
 * then depends on the background it is composited on, and a radiograph has no meaningful transparency.
 */
import { IngestError } from '../types.js';

export interface InterleavedSamples {
  readonly path: string;
  /** What the file is, for messages, e.g. 'PNG' or 'JPEG'. */
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly samples: ArrayLike<number>;
  /** 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  /** Largest sample value (255 or 65535); alpha equal to it is opaque. */
  readonly max: number;
  /** Largest channel difference still taken as gray, in sample units. */
  readonly tolerance: number;
  /** Why the tolerance is what it is, for the refusal message. */
  readonly toleranceNote: string;
  /**
   * Share of pixels (0..1) that may exceed `tolerance` while staying under `hardLimit`: sparse chroma noise of a lossy
   * codec. 0 (the default) means every pixel must be within `tolerance`.
   */
  readonly noiseFraction?: number;
  readonly hardLimit?: number;
}

/** One gray sample per pixel (the rounded channel mean), or an IngestError naming the file and the fix. */
export function toGraySamples(input: InterleavedSamples): Uint16Array {
  const { path, format, width, height, samples, channels, max, tolerance } = input;
  const n = width * height;
  if (samples.length < n * channels) {
    throw new IngestError(
      'truncated',
      `${path}: the ${format} pixel data is incomplete (${samples.length} of ${n * channels} samples). The file is probably cut short; re-export it.`,
    );
  }
  const hasAlpha = channels === 2 || channels === 4;
  const colours = hasAlpha ? channels - 1 : channels;
  const out = new Uint16Array(n);
  let worst = 0;
  let worstAt = -1;
  let over = 0;
  for (let i = 0; i < n; i++) {
    const o = i * channels;
    if (hasAlpha && samples[o + colours] !== max) {
      throw new IngestError(
        'unsupported',
        `${path}: the ${format} has transparent or partly transparent pixels (first at x=${i % width}, y=${Math.floor(i / width)}). ` +
          'A radiograph must be fully opaque: flatten the image (remove the alpha channel) and retry.',
      );
    }
    const a = samples[o] as number;
    if (colours === 1) {
      out[i] = a;
      continue;
    }
    const b = samples[o + 1] as number;
    const c = samples[o + 2] as number;
    const spread = Math.max(a, b, c) - Math.min(a, b, c);
    if (spread > tolerance) over++;
    if (spread > worst) {
      worst = spread;
      worstAt = i;
    }
    out[i] = Math.round((a + b + c) / 3);
  }
  const allowed = Math.floor(n * (input.noiseFraction ?? 0));
  if (over > allowed || worst > (input.noiseFraction ? (input.hardLimit ?? tolerance) : tolerance)) {
    throw new IngestError(
      'colour',
      `${path}: the ${format} is in colour (channels differ by up to ${worst} levels, most at x=${worstAt % width}, ` +
        `y=${Math.floor(worstAt / width)}; ${input.toleranceNote}). Only grayscale radiographs can be used: export the image ` +
        'as grayscale from the viewer or PACS and retry.',
    );
  }
  return out;
}
