// Zod issues -> { field: messageKey }: the first problem of each top-level field, what a form
// shows next to it. Shared by the browser (before sending) and the action wrapper (after).
import type { z } from "zod";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
