// Area units used by Chinese land bureaus and by foreign investors. Areas are stored in m²
// everywhere; mu and ha exist only at the edges (display, search filters, seed figures).
// Formatting (rounding, locale, unit labels) belongs to the UI, so this file is numbers only.

/** 1 mu (亩) is defined as 1/15 ha, i.e. 666.67 m² — not a rounded 666.7. */
export const M2_PER_MU = 10000 / 15;
export const M2_PER_HA = 10000;
export const MU_PER_HA = 15;

export const m2ToMu = (m2: number): number => m2 / M2_PER_MU;
// Multiplying by 10000/15 would round twice; dividing by 15 keeps whole-ha inputs exact.
export const muToM2 = (mu: number): number => (mu * M2_PER_HA) / MU_PER_HA;
export const m2ToHa = (m2: number): number => m2 / M2_PER_HA;
export const haToM2 = (ha: number): number => ha * M2_PER_HA;
export const muToHa = (mu: number): number => mu / MU_PER_HA;
export const haToMu = (ha: number): number => ha * MU_PER_HA;

/** The international acre: exactly 4,046.8564224 m² (1959 yard and pound agreement). */
export const M2_PER_ACRE = 4046.8564224;
export const m2ToAcre = (m2: number): number => m2 / M2_PER_ACRE;
export const acreToM2 = (acre: number): number => acre * M2_PER_ACRE;

/** The area units a visitor may choose for the search's size filters and figures. */
export const AREA_UNITS = ["mu", "ha", "m2", "acre"] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];
export const M2_PER_UNIT: Record<AreaUnit, number> = { mu: M2_PER_MU, ha: M2_PER_HA, m2: 1, acre: M2_PER_ACRE };
/** m² of `value` in `unit`; mu goes through muToM2 so whole-ha figures stay exact. */
export const toM2 = (value: number, unit: AreaUnit): number => (unit === "mu" ? muToM2(value) : value * M2_PER_UNIT[unit]);
export const fromM2 = (m2: number, unit: AreaUnit): number => m2 / M2_PER_UNIT[unit];
