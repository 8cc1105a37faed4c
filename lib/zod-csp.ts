// zod compiles object parsers with `new Function` when it may, and probes for that with a
// caught `new Function("")`. Under the portal's CSP (no 'unsafe-eval', lib/http/csp.ts) the
// probe is still reported as a violation in the browser. Imported first by client code that
// parses with zod; on the server it only skips a speed-up.
import { config } from "zod/v4/core";

config({ jitless: true });
