// Park codes are the parks' URLs (/parks/<code>, ?park=<code>), so a code that changes keeps
// working: the old code stays here, pointing at the new one. Pages answer an old code with a
// permanent redirect (308) and the search reads it as the new code, so bookmarks, shared links
// and e-mails sent before the change still land on the park. Migrations rename the stored
// codes (e.g. 20261201210000_daguanghai_code); this table is what outlives them.
// Pure: no database, imported by pages, route handlers and the zod schemas alike.

/** Old park code -> current park code. Never chain: an entry points at a code in use. */
export const PARK_CODE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  // 大广海湾 is Daguanghai in pinyin; the seed first spelled it "Dagwanghai".
  "dagwanghai-bay-economic-zone": "daguanghai-bay-economic-zone",
});

/** The code a park is known by now, when `code` is a retired one; null otherwise. */
export function renamedParkCode(code: string): string | null {
  return Object.hasOwn(PARK_CODE_ALIASES, code) ? PARK_CODE_ALIASES[code]! : null;
}

/** `code` itself, or the code that replaced it. */
export function currentParkCode(code: string): string {
  return renamedParkCode(code) ?? code;
}

/**
 * A URL's query (as searchParamsToObject reads it) with a retired `park` replaced by its
 * current code, every other parameter (repeated ones too) kept in order; null when `park` is
 * not a retired code, i.e. nothing to redirect.
 */
export function queryWithCurrentPark(raw: Record<string, unknown>): URLSearchParams | null {
  const renamed = typeof raw.park === "string" ? renamedParkCode(raw.park) : null;
  if (!renamed) return null;
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of [value].flat()) if (typeof v === "string") out.append(key, key === "park" ? renamed : v);
  return out;
}
