// The saved-search forms: one schema validates the form in the browser and the action on the
// server. Messages are keys of messages/*.json "validation" (lib/validation/messages.ts).
import { z } from "zod";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "../search/schemas";
import { blankToUndefined, fields, optionalText, requiredChoice, requiredText } from "../validation/fields";

const EMAIL = z.email();
/** Longest query string kept: the search page's longest URL is far shorter. */
export const MAX_QUERY_LENGTH = 2000;

/**
 * The search as it is stored and re-run: parsed by the search's own schema and written back by
 * its own toSearchParams, without the page (an alert is about the whole result, not page 3).
 * Two spellings of one search (`ready=gas,power` and `ready=gas&ready=power`, defaults written
 * out or not) are then one string. Null when the search's schema refuses the query.
 */
export function canonicalSearchQuery(raw: string): string | null {
  const parsed = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(raw.replace(/^\?/, ""))));
  if (!parsed.success) return null;
  return toSearchParams({ ...parsed.data, page: 1 }).toString();
}

export const saveSearchSchema = fields({
  locale: requiredChoice(["zh", "en"] as const),
  email: requiredText(1, 200, (s) => (EMAIL.safeParse(s).success ? null : "email")),
  /** the search page's query string; blank is "every available block" */
  query: optionalText(MAX_QUERY_LENGTH, (s) => (canonicalSearchQuery(s) === null ? "invalid" : null)),
  /** honeypot: hidden from people, filled by bots */
  website: z.preprocess(blankToUndefined, z.unknown().optional()),
})
  // As the inquiry's: a filled honeypot is refused as a whole, naming no field.
  .refine((v) => v.website === undefined, { error: "refused" })
  .transform((v) => ({ locale: v.locale, email: v.email, query: canonicalSearchQuery(v.query ?? "")! }));

export type SaveSearchInput = z.input<typeof saveSearchSchema>;
export type SaveSearch = z.output<typeof saveSearchSchema>;

/** A link's token as the pages post it back (checked for shape again where it is looked up). */
export const linkTokenSchema = fields({ token: requiredText(1, 100) });
