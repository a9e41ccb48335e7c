/**
 * A case's header as the reader sees it in the header panel: DICOM attributes by tag (DICOM PS3.6 data dictionary),
 * already de-identified. Pure data, so metadata tells (M2 generator-native format, M3 inconsistent header) can be
 * taught beside the pixel tells.
 */
export interface HeaderField {
  /** "(gggg,eeee)". */
  readonly tag: string;
  readonly name: string;
  readonly value: string;
}

export type CaseHeader = readonly HeaderField[];

export function headerValue(h: CaseHeader, name: string): string | undefined {
  return h.find((f) => f.name === name)?.value;
}

/** Returns a header with `name` set (added at the end when absent) or removed when value is null. */
export function withField(h: CaseHeader, tag: string, name: string, value: string | null): CaseHeader {
  const rest = h.filter((f) => f.name !== name);
  if (value === null) return rest;
  const i = h.findIndex((f) => f.name === name);
  const field = { tag, name, value };
  if (i < 0) return [...rest, field];
  return [...h.slice(0, i), field, ...h.slice(i + 1)];
}
