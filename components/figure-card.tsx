// One published figure with its source: the same card on the home page and the park pages,
// so every figure is cited the same way (publisher, date, article title).
import { getTranslations } from "next-intl/server";
import { formatFigure } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import type { FigureDto } from "@/lib/parks/queries";

export async function FigureCard({ locale, figure: f, testId }: { locale: string; figure: FigureDto; testId?: string }) {
  const t = await getTranslations("home");
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4" data-testid={testId}>
      <p className="text-2xl font-semibold text-brand-700">{formatFigure(locale, f.value, f.unit)}</p>
      <p className="mt-1 text-sm text-stone-700">
        {pick(locale, f.labelZh, f.labelEn)}
        {f.asOf ? ` (${f.asOf})` : ""}
      </p>
      <p className="mt-2 text-xs text-stone-500">
        {t("figuresSource", { source: `${f.source.publisher}, ${f.source.publishedOn} · ${pick(locale, f.source.titleZh, f.source.titleEn)}` })}
      </p>
    </li>
  );
}
