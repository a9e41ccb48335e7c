/** Branded ids: mixing them up is a type error (excalidraw's approach). */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type CaseId = Brand<string, 'CaseId'>;

export const caseId = (s: string): CaseId => s as CaseId;

/** A point in image pixel coordinates (column, row), origin at the top-left pixel corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Six-point authenticity scale: 1 definitely real ... 6 definitely fake. */
export type Rating = 1 | 2 | 3 | 4 | 5 | 6;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5, 6] as const;

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  1: 'Definitely real',
  2: 'Probably real',
  3: 'Possibly real',
  4: 'Possibly fake',
  5: 'Probably fake',
  6: 'Definitely fake',
};

export const isRating = (n: unknown): n is Rating =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 6;

/** A rating of 4 or more is a "fake" call; positive class = synthetic or tampered. */
export const callsFake = (r: Rating): boolean => r >= 4;
