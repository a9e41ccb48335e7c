/**
 * The one size rule for every input a pack is built from (DICOM, PNG, JPEG): a radiograph is at least 64 px a side
 * (smaller is an icon or a thumbnail), at most 16384 px (larger than any detector: 43 cm at 0.025 mm is 17200 px;
 * beyond it a file is broken or hostile), and no more than 3 times longer than wide (a strip, a banner or a grid
 * figure of several images; a long-leg or whole-spine stitch is about 1:3). Served images are centre-cropped
 * squares, so a long strip would lose most of itself anyway.
 * The side limit alone let a 531 KB flat 16-bit PNG claim 16384 x 16384 (268 Mpx) and take 3 GiB to decode, so the
 * total is capped too, from the header before any pixel is decoded: 40 Mpx, over twice the largest film a reading
 * room makes (a 43 x 43 cm DR plate at 0.1 mm pixels is 4300 x 4300 = 18.5 Mpx; the shared set's largest is 1 Mpx).
 */
export const MIN_SIDE_PX = 64;
export const MAX_SIDE_PX = 16384;
export const MAX_ASPECT_RATIO = 3;
export const MAX_PIXELS = 40_000_000;

/** Why these dimensions are refused (to follow "the <format> is WxH pixels; "), or null when they are fine. */
export function dimensionsProblem(width: number, height: number): string | null {
  if (!(width >= MIN_SIDE_PX && height >= MIN_SIDE_PX)) {
    return `each side must be at least ${MIN_SIDE_PX} px. Use the full-size export of the radiograph, not a thumbnail or an icon`;
  }
  if (width > MAX_SIDE_PX || height > MAX_SIDE_PX) {
    return `each side must be at most ${MAX_SIDE_PX} px. Downscale the image first`;
  }
  if (width * height > MAX_PIXELS) {
    return (
      `that is ${((width * height) / 1e6).toFixed(1)} million pixels, over the ${MAX_PIXELS / 1e6} million limit (a 43 x 43 cm ` +
      'detector at 0.1 mm is 18.5 million; it was refused before decoding). Downscale the image first'
    );
  }
  const ratio = Math.max(width, height) / Math.min(width, height);
  if (ratio > MAX_ASPECT_RATIO) {
    return (
      `its aspect ratio ${ratio.toFixed(ratio < 3.05 ? 2 : 1)}:1 is over ${MAX_ASPECT_RATIO}:1, so it is a strip, a banner or a figure of several images, not ` +
      'one radiograph. Export the single image, or crop it to the anatomy'
    );
  }
  return null;
}
