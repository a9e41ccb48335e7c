/**
 * Linear attenuation coefficients in 1/mm at ~60 keV, the effective energy of a filtered 110-125 kVp chest beam
 * behind an anti-scatter grid. Mass attenuation coefficients from NIST XCOM / Hubbell and Seltzer, "Tables of X-Ray
 * Mass Attenuation Coefficients" (NISTIR 5632): water 0.206, ICRU-44 adipose 0.193 (rho 0.95), muscle 0.205
 * (rho 1.05), cortical bone 0.315 (rho 1.92), inflated lung 0.205 (rho ~0.26 in vivo), iron 0.96 (rho 7.87),
 * titanium 0.41 (rho 4.5), lead 5.02 cm^2/g (rho 11.35). Spongiosa/marrow uses rho ~1.2; a barium-loaded plastic
 * stripe (radio-opaque line of a tube) ~10 times water.
 */
export const MU = {
  water: 0.0206,
  muscle: 0.0215,
  fat: 0.0183,
  breast: 0.0197,
  lung: 0.0054,
  cortical: 0.0604,
  marrow: 0.0265,
  cartilage: 0.023,
  air: 0.0,
  steel: 0.76,
  titanium: 0.185,
  lead: 5.7,
  bariumStripe: 0.2,
} as const;

/** Everything is rendered as a delta on a water-equivalent body, so bones add (mu_bone - mu_water). */
export const DELTA = {
  cortical: MU.cortical - MU.water,
  marrow: MU.marrow - MU.water,
  lung: MU.lung - MU.water,
  air: MU.air - MU.water,
  blood: MU.water - MU.lung,
  fat: MU.fat - MU.water,
  steel: MU.steel - MU.water,
  titanium: MU.titanium - MU.water,
  stripe: MU.bariumStripe - MU.water,
} as const;
