import { encode } from 'fast-png';
import { createRng } from '../../../../src/domain/rng.js';
import { createGrayImage, type GrayImage } from '../../../../src/imaging/types.js';

/** Generated test images: a smooth ramp with a disc ("anatomy") plus Gaussian noise of a chosen σ. */
export function noisyImage(seed: number, sigma: number, size = 48, bits = 12): GrayImage {
  const img = createGrayImage(size, size, bits);
  const rng = createRng(seed);
  const max = 2 ** bits - 1;
  const cx = size * rng.range(0.3, 0.7);
  const r = size * rng.range(0.1, 0.25);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const base = 1200 + 10 * x + 5 * y + ((x - cx) ** 2 + (y - size / 2) ** 2 < r * r ? 600 : 0);
      img.data[y * size + x] = Math.max(0, Math.min(max, Math.round(base + sigma * rng.normal())));
    }
  }
  return img;
}

export const flatImage = (value: number, size = 32, bits = 12): GrayImage => {
  const img = createGrayImage(size, size, bits);
  img.data.fill(value);
  return img;
};

export const toPng = (img: GrayImage): Uint8Array =>
  encode({ width: img.width, height: img.height, data: img.data, depth: 16, channels: 1 });
