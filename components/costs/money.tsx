// A CNY figure with what it is in USD and EUR at the dated rate an admin set, wherever the
// investor pages show a converted figure; CNY only when no rate is set. Server component: the
// rates are read once per request (lib/money/rates.ts).
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format";
import { loadLatestRates } from "@/lib/money/rates";
import { convertedText } from "@/lib/money/converted-text";

interface Props {
  cny: number;
  locale: string;
  /** "mu": the figure is per mu (the CNY text says so) */
  per?: "mu";
  testId?: string;
}

export async function Money({ cny, locale, per, testId }: Props) {
  const [t, rates] = await Promise.all([getTranslations("investor.costs"), loadLatestRates()]);
  const cnyText = formatMoney(locale, cny, "CNY");
  const converted = convertedText(t, locale, cny, rates);
  return (
    <span data-testid={testId}>
      <span data-testid="money-cny">{per === "mu" ? t("money.perMu", { amount: cnyText }) : cnyText}</span>
      {converted && (
        <span className="block text-xs text-stone-500" data-testid="money-converted">
          {converted}
        </span>
      )}
    </span>
  );
}
