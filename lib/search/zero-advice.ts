// The closing advice of a search that found nothing, in the visitor's language: what to loosen
// (only filters the search set, lib/search/relax.ts looseningsFor), or, with no filter to leave
// out, that nothing is on offer. Blocks or parcels as the view shows them. Pure.
import { looseningsFor, type Relaxation } from "./relax";

/** A translator scoped to "investor.finder.zero". */
export type ZeroTranslator = (key: string, values?: Record<string, string | number>) => string;

export function zeroResultsAdvice(locale: string, t: ZeroTranslator, s: { view: "blocks" | "parcels"; reserved: boolean; relaxations: readonly Relaxation[] }): string {
  if (s.relaxations.length === 0) return t("empty", { view: s.view, reserved: s.reserved ? "yes" : "no" });
  const loosen = looseningsFor(s.relaxations);
  if (loosen.length === 0) return t("noneClear", { view: s.view });
  const list = new Intl.ListFormat(locale === "zh" ? "zh-CN" : "en", { style: "long", type: "disjunction" });
  return t("none", { view: s.view, loosen: list.format(loosen.map((l) => t(`loosen.${l}`))) });
}
