// CNY figures in the currencies foreign investors think in, and land areas in their units.
// Pure and browser-safe: no database, no formatting (components/costs/money.tsx formats).
//
// Rounding, so a converted figure never looks more precise than a dated admin-set rate is:
// - 100 units or more: whole units (a land total of USD 4,513,889, not ...888.89);
// - below 100: two decimals (a price of USD 0.52 per m² stays readable);
// halves round away from zero. The CNY figure itself is never rounded here.

/** 1 international acre in m² (exact by definition: 4,840 yd², 1 yd = 0.9144 m). */
export const ACRE_M2 = 4046.8564224;

export const m2ToAcres = (m2: number): number => m2 / ACRE_M2;

/** Whole units from 100, two decimals below (see above). */
export function roundConverted(amount: number): number {
  if (!Number.isFinite(amount)) return NaN;
  const sign = amount < 0 ? -1 : 1;
  const a = Math.abs(amount);
  // EPSILON: 1.005 is 1.00499999... in binary and would round down to 1.00.
  const r = a >= 100 ? Math.round(a) : Math.round((a + Number.EPSILON) * 100) / 100;
  return sign * r;
}

/** Decimals a converted amount is shown with: 0 from 100, 2 below. */
export const convertedDecimals = (rounded: number): 0 | 2 => (Math.abs(rounded) >= 100 ? 0 : 2);

/**
 * `cny` yuan in a currency whose rate is `cnyPerUnit` yuan per unit, rounded as above.
 * A rate that is not a positive number gives null (nothing converted is better than a wrong figure).
 */
export function convertCny(cny: number, cnyPerUnit: number): number | null {
  if (!Number.isFinite(cny) || !Number.isFinite(cnyPerUnit) || cnyPerUnit <= 0) return null;
  return roundConverted(cny / cnyPerUnit);
}
