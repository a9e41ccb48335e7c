/**
 * The lead laterality marker of each NIH film in the shared set (512 px, as tests/unit/forgery/real-image.ts loads
 * them): the box of its letter, as the detector (src/forgery/marker.ts) finds it where it finds it, checked by eye
 * on contact sheets of all 47 films (2026-12-02); boxed by eye where it does not, or once did not ("by eye"). Three
 * films show no marker. Fixed numbers, so a change of the detector that loses a marker fails the tests.
 */
import type { Box } from '../../../src/domain/geometry.js';

const BOXES: Readonly<Record<string, readonly [number, number, number, number]>> = {
  '00000075_000.png': [477, 48, 493, 66],
  '00000100_000.png': [431, 29, 473, 68],
  '00000797_000.png': [436, 30, 454, 52], // by eye
  '00001368_000.png': [482, 60, 502, 75],
  '00001369_000.png': [482, 70, 504, 110], // by eye
  '00001998_000.png': [480, 70, 504, 112], // by eye
  '00003015_000.png': [473, 83, 499, 115],
  '00003845_000.png': [491, 21, 501, 39],
  '00004599_000.png': [461, 33, 477, 71],
  '00005205_000.png': [482, 56, 500, 69],
  '00006004_000.png': [397, 72, 412, 95], // by eye
  '00006822_000.png': [484, 62, 504, 86],
  '00007494_000.png': [395, 19, 447, 62],
  '00008299_000.png': [430, 19, 443, 35],
  '00009128_000.png': [409, 10, 425, 35],
  '00009822_000.png': [427, 1, 453, 55], // by eye (the detector's box takes in the film beside the marker's holder)
  '00010680_000.png': [438, 37, 453, 64],
  '00011254_000.png': [472, 27, 488, 48], // by eye
  '00011678_000.png': [435, 42, 450, 78],
  '00012302_000.png': [425, 49, 444, 79],
  '00013122_000.png': [31, 94, 44, 122],
  '00013579_000.png': [443, 31, 458, 49],
  '00014361_000.png': [481, 45, 490, 59],
  '00014923_000.png': [443, 40, 461, 61],
  '00015599_000.png': [445, 45, 470, 75],
  '00016175_000.png': [482, 29, 503, 50],
  '00017093_000.png': [467, 59, 478, 70],
  '00017921_000.png': [439, 43, 454, 59],
  '00018248_000.png': [432, 17, 445, 39],
  '00019001_000.png': [460, 31, 478, 57],
  '00019534_000.png': [115, 73, 131, 96],
  '00020336_000.png': [477, 18, 487, 36],
  '00021347_000.png': [446, 26, 458, 42],
  '00021680_000.png': [447, 27, 472, 53], // by eye
  '00023104_000.png': [458, 40, 473, 55],
  '00024107_000.png': [494, 14, 502, 28],
  '00025224_000.png': [458, 24, 484, 53], // by eye
  '00026041_000.png': [453, 46, 464, 63],
  '00027061_000.png': [477, 20, 500, 48],
  '00027761_000.png': [444, 11, 456, 29],
  '00028351_000.png': [435, 39, 450, 51],
  '00028979_000.png': [486, 36, 499, 53],
  '00029543_000.png': [465, 25, 477, 42],
  '00030254_000.png': [463, 29, 479, 42],
};

/** Films that show no marker. */
export const NO_MARKER: ReadonlySet<string> = new Set(['00012751_000.png', '00022425_000.png', '00026555_000.png']);

/**
 * Films whose marker the detector still misses: 00000797 (it takes a burnt-in arrow), 00006004 (an ECG electrode
 * above the stack of lead letters).
 */
export const DETECTOR_MISSES: ReadonlySet<string> = new Set(['00000797_000.png', '00006004_000.png']);

export function realMarker(file: string): Box | undefined {
  const b = BOXES[file];
  return b ? { x0: b[0], y0: b[1], x1: b[2], y1: b[3] } : undefined;
}
