import type { Rng } from '../domain/rng.js';

/**
 * The cardiac silhouette on a PA film, as a star-shaped outline (radii about a centre) plus its AP depth. The
 * outline runs through anatomical landmarks: right border = right atrium (SVC above it), base on the diaphragm,
 * apex low and to the patient's left, left border = left ventricle then the left atrial appendage and pulmonary
 * trunk below the aortic knob (the cardiac "waist").
 */
export interface HeartShape {
  readonly cx: number;
  readonly cy: number;
  /** Centre depth (mm, anterior +): rotation shears the heart sideways relative to the spine. */
  readonly z: number;
  /** Outline radius (mm) at angle 2*pi*i/n, measured with atan2(dY, dX). */
  readonly radii: Float32Array;
  readonly halfDepth: number;
}

/** Heart of transverse diameter Wh (mm) whose base rests at Y = ybot. */
export function buildHeart(Wh: number, ybot: number, depthScale: number, rng: Rng): HeartShape {
  // Cardiac silhouette from landmarks: right border = right atrium, left border = left atrial appendage and the
  // long convex arc of the left ventricle down to the apex, base resting on the diaphragm.
  const Hh = Wh * (0.74 + 0.1 * rng.next());
  const xr = -Wh * (0.33 + 0.07 * rng.next());
  const j = (): number => 0.025 * Wh * rng.normal();
  const land: [number, number][] = [
    [xr + 0.14 * Wh + j(), ybot - 0.98 * Hh],
    [xr + 0.02 * Wh + j(), ybot - 0.72 * Hh],
    [xr + j(), ybot - 0.42 * Hh],
    [xr + 0.05 * Wh, ybot - 0.08 * Hh],
    [xr + 0.35 * Wh, ybot + 0.04 * Hh],
    [xr + 0.72 * Wh, ybot + 0.02 * Hh],
    [xr + 0.95 * Wh + j(), ybot - 0.12 * Hh],
    [xr + Wh, ybot - 0.34 * Hh],
    [xr + 0.9 * Wh + j(), ybot - 0.62 * Hh],
    [xr + 0.74 * Wh + j(), ybot - 0.84 * Hh],
    [xr + 0.6 * Wh, ybot - 1.04 * Hh],
    [xr + 0.38 * Wh, ybot - 1.08 * Hh],
  ];
  const hcx = xr + 0.5 * Wh;
  const hcy = ybot - 0.5 * Hh;
  const radii = outlineRadii(hcx, hcy, land, 360);
  return { cx: hcx, cy: hcy, z: 35 * depthScale, radii, halfDepth: (68 + 6 * rng.next()) * depthScale };
}

/**
 * Star-shaped outline through landmark points (closed uniform Catmull-Rom spline), returned as radii about
 * (cx, cy) at n uniform angles, for RadialBlob.
 */
function outlineRadii(cx: number, cy: number, pts: readonly (readonly [number, number])[], n: number): Float32Array {
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

