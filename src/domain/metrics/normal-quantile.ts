/**
 * Inverse of the standard normal CDF, z(p) = Φ⁻¹(p).
 *
 * Wichura, M. J. (1988) "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics
 * 37(3):477–484, routine PPND16: rational approximations in three regions, relative accuracy about 1e-16 (the same
 * algorithm R's qnorm uses). Chosen over Acklam's algorithm because Acklam's unrefined error (~1.15e-9) would not
 * pass a 1e-9 test without a Newton/Halley step, which needs an erfc we would also have to write.
 */

const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;

// Coefficients for |p - 0.5| <= 0.425 (AS 241, PPND16).
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
] as const;
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
] as const;
// Coefficients for the tails with r = sqrt(-ln(min(p, 1-p))) <= 5.
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
] as const;
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
] as const;
// Coefficients for the far tails, r > 5.
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
] as const;
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
] as const;

/** Horner evaluation of c[0] + c[1] x + ... + c[7] x^7. */
function poly(c: readonly number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + (c[i] as number);
  return s;
}

/** Φ⁻¹(p) for p in [0, 1]; ±Infinity at 0 and 1. Throws on p outside [0, 1] or NaN. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT1) {
    const r = CONST1 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const val = r <= SPLIT2 ? poly(C, r - CONST2) / poly(D, r - CONST2) : poly(E, r - SPLIT2) / poly(F, r - SPLIT2);
  return q < 0 ? -val : val;
}

/** z(0.975), the two-sided 95% normal critical value (1.959963984540054). */
export const Z_95 = normalQuantile(0.975);
