// The comparison list lives in the URL (`compare=KEY1,p:CODE2`), like every other search state.
// An entry remembers whether it was picked as a block (its key) or as a single parcel ("p:"
// + code), so switching the view between blocks and parcels does not change what is compared.
export const MAX_COMPARE = 3;

export interface CompareEntry {
  kind: "block" | "parcel";
  key: string;
}

const PARCEL_PREFIX = "p:";

// A hand-edited URL may list more; past this many the rest is not even named back (a URL is
// not a place to store a list of hundreds).
const MAX_LISTED = 20;

export interface CompareList {
  /** the entries compared, at most MAX_COMPARE, in the order they were added */
  entries: string[];
  /** entries past the limit (only from a hand-edited URL): named to the visitor, never compared silently or lost */
  overflow: string[];
}

export function readCompareList(raw: unknown): CompareList {
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === "string" ? v.split(",") : []));
  const all = [...new Set(values.map((v) => v.trim()).filter((v) => v && v.length <= 80))].slice(0, MAX_LISTED);
  return { entries: all.slice(0, MAX_COMPARE), overflow: all.slice(MAX_COMPARE) };
}

/** The entries compared (at most MAX_COMPARE). */
export function parseCompare(raw: unknown): string[] {
  return readCompareList(raw).entries;
}

/** The entry for a result of a search in the given view. */
export function compareEntry(view: "blocks" | "parcels", key: string): string {
  return view === "parcels" ? `${PARCEL_PREFIX}${key}` : key;
}

export function readCompareEntry(entry: string): CompareEntry {
  return entry.startsWith(PARCEL_PREFIX) ? { kind: "parcel", key: entry.slice(PARCEL_PREFIX.length) } : { kind: "block", key: entry };
}

/** Whether `entry` can be added: a full list takes nothing more until one is removed. */
export function canAddToCompare(list: string[], entry: string): boolean {
  return !list.includes(entry) && list.length < MAX_COMPARE;
}

/**
 * The list with `entry` removed if present, else added. A full list is returned unchanged:
 * dropping the oldest silently lost a pick the visitor had made; the page says the limit
 * instead (canAddToCompare).
 */
export function toggleCompare(list: string[], entry: string): string[] {
  if (list.includes(entry)) return list.filter((k) => k !== entry);
  return list.length < MAX_COMPARE ? [...list, entry] : list;
}
