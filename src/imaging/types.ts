/**
 * A single-frame grayscale radiograph as the game handles it: MONOCHROME2 (higher value = more attenuation =
 * brighter), stored in 16-bit pixels with `bitsStored` significant bits (DICOM PS3.3 C.7.6.3 Image Pixel Module).
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint16Array;
  readonly bitsStored: number;
  /** Default VOI window (DICOM PS3.3 C.11.2), in stored pixel values. */
  readonly windowCenter: number;
  readonly windowWidth: number;
}

export function createGrayImage(
  width: number,
  height: number,
  bitsStored: number,
  windowCenter?: number,
  windowWidth?: number,
): GrayImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`createGrayImage: dimensions must be positive integers, got ${width}x${height}`);
  }
  if (!Number.isInteger(bitsStored) || bitsStored < 8 || bitsStored > 16) {
    throw new Error(`createGrayImage: bitsStored must be 8..16, got ${bitsStored}`);
  }
  const max = 2 ** bitsStored - 1;
  return {
    width,
    height,
    data: new Uint16Array(width * height),
    bitsStored,
    windowCenter: windowCenter ?? max / 2,
    windowWidth: windowWidth ?? max,
  };
}

export const maxStoredValue = (img: GrayImage): number => 2 ** img.bitsStored - 1;

export function cloneGrayImage(img: GrayImage): GrayImage {
  return { ...img, data: img.data.slice() };
}
