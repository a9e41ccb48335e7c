/**
 * Linear attenuation coefficients in 1/mm at ~60 keV, the effective energy of a filtered 110-125 kVp chest beam
 * behind an anti-scatter grid. Mass attenuation coefficients from NIST XCOM / Hubbell & Seltzer, "Tables of X-Ray
 * Mass Attenuation Coefficients" (NISTIR 5632): water 0.206, ICRU-44 cortical bone 0.315 (rho 1.92), ICRU-44
 * inflated lung 0.205 (rho ~0.26 in vivo), lead 5.02 cm^2/g (rho 11.35). Spongiosa/marrow uses rho ~1.2.
 */
export const MU = {
  water: 0.0206,
  softTissue: 0.021,
  lung: 0.0054,
  cortical: 0.0604,
  marrow: 0.0265,
  air: 0.0,
  fat: 0.0181,
  lead: 5.7,
} as const;

/** Everything is rendered as a delta on a water-equivalent body, so bones add (mu_bone - mu_water). */
export const DELTA = {
  cortical: MU.cortical - MU.water,
  marrow: MU.marrow - MU.water,
  lung: MU.lung - MU.water,
  air: MU.air - MU.water,
  blood: MU.water - MU.lung,
  fat: MU.fat - MU.water,
} as const;
