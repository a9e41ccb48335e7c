/**
 * Smooth 1-D profiles through knots (anatomical outlines are specified as a few measured points). Monotone cubic
 * Hermite interpolation (F. N. Fritsch & R. E. Carlson, SIAM J. Numer. Anal. 17(2), 1980) never overshoots, so a
 * width profile cannot bulge past its knots; outside the knot range the end values hold.
 */
export type Knot = readonly [number, number];

export function monotoneCurve(knots: readonly Knot[]): (x: number) => number {
  const pts = [...knots].sort((a, b) => a[0] - b[0]);
  const n = pts.length;
  if (n === 0) throw new Error('monotoneCurve: no knots');
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const sec: number[] = [];
  for (let i = 0; i + 1 < n; i++) sec.push(((ys[i + 1] as number) - (ys[i] as number)) / ((xs[i + 1] as number) - (xs[i] as number)));
  const m: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    if (i === 0) m[i] = sec[0] ?? 0;
    else if (i === n - 1) m[i] = sec[n - 2] ?? 0;
    else {
      const a = sec[i - 1] as number;
      const b = sec[i] as number;
      m[i] = a * b <= 0 ? 0 : (a + b) / 2;
    }
  }
  for (let i = 0; i + 1 < n; i++) {
    const d = sec[i] as number;
    if (d === 0) {
      m[i] = 0;
      m[i + 1] = 0;
      continue;
    }
    const a = (m[i] as number) / d;
    const b = (m[i + 1] as number) / d;
    const s = a * a + b * b;
    if (s > 9) {
      const t = 3 / Math.sqrt(s);
      m[i] = t * a * d;
      m[i + 1] = t * b * d;
    }
  }
  return (x: number): number => {
    if (x <= (xs[0] as number)) return ys[0] as number;
    if (x >= (xs[n - 1] as number)) return ys[n - 1] as number;
    let i = 0;
    while (x > (xs[i + 1] as number)) i++;
    const x0 = xs[i] as number;
    const h = (xs[i + 1] as number) - x0;
    const t = (x - x0) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * (ys[i] as number) +
      (t3 - 2 * t2 + t) * h * (m[i] as number) +
      (-2 * t3 + 3 * t2) * (ys[i + 1] as number) +
      (t3 - t2) * h * (m[i + 1] as number)
    );
  };
}

/** Tabulate f on [x0, x1] at `step` for fast repeated lookups with linear interpolation. */
export function tabulate(f: (x: number) => number, x0: number, x1: number, step: number): (x: number) => number {
  const n = Math.max(2, Math.ceil((x1 - x0) / step) + 1);
  const tab = new Float64Array(n);
  for (let i = 0; i < n; i++) tab[i] = f(x0 + i * step);
  return (x: number): number => {
    const t = (x - x0) / step;
    if (t <= 0) return tab[0] as number;
    if (t >= n - 1) return tab[n - 1] as number;
    const i = Math.floor(t);
    const f0 = t - i;
    return (tab[i] as number) * (1 - f0) + (tab[i + 1] as number) * f0;
  };
}
