import { rectPolygon } from '../domain/index.js';
import type { ArtifactId } from '../domain/index.js';
import type { Tell } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

/** A tell covering the whole image, for global techniques. */
export function wholeImageTell(image: GrayImage, artifactId: ArtifactId, strength: number, explanation: string, howToSee: string): Tell {
  return { artifactId, regions: [rectPolygon(0, 0, image.width, image.height)], strength, explanation, howToSee, extent: 'whole-image' };
}
