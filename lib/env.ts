// The one place that reads process.env: every setting is parsed and checked here, so a bad
// value fails at start-up with a message naming the variable instead of deep inside a request.
import { z } from "zod";
import { blankToUndefined } from "./validation/fields";

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const millis = (fallback: number) => z.coerce.number().int().min(100).max(600_000).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** External PostgreSQL. When absent, scripts/serve.ts starts the embedded server. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  EMBEDDED_PG_PORT: port(54329),
  /**
   * Longest wait for a database connection (opening one, or a free one from the pool). A
   * database that is stopped, frozen or unreachable becomes an error (503) after this, not a hang.
   */
  DB_CONNECT_TIMEOUT_MS: millis(3000),
  /**
   * Longest a statement may run: the server cancels it (statement_timeout) and, for a server
   * that does not answer at all, the client gives up a second later (query_timeout).
   */
  DB_STATEMENT_TIMEOUT_MS: millis(5000),
  PORT: port(3000),
  /**
   * Memory (MB) of the portal server's page cache (lib/http/page-cache/): the public pages'
   * rendered HTML, kept while the public revision stays put. 0 turns it off.
   */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** next-auth signing secret; required in production, a fixed dev value otherwise. */
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  /** Optional raster base-map tiles ({z}/{x}/{y}); the map works without it. */
  MAP_TILE_URL: optionalString,
  /**
   * Outgoing mail server, e.g. smtp://user:pass@mail.example.cn:587 or smtps://...:465. When
   * absent, e-mails (inquiry confirmations) wait in the outbox table until it is set.
   */
  MAIL_SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional()),
  /** Where replies to the portal's e-mails go (the investment-promotion office's mailbox). */
  MAIL_REPLY_TO: optionalString.pipe(z.email("must be an e-mail address").optional()),
  /** Sender of the portal's e-mails. */
  MAIL_FROM: z.string().trim().min(3).default("Jiangmen Investment Portal <no-reply@invest.jiangmen.example>"),
  /**
   * How many reverse proxies of ours stand in front of the portal, each appending the address
   * it saw to X-Forwarded-For. 0 (default, no proxy): the connection's own address; the header
   * is ignored. N: the N-th entry from the right (lib/http/client-address.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxies (0, 1, 2, ...)" })
    .int({ error: "must be a whole number of proxies (0, 1, 2, ...)" })
    .min(0, { error: "must be 0 or more" })
    .max(10, { error: "must be at most 10" })
    .default(0),
  /** Salt for hashing inquiry IPs (rate limiting without keeping the address). */
  IP_HASH_SALT: optionalString,
  /** Test database (vitest); when absent the tests start their own embedded server. */
  TEST_DATABASE_URL: optionalString,
  /** Set by CI: browser tests fail instead of skipping when Chromium is missing. */
  CI: optionalString,
  /**
   * Working days (China's calendar, lib/calendar) an officer has to make first contact with a
   * new inquiry: the lead's firstContactDueAt. The investor is promised an answer within two.
   */
  LEAD_FIRST_CONTACT_WORKING_DAYS: z.coerce
    .number({ error: "must be a whole number of working days (1 to 10)" })
    .int({ error: "must be a whole number of working days (1 to 10)" })
    .min(1, { error: "must be at least 1" })
    .max(10, { error: "must be at most 10" })
    .default(1),
  /**
   * Days after which a parcel not checked on site is due again: it joins its park's "to verify"
   * queue on the staff side (the investor pages show its "verified on" date either way).
   */
  LAND_VERIFY_AFTER_DAYS: z.coerce
    .number({ error: "must be a whole number of days (1 to 3650)" })
    .int({ error: "must be a whole number of days (1 to 3650)" })
    .min(1, { error: "must be at least 1" })
    .max(3650, { error: "must be at most 3650" })
    .default(180),
  /**
   * End-to-end tests (issue #9): the Chromium to drive, or "none" to run as if none were
   * installed (the HTTP-only checks still run; the browser tests skip, or fail when CI is set).
   * Unset: Debian's /usr/bin/chromium and the usual other places.
   */
  CHROMIUM_PATH: optionalString,
});

export type Env = z.infer<typeof schema>;

/** Settings a production deployment (docker-compose.yml) must pass to the app. */
export const PRODUCTION_ENV_KEYS = ["NODE_ENV", "DATABASE_URL", "PORT", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "IP_HASH_SALT"] as const;

/** Every setting the app reads, for documentation and the compose-file test. */
export const ENV_KEYS = Object.keys(schema.shape) as (keyof Env)[];

/** A setting is missing or malformed; the message names it and is meant for the user. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success && result.data.NODE_ENV === "production") {
    for (const key of ["NEXTAUTH_SECRET", "IP_HASH_SALT"] as const) {
      if (!result.data[key]) throw new EnvError(`Invalid environment: ${key} is required in production (a long random string).`);
    }
  }
  if (result.success && result.data.MAIL_SMTP_URL && !result.data.MAIL_REPLY_TO) {
    // The e-mails invite a reply (questions, deletion requests): it must reach a person.
    throw new EnvError("Invalid environment: MAIL_REPLY_TO is required when MAIL_SMTP_URL is set (the office mailbox replies go to).");
  }
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new EnvError(`Invalid environment: ${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Parsed settings of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The portal's public address (NEXTAUTH_URL), for links that leave the site: sitemap, e-mails. */
export function publicBaseUrl(e: Env = env()): string {
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

