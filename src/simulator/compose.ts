import { DELTA } from './attenuation.js';
import { exposureKernels, type ExposureKernels } from './film-kernels.js';
import type { Frame } from './geometry.js';
import { assertInFilm, type FilmPlanes } from './tube-memory.js';

/**
 * Rows of a plane computed on demand in a film's memory (tube-memory.ts filmPlanes): row(y, at) writes row y (film
 * width, f32) at byte offset `at` of that memory.
 */
export interface RowSource {
  readonly planes: FilmPlanes;
  row(y: number, at: number): void;
}

/**
 * The full-resolution line-integral map, row by row (the exposure reads it as it goes, so the map is never stored):
 * the coarse soft-tissue plane (drawn untilted, `C` times smaller) is sampled bilinearly through the patient's
 * in-plane tilt, then the fine planes are added: bone and devices as they are, pulmonary vessels as blood replacing
 * lung, in proportion to how much lung the ray crosses there (a vessel cannot be denser than the lung it sits in, and
 * none shows behind the liver or outside the lungs). The pixels are WebAssembly's (film-kernels.ts composeRow).
 */
export class Composer implements RowSource {
  private readonly k: ExposureKernels;
  private readonly S: number;
  private readonly A: number;

  constructor(
    private readonly f: Frame,
    private readonly C: number,
    private readonly coarse: { readonly S: Float32Array; readonly A: Float32Array; readonly width: number; readonly height: number },
    readonly planes: FilmPlanes,
  ) {
    assertInFilm(planes, 'Composer', coarse.S, coarse.A);
    this.k = exposureKernels(planes.memory);
    this.S = coarse.S.byteOffset;
    this.A = coarse.A.byteOffset;
  }

  row(y: number, at: number): void {
    const { f, coarse: c, planes: p } = this;
    this.k.composeRow(this.S, this.A, p.B.byteOffset, p.V.byteOffset, at, y, f.width, c.width, 1 / this.C, c.width - 1.001, c.height - 1.001, DELTA.blood, f.cosT, f.sinT, f.cx, f.cy);
  }
}
