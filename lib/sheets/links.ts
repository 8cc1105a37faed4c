// Where a data sheet is downloaded from. A block's carries the search query that formed it.
import { toSearchParams, type LandSearchQuery } from "../search/schemas";

export function blockSheetHref(locale: string, key: string, query: LandSearchQuery): string {
  const qs = toSearchParams({ ...query, page: 1 }).toString();
  return `/${locale}/blocks/${encodeURIComponent(key)}/sheet${qs ? `?${qs}` : ""}`;
}

export const parcelSheetHref = (locale: string, code: string) => `/${locale}/parcels/${encodeURIComponent(code)}/sheet`;
export const parkSheetHref = (locale: string, code: string) => `/${locale}/parks/${encodeURIComponent(code)}/sheet`;
