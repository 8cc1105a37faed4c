// The success page's sentence when nothing matched because of the stated load (see
// loadShortfall in lib/inquiry/matching.ts): how many blocks of the size exist and which need
// none of them states, with the figures the investor gave. Pure and browser-safe.
import { formatArea } from "../i18n/format";
import { muToM2 } from "../land/units";
import type { LoadShortfall } from "./matching";

/** A translator scoped to "investor.finder.inquiry". */
export type InquiryTranslator = (key: "noMatchLoad", values: Record<string, string | number>) => string;

const figure = (locale: string, n: number | null) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(n ?? 0);

export function shortfallText(locale: string, t: InquiryTranslator, s: LoadShortfall): string {
  return t("noMatchLoad", {
    sizeCount: s.sizeCount,
    area: formatArea(locale, muToM2(s.landNeededMu)),
    cause: s.cause,
    power: figure(locale, s.powerKva),
    water: figure(locale, s.waterTonsPerDay),
  });
}
