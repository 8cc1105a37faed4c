// Plain JavaScript so that next.config.js and the portal's HTTP server read the same limit:
// the server refuses a larger server-action body with 413 before Next reads it (Next itself
// logs 413 but answers 500).

/** `experimental.serverActions.bodySizeLimit` in Next's notation (Next's own default). */
export const SERVER_ACTION_BODY_LIMIT = "1mb";

/** The same limit in bytes, as Next parses it (1 MiB). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
