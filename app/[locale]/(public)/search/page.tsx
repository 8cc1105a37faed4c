import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { diagnoseEmptySearch, loadSearchOptions, searchLandBlocks } from "@/lib/search/loaders";
import { formatAreaIn } from "@/lib/search/area-display";
import { landSearchSchema, searchParamsToObject, toSearchParams, type LandSearchQuery } from "@/lib/search/schemas";
import { LazyLandMap } from "@/components/lazy-land-map";
import { MapLegend } from "@/components/map-legend";
import { BLOCK_COLOURS, OTHER_RESULT_COLOUR } from "@/lib/map/colours";
import { blockPopups } from "@/lib/map/popups";
import { pagePoints } from "@/lib/map/page-points";
import { env } from "@/lib/env";
import { queryWithCurrentPark } from "@/lib/parks/code-aliases";
import { unionBBoxes } from "@/lib/land/geometry";
import { MAX_COMPARE, readCompareList } from "@/lib/search/compare";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { BlockCard, withCompare } from "./block-card";
import { SearchFilters } from "./search-filters";
import { ZeroResults } from "./zero-results";
import { SaveSearchForm } from "../alerts/save-search-form";
import { RatesFootnote } from "@/components/costs/rates-footnote";

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
  // A retired park code (lib/parks/code-aliases.ts) moves for good to the same search under the
  // park's current code; every other parameter stays as it was.
  const renamed = queryWithCurrentPark(raw);
  if (renamed) permanentRedirect(`/${locale}/search?${renamed.toString()}`);
  const parsed = landSearchSchema.safeParse(raw);
  const [t, tc, tm] = await Promise.all([getTranslations("search"), getTranslations("compare"), getTranslations("map")]);
  const options = await loadSearchOptions();
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const outcome = parsed.success ? await searchLandBlocks(parsed.data) : null;
  const query = parsed.success ? parsed.data : null;
  const relaxed = outcome && query && outcome.result.total === 0 ? await diagnoseEmptySearch(query) : [];
  const tf = await getTranslations("investor.finder");
  const { entries: compare, overflow: compareOverflow } = readCompareList(raw.compare);
  const parkNames = new Map(options.parks.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameZh]));
  const pageHref = (page: number) => `?${withCompare(toSearchParams({ ...(query as LandSearchQuery), page }), compare)}`;
  const filters = (
    <div className="lg:col-start-1 lg:row-start-1">
      <SearchFilters locale={locale} raw={raw} errors={errors} options={options} />
    </div>
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-600">{t("lead")}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-[20rem_1fr]">
        {/* The results come first in the page (what a phone shows first and a screen reader
            reads first), the filters after them, one link away; on a wide screen the grid puts
            the filters in the left column. A filter that needs correcting comes first. */}
        {!parsed.success && filters}
        <section aria-labelledby={outcome ? "results-title" : undefined} className="lg:col-start-2 lg:row-start-1">
          {parsed.success && (
            <a href="#filters" className="mb-3 inline-block text-sm text-brand-700 underline lg:sr-only lg:focus:not-sr-only">
              {t("refine")}
            </a>
          )}
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
                  area: formatAreaIn(locale, outcome.result.totalAreaM2, query.unit),
                })}
              </h2>
              {outcome.result.partialCount > 0 && (
                <p className="mt-1 text-sm text-amber-800" data-testid="partial-count">{tf("card.partialCount", { count: outcome.result.partialCount })}</p>
              )}
              {compare.length > 0 && (
                <a
                  href={`/${locale}/compare?${withCompare(toSearchParams({ ...query, page: 1 }), compare)}`}
                  className="mt-3 inline-block rounded-md bg-stone-800 px-3 py-1.5 text-sm text-white"
                  data-testid="compare-bar"
                >
                  {tc("bar", { count: compare.length })} ({tc("limit", { count: compare.length, max: MAX_COMPARE })})
                </a>
              )}
              {compareOverflow.length > 0 && (
                <p role="status" className="mt-2 text-sm text-amber-800" data-testid="compare-overflow">
                  {tc("overflow", { max: MAX_COMPARE, keys: compareOverflow.join(", ") })}
                </p>
              )}
              {outcome.result.total > 0 && (
                <p className="mt-2 text-sm" data-testid="result-download">
                  {t("download")}{" "}
                  <a className="underline" href={`/api/land/export?${toSearchParams({ ...query, page: 1 }).toString()}&format=geojson`}>GeoJSON</a>
                  {" · "}
                  <a className="underline" href={`/api/land/export?${toSearchParams({ ...query, page: 1 }).toString()}&format=csv`}>CSV</a>
                </p>
              )}
              {outcome.result.total === 0 && <ZeroResults locale={locale} relaxations={relaxed} view={query.view} reserved={query.reserved} />}
              {outcome.result.total > 0 && (
                <div className="mt-4">
                  <LazyLandMap
                    data={pagePoints(outcome.result.results, String(outcome.revision))}
                    tiles={`/api/land/tiles/{z}/{x}/{y}?${toSearchParams({ ...query, page: outcome.result.page }).toString()}&rev=${outcome.revision}`}
                    variant="results"
                    fitTo={unionBBoxes(outcome.result.results.map((b) => b.bbox))}
                    links={{ to: query.view, query: toSearchParams({ ...query, page: 1 }).toString() }}
                    tileUrl={env().MAP_TILE_URL}
                    label={t("mapLabel")}
                    popups={blockPopups(locale, outcome.result.results, parkNames)}
                    draw
                  />
                  <MapLegend
                    title={tm("legendTitle")}
                    items={[
                      { colour: BLOCK_COLOURS[0]!, label: tm(query.view === "parcels" ? "pageParcels" : "pageBlocks") },
                      { colour: OTHER_RESULT_COLOUR, label: tm(query.view === "parcels" ? "otherParcels" : "otherBlocks") },
                    ]}
                    note={tm("illustrative")}
                  />
                </div>
              )}
              <ol className="mt-4 space-y-3">
                {outcome.result.results.map((block, i) => (
                  <BlockCard
                    number={i + 1}
                    key={block.key}
                    locale={locale}
                    block={block}
                    parkName={block.parkIds.map((id) => parkNames.get(id) ?? "").join(" / ")}
                    query={query}
                    compare={compare}
                  />
                ))}
              </ol>
              {outcome.result.total > 0 && <RatesFootnote locale={locale} />}
              {outcome.result.pageCount > 1 && (
                <nav aria-label={t("page", { page: outcome.result.page, count: outcome.result.pageCount })} className="mt-6 flex items-center justify-between text-sm">
                  {outcome.result.page > 1 ? <a href={pageHref(outcome.result.page - 1)} className="text-brand-700 underline">{t("prev")}</a> : <span />}
                  <span>{t("page", { page: outcome.result.page, count: outcome.result.pageCount })}</span>
                  {outcome.result.page < outcome.result.pageCount ? <a href={pageHref(outcome.result.page + 1)} className="text-brand-700 underline">{t("next")}</a> : <span />}
                </nav>
              )}
              <SaveSearchForm locale={locale === "en" ? "en" : "zh"} query={toSearchParams({ ...query, page: 1 }).toString()} />
            </>
          )}
        </section>
        {parsed.success && filters}
      </div>
    </div>
  );
}
