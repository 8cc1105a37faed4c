// The digest a DatabaseUnavailable error carries to the page's error boundary. Next keeps an
// error's own `digest` (it only makes one up when there is none), and in production it is the
// one property of a server error that reaches the browser. Its own file, with no imports, so
// the error page (a client component) can read it without pulling in server code.
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";

/** Seconds a client is asked to wait before retrying (Retry-After on every such 503). */
export const RETRY_AFTER_SECONDS = 5;
