/** Colours and type. Ratings run blue (real) to orange (fake): distinguishable with the common colour-vision deficiencies. */
export const THEME = {
  font: '"DejaVu Sans", "Liberation Sans", Arial, sans-serif',
  /** For tables (the pack build report): columns line up only in a fixed-width face. */
  monoFont: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
  bg: 0x0d1117,
  panel: 0x161b22,
  panelEdge: 0x30363d,
  text: '#e6edf3',
  dim: '#9da7b3',
  accent: 0x58a6ff,
  accentText: '#58a6ff',
  warn: 0xf85149,
  warnText: '#ff7b72',
  good: '#56d364',
  bad: '#ff7b72',
  ratingColours: [0x1f6feb, 0x388bfd, 0x79c0ff, 0xffa657, 0xf0883e, 0xdb6d28] as const,
} as const;
