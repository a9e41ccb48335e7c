import type { GrayImage } from '../imaging/index.js';

/** Messages to and from the lens worker. The source image is copied in; the lens image is transferred back. */
export interface LensRequest {
  readonly requestId: number;
  readonly lensId: string;
  readonly image: GrayImage;
}

export type LensReply =
  | { readonly requestId: number; readonly ok: true; readonly image: GrayImage; readonly ms: number }
  | { readonly requestId: number; readonly ok: false; readonly error: string };
