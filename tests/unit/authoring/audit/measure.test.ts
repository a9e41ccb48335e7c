import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { PROPERTY_NAMES, highFrequencyShare, histogramStats, measureServedImage, robustNoise } from '../../../../src/authoring/audit/index.js';
import { createRng } from '../../../../src/domain/rng.js';
import { createGrayImage } from '../../../../src/imaging/types.js';
import { flatImage, noisyImage, toPng } from './images.js';

describe('measureServedImage', () => {
  it('returns every property, all finite', () => {
    const img = noisyImage(1, 10);
    const v = measureServedImage(toPng(img), img);
    expect(Object.keys(v).sort()).toEqual([...PROPERTY_NAMES].sort());
    for (const name of PROPERTY_NAMES) expect(Number.isFinite(v[name]), name).toBe(true);
    expect(v).toMatchObject({ width: 48, height: 48, aspectRatio: 1, bitDepth: 16, colourChannels: 1, pngIdatChunks: 1, pngAncillaryChunks: 0 });
    expect(v.byteSize).toBe(toPng(img).length);
  });

  it('sees ancillary chunks (e.g. tEXt provenance) that a served file must not carry', () => {
    const img = flatImage(100);
    const withText = encode({ width: img.width, height: img.height, data: img.data, depth: 16, channels: 1, text: { parameters: 'steps: 50' } });
    expect(measureServedImage(withText, img).pngAncillaryChunks).toBe(1);
    expect(measureServedImage(toPng(img), img).pngAncillaryChunks).toBe(0);
  });

  it('refuses pixels that do not belong to the PNG', () => {
    expect(() => measureServedImage(toPng(flatImage(1, 32)), flatImage(1, 16))).toThrow(/32×32 but the image is 16×16/);
  });
});

describe('noise', () => {
  it('is 0 for a flat image and for a linear ramp', () => {
    expect(robustNoise(flatImage(1000))).toBe(0);
    const ramp = createGrayImage(40, 40, 12);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) ramp.data[y * 40 + x] = 100 + 20 * x + 7 * y;
    expect(robustNoise(ramp)).toBe(0);
  });

  it.each([3, 10, 25])('recovers Gaussian σ = %d within 15%, despite the disc edge', (sigma) => {
    const img = noisyImage(7, sigma, 128);
    expect(robustNoise(img)).toBeGreaterThan(sigma * 0.85);
    expect(robustNoise(img)).toBeLessThan(sigma * 1.15);
  });
});

describe('histogram statistics', () => {
  it('entropy of a two-level image is 1 bit; distinct values, gaps and percentiles follow', () => {
    const img = createGrayImage(10, 10, 8);
    for (let i = 0; i < 100; i++) img.data[i] = i < 50 ? 0 : 255;
    const s = histogramStats(img);
    expect(s.entropy).toBeCloseTo(1, 12);
    expect(s.distinctValues).toBe(2);
    expect(s.histogramGapFraction).toBeCloseTo(254 / 256, 12);
    expect([s.p1, s.p50, s.p99]).toEqual([0, 0, 255]);
    expect(s.clippedLowFraction).toBe(0.5);
    expect(s.clippedHighFraction).toBe(0.5);
    expect(s.skewness).toBeCloseTo(0, 12);
    expect(s.kurtosis).toBeCloseTo(-2, 12); // two equal spikes: the minimum possible excess kurtosis
  });

  it('clipping counts pixels at 0 and at 2^bits − 1 only', () => {
    const img = createGrayImage(10, 10, 12);
    img.data.fill(2000);
    img.data.fill(0, 0, 3);
    img.data.fill(4095, 3, 10);
    img.data[10] = 4094;
    const s = histogramStats(img);
    expect(s.clippedLowFraction).toBeCloseTo(0.03, 12);
    expect(s.clippedHighFraction).toBeCloseTo(0.07, 12);
  });

  it('moments match a direct computation and trailing zero bits reveal an up-shifted 8-bit source', () => {
    const img = createGrayImage(20, 20, 12);
    const rng = createRng(3);
    for (let i = 0; i < 400; i++) img.data[i] = rng.int(256) << 4;
    const s = histogramStats(img);
    const values = [...img.data];
    const mean = values.reduce((a, b) => a + b, 0) / 400;
    expect(s.mean).toBeCloseTo(mean, 9);
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 400), 9);
    expect(s.trailingZeroBits).toBe(4);
    expect(s.histogramGapFraction).toBeGreaterThan(0.9);
  });
});

describe('high-frequency share', () => {
  it('is high for white noise and low for a smooth ramp', () => {
    const noise = createGrayImage(64, 64, 12);
    const rng = createRng(5);
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = 2000 + Math.round(50 * rng.normal());
    const ramp = createGrayImage(64, 64, 12);
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) ramp.data[y * 64 + x] = 10 * x + 10 * y;
    expect(highFrequencyShare(noise)).toBeCloseTo(0.8, 1);
    expect(highFrequencyShare(ramp)).toBeCloseTo(0.2, 1);
    expect(highFrequencyShare(flatImage(5))).toBe(0);
  });
});
