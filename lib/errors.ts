// Expected failures carry a code and a message the user may see (a message key where the UI
// translates). Anything else is a bug: logged with a request id, shown as a generic message.
export type ErrorCode = "validation" | "unauthenticated" | "not_found" | "forbidden" | "conflict" | "rate_limited" | "unavailable" | "internal";

export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "internal" | "unavailable">,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** a conflict's current row, for the person to compare with what they typed */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (message = "forbidden") => new AppError("forbidden", message);
export const notFound = (message = "notFound") => new AppError("not_found", message);
export const conflict = (message = "conflict", current?: unknown) => new AppError("conflict", message, undefined, current);
export const rateLimited = (message = "rateLimited") => new AppError("rate_limited", message);
export const validation = (fieldErrors: Record<string, string>, message = "validation") => new AppError("validation", message, fieldErrors);
