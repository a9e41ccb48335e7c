import type { ArtifactId, CaseHeader, Rng, Tell } from '../../domain/index.js';
import { rectPolygon } from '../../domain/index.js';
import type { GrayImage } from '../../imaging/index.js';
import type { ForgeryParams } from '../types.js';

/** A metadata forgery works on the header (and, where a generator would have, on the pixels' format). */
export interface MetadataResult {
  readonly image: GrayImage;
  readonly header: CaseHeader;
  readonly tells: readonly Tell[];
}

export interface MetadataTechnique {
  readonly id: string;
  readonly name: string;
  readonly artifactIds: readonly ArtifactId[];
  readonly scope: 'metadata';
  apply(image: GrayImage, header: CaseHeader, params: ForgeryParams, rng: Rng): MetadataResult;
}

/** Metadata tells have no pixel region of their own: the whole image, with the header panel as the place to look. */
export const wholeImage = (img: GrayImage) => [rectPolygon(0, 0, img.width, img.height)];
