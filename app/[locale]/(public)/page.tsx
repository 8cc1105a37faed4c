import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadHomePage } from "@/lib/home/loaders";
import { HeadlineFigures } from "./headline-figures";
import { LiveLandFigures } from "./live-land-figures";
import { ParkDirectory } from "./park-directory";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  // Land status changes all day: always read the database, never a build-time snapshot.
  await connection();
  const [data, t] = await Promise.all([loadHomePage(), getTranslations("home")]);
  return (
    <>
      <section className="bg-gradient-to-br from-brand-900 to-brand-700 text-white">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
          <p className="text-sm uppercase tracking-wide text-brand-100">{t("eyebrow")}</p>
          <h1 className="mt-2 text-4xl font-bold sm:text-5xl">{t("title")}</h1>
          <p className="mt-4 max-w-3xl text-base text-brand-50 sm:text-lg">{t("lead")}</p>
          {/* The land search is what the portal is for: it is the first call to action. */}
          <div className="mt-6 flex flex-wrap gap-3">
            <a href={`/${locale}/search`} className="inline-block rounded-md bg-white px-4 py-2 font-medium text-brand-900 hover:bg-brand-50" data-testid="cta-search">
              {t("ctaSearch")}
            </a>
            <a href="#parks" className="inline-block rounded-md border border-white/70 px-4 py-2 font-medium text-white hover:bg-white/10">
              {t("ctaParks")}
            </a>
          </div>
        </div>
      </section>
      <LiveLandFigures locale={locale} land={data.land} />
      <HeadlineFigures locale={locale} figures={data.figures} />
      <ParkDirectory locale={locale} parks={data.parks} />
    </>
  );
}
