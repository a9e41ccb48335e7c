import type { ArtifactId } from '../domain/index.js';
import type { Point, Polygon } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { Difficulty, Tell } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

/**
 * Optional anatomy hints, e.g. from the chest simulator. Techniques must also work without them, because real
 * radiographs come with none. Lungs are named from the patient's point of view: patient right = image LEFT.
 */
export interface ForgeryHints {
  readonly lungs?: { readonly right: Polygon; readonly left: Polygon };
  /** Each clavicle's centre line, sternal end to acromial end, when known (the simulator's): where A6 kinks it. */
  readonly clavicles?: { readonly right: readonly Point[]; readonly left: readonly Point[] };
  readonly midlineX?: number;
  readonly mediastinum?: Polygon;
  /** The laterality marker's pixel box (x1, y1 exclusive), as the chest simulator reports it. */
  readonly marker?: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /**
   * The projection, when known (the simulator's; a real film's ViewPosition). On an AP film the anterior chest is far
   * from the detector, on a PA film against it, which changes how sharp anything on the front of the chest looks.
   */
  readonly projection?: 'AP' | 'PA';
  /**
   * Regions already edited by earlier steps of a recipe (forge() fills this in). Local techniques place themselves
   * away from them, or throw when they cannot, so one step never overwrites another's tell.
   */
  readonly avoid?: readonly Polygon[];
}

export interface ForgeryParams {
  readonly level: Difficulty;
  readonly hints?: ForgeryHints;
}

export interface ForgeryResult {
  readonly image: GrayImage;
  readonly tells: readonly Tell[];
}

export interface Technique {
  /** kebab-case, e.g. 'mirror-symmetry'. */
  readonly id: string;
  readonly name: string;
  /** Catalog ids (domain/artifacts.ts) of the tells this technique leaves, e.g. ['A1', 'E2']. */
  readonly artifactIds: readonly ArtifactId[];
  readonly scope: 'local' | 'global';
  /** For local techniques: pixels may change only inside the tells' regions dilated by this margin (px). */
  readonly marginPx: number;
  /**
   * A global technique that moves the film's content (a re-framing: turned, shifted, zoomed). The hints (lungs,
   * midline, mediastinum, marker, regions to avoid) no longer match its output, so forge() does not pass them to
   * later steps, which then find their sites from the pixels, as on a real film.
   */
  readonly movesAnatomy?: boolean;
  /** Never mutates its input; the same image, params and seed give the same pixels. */
  apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult;
  /**
   * For techniques that draw content a reader is meant to see (a nodule, a wire, a lifted floor): the same content,
   * at the same site, size and contrast for the same image, params and seed, drawn as a real film would show it, so
   * without the tell (a soft margin and the film's grain instead of a crisp, grain-free paste). `apply` minus this is
   * the tell alone, which is how tests measure that an 'expert' tell hides at fit-to-window while its content shows
   * (tests/unit/forgery/tell-alone.test.ts). Techniques whose whole change is the tell have none.
   */
  withoutTell?(image: GrayImage, params: ForgeryParams, rng: Rng): GrayImage;
}
