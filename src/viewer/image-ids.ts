/** Image ids the game's cornerstone loader understands: `game:<caseId>` or `game:<caseId>:original`. Pure. */
export const IMAGE_SCHEME = 'game';

export const caseImageId = (caseId: string, original = false): string =>
  `${IMAGE_SCHEME}:${caseId}${original ? ':original' : ''}`;

export function parseImageId(imageId: string): { caseId: string; original: boolean } {
  const m = /^game:(.+?)(:original)?$/.exec(imageId);
  if (!m || !m[1]) throw new Error(`parseImageId: "${imageId}" is not a game image id`);
  return { caseId: m[1], original: Boolean(m[2]) };
}
