/**
 * Shared plumbing of the forensic lenses. Every lens returns a new 12-bit MONOCHROME2 image (DICOM PS3.3 C.7.6.3)
 * with its own default VOI window (PS3.3 C.11.2.1.2), chosen so that the tell shows without touching the window.
 */
export const LENS_BITS = 12;
export const LENS_MAX = 4095;
/** The zero of signed lenses (residuals): mid-grey of the 12-bit range. */
export const LENS_MID = 2048;

export interface LensWindow {
  readonly center: number;
  readonly width: number;
}

/** Values at the given quantiles (0..1) of 12-bit data, from a 4096-bin histogram (O(n), no sort). */
export function quantiles12(data: Uint16Array, qs: readonly number[]): number[] {
  const max = LENS_MAX;
  const hist = new Float64Array(max + 1);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    const b = v > max ? max : v;
    hist[b] = (hist[b] as number) + 1;
  }
  return qs.map((q) => {
    const target = Math.min(1, Math.max(0, q)) * (data.length - 1);
    let acc = 0;
    for (let v = 0; v <= LENS_MAX; v++) {
      acc += hist[v] as number;
      if (acc > target) return v;
    }
    return LENS_MAX;
  });
}

/** A window from `lo` to `hi` (stored values), at least `minWidth` wide. */
export function windowFromRange(lo: number, hi: number, minWidth = 16): LensWindow {
  const width = Math.max(minWidth, hi - lo);
  return { center: lo + width / 2, width };
}
