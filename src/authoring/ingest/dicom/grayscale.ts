/**
 * Stored values -> presentation values, the grayscale pipeline of DICOM PS3.4 N.2: Modality LUT (PS3.3 C.11.1),
 * VOI LUT or window (C.11.2), then polarity so that higher = brighter (MONOCHROME1, C.7.6.3.1.2; Presentation LUT
 * Shape, C.11.6 / C.8.11.3). Every step depends on the stored value only, so the whole pipeline is folded into one
 * lookup table of 2^Bits Stored entries and applied to the frame in place: no per-pixel floats, no second frame.
 */
import type { DataSet } from 'dicom-parser';
import type { GrayImage } from '../../../imaging/index.js';

export interface GrayInput {
  readonly width: number;
  readonly height: number;
  /** Stored-value bit patterns; overwritten with presentation values. */
  readonly codes: Uint16Array;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly monochrome1: boolean;
}

interface Lut {
  readonly first: number;
  readonly data: Uint16Array;
  readonly bits: number;
}

/** LUT Descriptor (0028,3002) + LUT Data (0028,3006) of a Modality or VOI LUT Sequence item (C.11.1.1.1, C.11.2.1.1). */
function readLut(item: DataSet | undefined, signed: boolean): Lut | undefined {
  const entriesRaw = item?.uint16('x00283002', 0);
  const dataEl = item?.elements['x00283006'];
  if (!item || entriesRaw === undefined || !dataEl) return undefined;
  const entries = entriesRaw === 0 ? 65536 : entriesRaw;
  // The first mapped value is SS when the pixels are signed, US otherwise (C.11.1.1.1).
  const first = (signed ? item.int16('x00283002', 1) : item.uint16('x00283002', 1)) ?? 0;
  const bits = Math.min(16, Math.max(1, item.uint16('x00283002', 2) ?? 16));
  if (dataEl.length < entries * 2) return undefined;
  const data = new Uint16Array(entries);
  for (let i = 0; i < entries; i++) data[i] = (item.uint16('x00283006', i) ?? 0) & (2 ** bits - 1);
  return { first, data, bits };
}

const lookup = (lut: Lut, x: number): number =>
  lut.data[Math.min(lut.data.length - 1, Math.max(0, Math.round(x) - lut.first))] as number;

const firstItem = (ds: DataSet, tag: string): DataSet | undefined => ds.elements[tag]?.items?.[0]?.dataSet;

/** VOI as a function onto 0..1; C.11.2.1.2 (LINEAR), C.11.2.1.3.1 (LINEAR_EXACT), C.11.2.1.3.2 (SIGMOID). */
function windowFunction(ds: DataSet): ((x: number) => number) | undefined {
  const c = ds.floatString('x00281050', 0);
  const w = ds.floatString('x00281051', 0);
  if (c === undefined || w === undefined || !Number.isFinite(c) || !Number.isFinite(w)) return undefined;
  const fn = (ds.string('x00281056') ?? 'LINEAR').trim().toUpperCase();
  if (fn === 'SIGMOID' && w > 0) return (x) => 1 / (1 + Math.exp((-4 * (x - c)) / w));
  if (fn === 'LINEAR_EXACT' && w > 0) return (x) => Math.min(1, Math.max(0, (x - c) / w + 0.5));
  if (w < 1) return undefined; // LINEAR requires Window Width >= 1; an invalid window falls back to the data range.
  return (x) => {
    if (x <= c - 0.5 - (w - 1) / 2) return 0;
    if (x > c - 0.5 + (w - 1) / 2) return 1;
    return (x - (c - 0.5)) / (w - 1) + 0.5;
  };
}

/**
 * Why Rescale Slope (0028,1053) / Intercept (0028,1052) give no usable values, or null. A slope of NaN or 1e308
 * turned every pixel into NaN or infinity and the image into flat black, served as if it were a film.
 */
export function rescaleProblem(ds: DataSet, bitsStored: number, signed: boolean): string | null {
  if (ds.elements['x00283000']?.items?.length) return null; // a Modality LUT Sequence replaces the rescale
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const top = signed ? 2 ** (bitsStored - 1) : 2 ** bitsStored - 1;
  const extremes = [slope * top + intercept, -slope * top + intercept, intercept];
  if (!Number.isFinite(slope) || !Number.isFinite(intercept) || extremes.some((v) => !Number.isFinite(v))) {
    return `Rescale Slope ${ds.string('x00281053') ?? '1'} and Intercept ${ds.string('x00281052') ?? '0'} turn the pixels into values that are not finite numbers`;
  }
  return null;
}

export function toPresentation(input: GrayInput, ds: DataSet): GrayImage {
  const { codes, bitsStored, signed } = input;
  const size = 2 ** bitsStored;
  const half = size / 2;
  const stored = (code: number): number => (signed && code >= half ? code - size : code);

  // Modality LUT (C.11.1): a Modality LUT Sequence item if present, else Rescale Slope/Intercept.
  const modalityLut = readLut(firstItem(ds, 'x00283000'), signed);
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const modality = modalityLut ? (v: number) => lookup(modalityLut, v) : (v: number) => v * slope + intercept;

  // VOI (C.11.2): the first VOI LUT Sequence item, else the first window, else the range of the values present.
  const voiLut = readLut(firstItem(ds, 'x00283010'), false);
  let voi: (x: number) => number;
  if (voiLut) {
    const top = 2 ** voiLut.bits - 1;
    voi = (x) => lookup(voiLut, x) / top;
  } else {
    const win = windowFunction(ds);
    if (win) voi = win;
    else {
      const present = new Uint8Array(size);
      for (let i = 0; i < codes.length; i++) present[codes[i] as number] = 1;
      let lo = Infinity;
      let hi = -Infinity;
      for (let code = 0; code < size; code++) {
        if (!present[code]) continue;
        const m = modality(stored(code));
        if (m < lo) lo = m;
        if (m > hi) hi = m;
      }
      const span = hi > lo ? hi - lo : 1;
      voi = (x) => (x - lo) / span;
    }
  }

  // Polarity: MONOCHROME1 means low = bright (C.7.6.3.1.2). A Presentation LUT Shape of INVERSE (DX Image Module,
  // C.8.11.3.1.2) is the same single inversion, stated for MONOCHROME1 images; it is never applied twice.
  const shape = (ds.string('x20500020') ?? '').trim().toUpperCase();
  const invert = input.monochrome1 || shape === 'INVERSE';

  const outBits = Math.min(16, Math.max(8, bitsStored));
  const max = 2 ** outBits - 1;
  const lut = new Uint16Array(size);
  for (let code = 0; code < size; code++) {
    const y = Math.round(Math.min(1, Math.max(0, voi(modality(stored(code))))) * max);
    lut[code] = invert ? max - y : y;
  }
  for (let i = 0; i < codes.length; i++) codes[i] = lut[codes[i] as number] as number;
  return { width: input.width, height: input.height, data: codes, bitsStored: outBits, windowCenter: max / 2, windowWidth: max + 1 };
}
