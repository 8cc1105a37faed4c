// Where a search result leads: its own page and the inquiry form about it. Shared by the
// result cards, the compare page, the block page and the map (a client component).
import { toSearchParams, type LandSearchQuery } from "./schemas";

/** A block page (the block rebuilt from the same filters) or, in the parcels view, the parcel page. */
export function resultHref(locale: string, query: LandSearchQuery, key: string): string {
  if (query.view === "parcels") return `/${locale}/parcels/${encodeURIComponent(key)}`;
  return `/${locale}/blocks/${encodeURIComponent(key)}?${toSearchParams({ ...query, page: 1 }).toString()}`;
}

/** The inquiry form about a block (with its filters, to rebuild it) or about a single parcel. */
export function inquiryHref(locale: string, query: LandSearchQuery, key: string): string {
  if (query.view === "parcels") return `/${locale}/inquiry?parcel=${encodeURIComponent(key)}`;
  return `/${locale}/inquiry?block=${encodeURIComponent(key)}&${toSearchParams({ ...query, page: 1 }).toString()}`;
}
