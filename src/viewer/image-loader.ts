import * as cornerstone from 'cornerstone-core';
import type { Image } from 'cornerstone-core';
import type { GrayImage } from '../imaging/index.js';
import { IMAGE_SCHEME } from '../domain/index.js';

/**
 * The game's own cornerstone image loader (the "custom image loader by URL scheme" pattern of cornerstone's
 * example). Ids look like `game:<caseId>` or `game:<caseId>:original`. Pixels are handed to cornerstone as the
 * 16-bit array itself: no 8-bit copy, so window/level works on the full bit depth.
 */

export type PixelProvider = (imageId: string) => Promise<GrayImage>;

export function toCornerstoneImage(imageId: string, img: GrayImage): Image {
  let min = 65535;
  let max = 0;
  const d = img.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const image = {
    imageId,
    minPixelValue: min,
    maxPixelValue: max,
    slope: 1,
    intercept: 0,
    windowCenter: img.windowCenter,
    windowWidth: img.windowWidth,
    getPixelData: () => img.data,
    rows: img.height,
    columns: img.width,
    height: img.height,
    width: img.width,
    color: false,
    rgba: false,
    invert: false,
    columnPixelSpacing: 1,
    rowPixelSpacing: 1,
    sizeInBytes: img.data.byteLength,
  };
  // @types/cornerstone-core over-specifies Image (getCanvas, lut...) and types pixel data as number[].
  return image as unknown as Image;
}

export function registerGameImageLoader(provider: PixelProvider): void {
  cornerstone.registerImageLoader(IMAGE_SCHEME, (imageId: string) => ({
    promise: provider(imageId).then((img) => toCornerstoneImage(imageId, img)),
  }));
}
