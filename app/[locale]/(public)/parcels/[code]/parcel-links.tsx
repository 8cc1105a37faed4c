// Where a parcel page leads back to: the contiguous block it belongs to today (under the
// search's default filters: available land), its park, and the search in that park.
import { getTranslations } from "next-intl/server";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { resultHref } from "@/lib/search/links";
import { loadLandBlock } from "@/lib/search/loaders";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";

interface Props {
  locale: string;
  code: string;
  park: { code: string; nameZh: string; nameEn: string };
}

export async function ParcelLinks({ locale, code, park }: Props) {
  const t = await getTranslations("parcel");
  const query = landSearchSchema.parse({});
  // Null when the parcel is not available (sold, reserved...): it belongs to no block then.
  const block = await loadLandBlock(query, code);
  const parkSearch = `/${locale}/search?${toSearchParams({ ...query, park: park.code }).toString()}`;
  return (
    <nav aria-label={t("linksLabel")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="parcel-links">
      {block && block.parcelCount > 1 && (
        <a className="text-brand-700 underline" href={resultHref(locale, query, block.key)} data-testid="parcel-block-link">
          {t("inBlock", { area: formatArea(locale, block.areaM2), count: block.parcelCount })}
        </a>
      )}
      <a className="text-brand-700 underline" href={`/${locale}/parks/${encodeURIComponent(park.code)}`} data-testid="parcel-park-link">
        {pick(locale, park.nameZh, park.nameEn)}
      </a>
      <a className="text-brand-700 underline" href={parkSearch} data-testid="parcel-search-link">{t("searchPark")}</a>
    </nav>
  );
}
