// Zod issues -> { field: message }: the one rule used by the search page, the map API, the
// action wrapper and the inquiry form in the browser (so it stays browser-safe). The FIRST
// issue of each top-level field wins: the schemas give their checks in the order a person
// should fix them. Issues of the whole input (no path) are filed under "form".
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: Pick<z.ZodError, "issues">): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
