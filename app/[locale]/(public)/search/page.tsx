import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { formatArea } from "@/lib/i18n/format";
import { listSearchOptions } from "@/lib/search/options";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, searchParamsToObject, toSearchParams, type LandSearchQuery } from "@/lib/search/schemas";
import { LandMap, type LandMapProps } from "@/components/land-map";
import { env } from "@/lib/env";
import type { PolygonGeometry } from "@/lib/land/geometry";
import { getParcelShapesByCodes } from "@/lib/land/queries";
import type { SearchResult } from "@/lib/search/search";
import { parseCompare } from "@/lib/search/compare";
import { BlockCard, withCompare } from "./block-card";
import { SearchFilters, type FieldErrors } from "./search-filters";

export async function generateMetadata({ params }: PageProps<"/[locale]/search">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "search" });
  return { title: t("title") };
}

export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const raw = searchParamsToObject(await searchParams);
  const parsed = landSearchSchema.safeParse(raw);
  const [t, tc] = await Promise.all([getTranslations("search"), getTranslations("compare")]);
  const options = await listSearchOptions(db());
  const errors: FieldErrors = {};
  let outcome: Awaited<ReturnType<typeof runLandSearch>> | null = null;
  if (parsed.success) {
    outcome = await runLandSearch(db(), parsed.data);
  } else {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }
  const query = parsed.success ? parsed.data : null;
  const compare = parseCompare(raw.compare);
  const mapFeatures = outcome && query ? await resultFeatures(outcome.result, locale, query) : null;
  const parkNames = new Map(options.parks.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameZh]));
  const pageHref = (page: number) => `?${withCompare(toSearchParams({ ...(query as LandSearchQuery), page }), compare)}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-600">{t("lead")}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-[20rem_1fr]">
        <SearchFilters locale={locale} raw={raw} errors={errors} options={options} />
        <section aria-labelledby="results-title" aria-live="polite">
          {!parsed.success && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {t("errorSummary")}
            </p>
          )}
          {outcome && query && (
            <>
              <h2 id="results-title" className="text-lg font-semibold" data-testid="result-count">
                {t(query.view === "parcels" ? "resultCountParcels" : "resultCount", {
                  count: outcome.result.total,
                  area: formatArea(locale, outcome.result.totalAreaM2),
                })}
              </h2>
              {compare.length > 0 && (
                <a
                  href={`/${locale}/compare?${withCompare(toSearchParams({ ...query, page: 1 }), compare)}`}
                  className="mt-3 inline-block rounded-md bg-stone-800 px-3 py-1.5 text-sm text-white"
                  data-testid="compare-bar"
                >
                  {tc("bar", { count: compare.length })}
                </a>
              )}
              {outcome.result.total === 0 && <p className="mt-3 text-stone-600">{t("noResults")}</p>}
              {mapFeatures && mapFeatures.features.length > 0 && (
                <div className="mt-4">
                  <LandMap features={mapFeatures} tileUrl={env().MAP_TILE_URL} label={t("mapLabel")} />
                </div>
              )}
              <ol className="mt-4 space-y-3">
                {outcome.result.results.map((block) => (
                  <BlockCard
                    key={block.key}
                    locale={locale}
                    block={block}
                    parkName={block.parkIds.map((id) => parkNames.get(id) ?? "").join(" / ")}
                    query={query}
                    compare={compare}
                  />
                ))}
              </ol>
              {outcome.result.pageCount > 1 && (
                <nav aria-label={t("page", { page: outcome.result.page, count: outcome.result.pageCount })} className="mt-6 flex items-center justify-between text-sm">
                  {outcome.result.page > 1 ? <a href={pageHref(outcome.result.page - 1)} className="text-brand-700 underline">{t("prev")}</a> : <span />}
                  <span>{t("page", { page: outcome.result.page, count: outcome.result.pageCount })}</span>
                  {outcome.result.page < outcome.result.pageCount ? <a href={pageHref(outcome.result.page + 1)} className="text-brand-700 underline">{t("next")}</a> : <span />}
                </nav>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

// Neighbouring results get different colours so blocks stay tellable apart on the map.
const BLOCK_COLOURS = ["#16a34a", "#0d9488", "#65a30d", "#0891b2", "#15803d", "#4d7c0f"];

async function resultFeatures(result: SearchResult, locale: string, query: LandSearchQuery): Promise<LandMapProps["features"]> {
  const shapes = await getParcelShapesByCodes(db(), result.results.flatMap((b) => b.parcelCodes));
  const blockOf = new Map(result.results.flatMap((b, i) => b.parcelCodes.map((c) => [c, { key: b.key, i }] as const)));
  const filters = toSearchParams({ ...query, page: 1 }).toString();
  return {
    type: "FeatureCollection",
    features: shapes.map((s) => {
      const block = blockOf.get(s.code)!;
      return {
        type: "Feature",
        geometry: s.geometry as unknown as PolygonGeometry,
        properties: {
          code: s.code,
          block: block.key,
          href: query.view === "parcels" ? `/${locale}/parcels/${encodeURIComponent(s.code)}` : `/${locale}/blocks/${encodeURIComponent(block.key)}?${filters}`,
          colour: BLOCK_COLOURS[block.i % BLOCK_COLOURS.length]!,
        },
      };
    }),
  };
}
