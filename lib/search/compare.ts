// The comparison list lives in the URL (`compare=KEY1,p:CODE2`), like every other search state.
// An entry remembers whether it was picked as a block (its key) or as a single parcel ("p:"
// + code), so switching the view between blocks and parcels does not change what is compared.
export const MAX_COMPARE = 3;

export interface CompareEntry {
  kind: "block" | "parcel";
  key: string;
}

const PARCEL_PREFIX = "p:";

export function parseCompare(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === "string" ? v.split(",") : []));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v && v.length <= 80))].slice(0, MAX_COMPARE);
}

/** The entry for a result of a search in the given view. */
export function compareEntry(view: "blocks" | "parcels", key: string): string {
  return view === "parcels" ? `${PARCEL_PREFIX}${key}` : key;
}

export function readCompareEntry(entry: string): CompareEntry {
  return entry.startsWith(PARCEL_PREFIX) ? { kind: "parcel", key: entry.slice(PARCEL_PREFIX.length) } : { kind: "block", key: entry };
}

/** The list with `entry` added (oldest dropped past the maximum) or removed if present. */
export function toggleCompare(list: string[], entry: string): string[] {
  if (list.includes(entry)) return list.filter((k) => k !== entry);
  return [...list, entry].slice(-MAX_COMPARE);
}
