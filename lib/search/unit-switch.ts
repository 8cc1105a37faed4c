// When a visitor changes the area unit of the size filter, the typed range is converted to the
// new unit instead of being read as a different size ("50-80" mu would silently become 50-80
// acres, six times larger). The minimum is rounded down and the maximum up, so the converted
// range never leaves out land the typed one included. Pure: the search form's unit select uses it.
import { fromM2, toM2, type AreaUnit } from "../land/units";

const DECIMALS: Record<AreaUnit, number> = { mu: 2, ha: 2, acre: 2, m2: 0 };

/** The typed figure in `to`, or null when it is not a plain positive number (left as typed). */
export function convertTypedArea(typed: string, from: AreaUnit, to: AreaUnit, bound: "min" | "max"): string | null {
  const s = typed.trim();
  if (!/^\d+(\.\d+)?$/.test(s) || from === to) return null;
  const v = Number(s);
  if (!(v > 0)) return null;
  const scale = 10 ** DECIMALS[to];
  const exact = fromM2(toM2(v, from), to) * scale;
  // 1e-9 absorbs float noise (e.g. 15 mu -> 1.0000000000000002 ha must not round up to 1.01).
  const rounded = bound === "min" ? Math.floor(exact + 1e-9) : Math.ceil(exact - 1e-9);
  const out = Math.max(rounded, 1) / scale;
  return String(Number(out.toFixed(DECIMALS[to])));
}
