// The comparison list lives in the URL (`compare=KEY1,KEY2`), like every other search state.
export const MAX_COMPARE = 3;

export function parseCompare(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === "string" ? v.split(",") : []));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v && v.length <= 80))].slice(0, MAX_COMPARE);
}

/** The list with `key` added (oldest dropped past the maximum) or removed if present. */
export function toggleCompare(list: string[], key: string): string[] {
  if (list.includes(key)) return list.filter((k) => k !== key);
  return [...list, key].slice(-MAX_COMPARE);
}
