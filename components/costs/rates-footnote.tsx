// The line under a list or table of compact converted figures: which rates, set on which day.
// Renders nothing when no rate is set (the figures above are then CNY only). Server component.
import { getTranslations } from "next-intl/server";
import { ratesFootnote, type RatesLike } from "@/lib/money/converted-text";
import { loadLatestRates } from "@/lib/money/loaders";

export async function RatesFootnote({ locale, rates, className = "mt-3 text-xs text-stone-500" }: { locale: string; rates?: RatesLike; className?: string }) {
  const [t, current] = await Promise.all([getTranslations("investor.costs"), rates ? Promise.resolve(rates) : loadLatestRates()]);
  const text = ratesFootnote(t, locale, current);
  return text ? <p className={className} data-testid="rates-footnote">{text}</p> : null;
}
