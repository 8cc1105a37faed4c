// The compare page's table as data: which rows differ (marked in words and a sign, not only by
// colour), where each remove button leads, the one inquiry about everything compared, and the
// location figures of a block. Pure, so it is unit-tested without rendering the page.
import { nearestOfKind, type LogisticsKind, type NearestPoint } from "../location/distance";
import { toSearchParams, type LandSearchQuery } from "./schemas";

export interface CompareTableRow {
  id: string;
  label: string;
  /** one per column; null where the entry is gone under these filters */
  cells: (string | null)[];
  /** a second line per column (the USD/EUR equivalents of a CNY figure); not part of `differs` */
  notes?: (string | null)[];
  differs: boolean;
}

/** Values differ when at least two columns have one and they are not all the same. */
export function valuesDiffer(cells: readonly (string | null)[]): boolean {
  const present = cells.filter((c): c is string => c !== null);
  return present.length >= 2 && new Set(present).size > 1;
}

export function tableRow(id: string, label: string, cells: (string | null)[], notes?: (string | null)[]): CompareTableRow {
  return { id, label, cells, ...(notes ? { notes } : {}), differs: valuesDiffer(cells) };
}

const filtersOf = (query: LandSearchQuery) => toSearchParams({ ...query, page: 1 }).toString();

/** The compare page with `entries` (its filters kept). */
export function compareHref(locale: string, query: LandSearchQuery, entries: string[]): string {
  const params = [filtersOf(query), entries.length ? `compare=${encodeURIComponent(entries.join(","))}` : ""].filter(Boolean).join("&");
  return `/${locale}/compare${params ? `?${params}` : ""}`;
}

/** Where a column's remove button leads: the same page without that entry. */
export function removeHref(locale: string, query: LandSearchQuery, entries: string[], entry: string): string {
  return compareHref(locale, query, entries.filter((e) => e !== entry));
}

/**
 * One inquiry about every entry compared: the inquiry page reads `compare` (the same list, block
 * keys and "p:" parcels) with the filters that formed the blocks.
 */
export function askAllHref(locale: string, query: LandSearchQuery, entries: string[]): string {
  const filters = filtersOf(query);
  return `/${locale}/inquiry?compare=${encodeURIComponent(entries.join(","))}${filters ? `&${filters}` : ""}`;
}

/** The nearest point of `kind` from the middle of a block's bounding box (approximate, as the layer). */
export function nearestFromBox(bbox: readonly [number, number, number, number], kind: LogisticsKind): NearestPoint | null {
  return nearestOfKind({ lng: (bbox[0] + bbox[2]) / 2, lat: (bbox[1] + bbox[3]) / 2 }, kind);
}
