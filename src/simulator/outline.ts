/**
 * Star-shaped outline through landmark points (closed uniform Catmull-Rom spline), returned as radii about
 * (cx, cy) at n uniform angles, for RadialBlob.
 */
export function outlineRadii(cx: number, cy: number, pts: readonly (readonly [number, number])[], n: number): Float32Array {
  const dense: { th: number; r: number }[] = [];
  const m = pts.length;
  for (let i = 0; i < m; i++) {
    const p0 = pts[(i - 1 + m) % m] as readonly [number, number];
    const p1 = pts[i] as readonly [number, number];
    const p2 = pts[(i + 1) % m] as readonly [number, number];
    const p3 = pts[(i + 2) % m] as readonly [number, number];
    for (let k = 0; k < 24; k++) {
      const t = k / 24;
      const t2 = t * t;
      const t3 = t2 * t;
      const cr = (a: number, b: number, c: number, d: number): number =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      const x = cr(p0[0], p1[0], p2[0], p3[0]) - cx;
      const y = cr(p0[1], p1[1], p2[1], p3[1]) - cy;
      let th = Math.atan2(y, x);
      if (th < 0) th += 2 * Math.PI;
      dense.push({ th, r: Math.hypot(x, y) });
    }
  }
  dense.sort((a, b) => a.th - b.th);
  const out = new Float32Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const th = (2 * Math.PI * i) / n;
    while (j < dense.length && (dense[j] as { th: number }).th < th) j++;
    const a = dense[(j - 1 + dense.length) % dense.length] as { th: number; r: number };
    const b = dense[j % dense.length] as { th: number; r: number };
    let span = b.th - a.th;
    if (span <= 0) span += 2 * Math.PI;
    let d = th - a.th;
    if (d < 0) d += 2 * Math.PI;
    out[i] = a.r + ((b.r - a.r) * d) / span;
  }
  return out;
}

