import { getTranslations } from "next-intl/server";
import { formatFigure } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import type { FigureDto } from "@/lib/parks/queries";

export async function HeadlineFigures({ locale, figures }: { locale: string; figures: FigureDto[] }) {
  const t = await getTranslations("home");
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="figures-title" className="mx-auto max-w-6xl px-4 pt-10">
      <h2 id="figures-title" className="text-xl font-semibold">
        {t("figuresTitle")}
      </h2>
      <ul className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <li key={f.key} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="headline-figure">
            <p className="text-2xl font-semibold text-brand-700">{formatFigure(locale, f.value, f.unit)}</p>
            <p className="mt-1 text-sm text-stone-700">
              {pick(locale, f.labelZh, f.labelEn)}
              {f.asOf ? ` (${f.asOf})` : ""}
            </p>
            <p className="mt-2 text-xs text-stone-500">
              {t("figuresSource", {
                source: `${f.source.publisher}, ${f.source.publishedOn} · ${pick(locale, f.source.titleZh, f.source.titleEn)}`,
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
