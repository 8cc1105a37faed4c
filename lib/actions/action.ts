// The one wrapper every server action goes through: (session -> permission) -> safeParse ->
// handler -> error mapping, always returning a plain result object, never throwing to the UI.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError, type ErrorCode } from "../errors";
import { fieldErrorsOf } from "../validation/field-errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: Record<string, string>; requestId?: string } };

export function defineAction<S extends z.ZodType, T>(config: {
  name: string;
  schema: S;
  /** Public actions (investor inquiry) say so explicitly; staff actions name a permission. */
  access: "public";
  handler: (input: z.output<S>) => Promise<T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = config.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: "validation", message: "validation", fieldErrors: fieldErrorsOf(parsed.error) } };
    }
    try {
      return { ok: true, data: await config.handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
      }
      // Not a bug: the database did not answer in time. Nothing was written (one transaction),
      // and the visitor is told it is brief and to try again, as the pages say with their 503.
      if (isDatabaseUnavailable(error)) return { ok: false, error: { code: "unavailable", message: "unavailable" } };
      const requestId = randomUUID();
      console.error(`[${requestId}] action ${config.name} failed`, error);
      return { ok: false, error: { code: "internal", message: "internal", requestId } };
    }
  };
}
