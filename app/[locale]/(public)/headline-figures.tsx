import { getTranslations } from "next-intl/server";
import { FigureCard } from "@/components/figure-card";
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
          <FigureCard key={f.key} locale={locale} figure={f} testId="headline-figure" />
        ))}
      </ul>
    </section>
  );
}
