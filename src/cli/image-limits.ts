/** Limits and small helpers shared by the PNG and DICOM readers. */
import { inputError } from './errors.js';

/** Larger than any detector (43 cm at 0.1 mm is 4300 px); beyond this a file is broken or hostile. */
export const MAX_SIDE_PX = 16384;

export function checkDimensions(width: number, height: number, name: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw inputError(`${name}: the image claims a size of ${width}x${height} pixels, which is empty or broken. Pick another file.`);
  }
  if (width > MAX_SIDE_PX || height > MAX_SIDE_PX) {
    throw inputError(
      `${name}: ${width}x${height} pixels is larger than the ${MAX_SIDE_PX} px per side this tool accepts. Downscale the image and retry.`,
    );
  }
}

/** A VOI window spanning the data (DICOM PS3.3 C.11.2.1.2: width counts both end values). */
export function windowFromData(data: Uint16Array): { windowCenter: number; windowWidth: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { windowCenter: (lo + hi) / 2, windowWidth: Math.max(1, hi - lo + 1) };
}
