// Which allotment condition applies where: a zone's stated field overrides its park's, field by
// field; a field neither states is "not stated". Pure (unit-tested). Each value says where it
// comes from, so the page can show "zone" or "park" beside it.
import { TERMS_KEYS, type TermsValues } from "./terms-schemas";

export type TermsSource = "zone" | "park";
export type ResolvedField<T> = { value: T; from: TermsSource } | null;
export type ResolvedTerms = { [K in keyof TermsValues]: ResolvedField<NonNullable<TermsValues[K]>> };

const stated = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === "string" && v.trim() === "");

export function resolveTerms(park: TermsValues | null, zone: TermsValues | null): ResolvedTerms {
  const out: Record<string, ResolvedField<unknown>> = {};
  for (const key of TERMS_KEYS) {
    // Sources describe the figures, so they are not overridden: both owners' are kept (zone's first).
    if (key === "sources") {
      const both = [...new Set([...(zone?.sources ?? []), ...(park?.sources ?? [])])];
      out[key] = both.length ? { value: both, from: zone?.sources.length ? "zone" : "park" } : null;
      continue;
    }
    const z = zone?.[key], p = park?.[key];
    out[key] = stated(z) ? { value: z, from: "zone" } : stated(p) ? { value: p, from: "park" } : null;
  }
  return out as ResolvedTerms;
}

/** True when nothing at all is stated (the page then says so instead of an empty table). */
export const nothingStated = (r: ResolvedTerms) => TERMS_KEYS.every((k) => r[k] === null);
