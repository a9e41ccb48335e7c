/**
 * Image ids the game's cornerstone loader understands: `game:<caseId>[:original][:lens=<lensId>]`. Pure.
 * A lens id names a forensic view computed from the case image (noise residual, spectrum, ...).
 */
export const IMAGE_SCHEME = 'game';

export interface ImageRef {
  readonly caseId: string;
  readonly original: boolean;
  readonly lens: string | null;
}

export const caseImageId = (caseId: string, original = false, lens: string | null = null): string =>
  `${IMAGE_SCHEME}:${caseId}${original ? ':original' : ''}${lens ? `:lens=${lens}` : ''}`;

export function parseImageId(imageId: string): ImageRef {
  const m = /^game:(.+?)(:original)?(?::lens=([a-z0-9-]+))?$/.exec(imageId);
  if (!m?.[1]) throw new Error(`parseImageId: "${imageId}" is not a game image id`);
  return { caseId: m[1], original: Boolean(m[2]), lens: m[3] ?? null };
}

/**
 * Whether two image ids show the same case (the fake and its original, or through a lens): only then may a view's
 * zoom and pan carry over. Another case is fitted afresh, as when it was read; a different film's zoom would cut it off.
 */
export function sameCaseImage(a: string | null, b: string): boolean {
  if (a === null) return false;
  return parseImageId(a).caseId === parseImageId(b).caseId;
}
