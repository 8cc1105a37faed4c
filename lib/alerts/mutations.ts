// Saving a search (double opt-in), confirming it and unsubscribing. Saving never sends an
// alert: it queues one confirmation e-mail, and the search is live only once the address owner
// opens that link and presses the confirm button (a link scanner's GET confirms nothing). What
// is kept is the address, the language, the search and the bookkeeping of what was reported;
// no name, no network address (the rate limits hold one-way hashes for one window only).
import { createHmac, randomUUID } from "node:crypto";
import { authSecret } from "../auth/session-token";
import type { Db } from "../db/client";
import { AppError, notFound, rateLimited, validation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { addressKey } from "../mail/address";
import { enqueueEmail } from "../mail/outbox";
import { takeRateLimit } from "../rate-limit";
import { UNKNOWN_CLIENT } from "../inquiry/mutations";
import { CONFIRM_EMAIL_KIND, confirmationEmail, confirmUrl, searchUrl } from "./emails";
import { currentMatches, parseStoredQuery } from "./matches";
import type { SaveSearch } from "./schemas";
import { hashLinkToken, looksLikeLinkToken, newLinkToken, unsubscribeToken } from "./tokens";

/** A confirmation link works this long; unconfirmed searches older than this are deleted by the job. */
export const CONFIRM_VALID_DAYS = 7;
/** Saves per network per hour: a person saves a few searches, a script many. */
export const SAVES_PER_NETWORK_PER_HOUR = 10;
/** Confirmation e-mails per address per day: enough for "it went to spam", not a mail bomb. */
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
/** Saved searches one address may hold. */
export const MAX_SEARCHES_PER_ADDRESS = 20;
/** A second save of the same search this soon after the first (a double click) sends nothing new. */
export const RESEND_AFTER_MINUTES = 5;

export type SaveOutcome = { status: "pending" };

type Tx = Prisma.TransactionClient;
const lockKey = (tx: Tx, key: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

/** The per-address limit's key: the address is not kept in the rate-limit table, only a keyed hash. */
const addressBucket = (emailKey: string) => createHmac("sha256", authSecret()).update(`saved-search:${emailKey}`).digest("hex").slice(0, 32);

/**
 * Saves `input` for its address and queues the confirmation e-mail, or says the same without
 * sending anything when the search is already confirmed (the answer tells a stranger typing
 * someone's address nothing about what that person saved).
 */
export async function saveSearch(db: Db, input: SaveSearch, ctx: { ipHash: string | null; now?: Date }): Promise<SaveOutcome> {
  const now = ctx.now ?? new Date();
  // A park or zone the portal does not have (a hand-edited query) would match nothing forever:
  // refused like any other bad filter, before an e-mail is sent about it.
  const q = parseStoredQuery(input.query);
  const [parkKnown, zoneKnown] = await Promise.all([
    q?.park ? db.park.count({ where: { code: q.park } }) : 1,
    q?.zone ? db.zone.count({ where: { code: q.zone } }) : 1,
  ]);
  if (!parkKnown || !zoneKnown) throw validation({ query: "invalid" });
  const emailKey = addressKey(input.email);
  return db.$transaction(
    async (tx) => {
      // Two saves of one search by one address (a double click, two tabs) queue on this lock,
      // so the second sees the first's row instead of creating a twin.
      await lockKey(tx, `saved-search:${emailKey}:${input.query}`);
      const network = { key: `saved-search-net:${ctx.ipHash ?? UNKNOWN_CLIENT}`, windowSeconds: 3600, max: SAVES_PER_NETWORK_PER_HOUR };
      if (!(await takeRateLimit(tx, network, now))) throw rateLimited("rateLimitedNetwork");
      const existing = await tx.savedSearch.findFirst({ where: { emailKey, query: input.query }, select: { id: true, confirmedAt: true } });
      if (existing?.confirmedAt) return { status: "pending" as const };
      if (existing) {
        const recent = await tx.outboxEmail.count({ where: { savedSearchId: existing.id, kind: CONFIRM_EMAIL_KIND, createdAt: { gt: new Date(now.getTime() - RESEND_AFTER_MINUTES * 60_000) } } });
        if (recent > 0) return { status: "pending" as const };
      } else {
        const held = await tx.savedSearch.count({ where: { emailKey } });
        if (held >= MAX_SEARCHES_PER_ADDRESS) throw new AppError("conflict", "tooManySearches");
      }
      const address = { key: `saved-search-address:${addressBucket(emailKey)}`, windowSeconds: 86_400, max: CONFIRMATIONS_PER_ADDRESS_PER_DAY };
      if (!(await takeRateLimit(tx, address, now))) throw rateLimited("rateLimitedAddress");
      const token = newLinkToken();
      const expiresAt = new Date(now.getTime() + CONFIRM_VALID_DAYS * 86_400_000);
      const confirm = { confirmTokenHash: hashLinkToken(token), confirmExpiresAt: expiresAt, locale: input.locale, email: input.email };
      let id: string;
      if (existing) {
        // A new link replaces the old one: only the newest e-mail's link confirms.
        await tx.savedSearch.update({ where: { id: existing.id }, data: confirm });
        id = existing.id;
      } else {
        id = randomUUID();
        await tx.savedSearch.create({
          data: { id, ...confirm, emailKey, query: input.query, unsubscribeTokenHash: hashLinkToken(unsubscribeToken(id)), seenBlocks: [], createdAt: now },
        });
      }
      const email = confirmationEmail({ locale: input.locale, url: confirmUrl(input.locale, token), expiresAt, searchUrl: searchUrl(input.locale, input.query) });
      await enqueueEmail(tx, { ...email, kind: CONFIRM_EMAIL_KIND, to: input.email, savedSearchId: id });
      return { status: "pending" as const };
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}

export type ConfirmLinkState = { kind: "valid"; query: string } | { kind: "expired" } | { kind: "unknown" };

/** What the confirmation page shows before anything is pressed. Reads only. */
export async function readConfirmLink(db: Db, token: string, now = new Date()): Promise<ConfirmLinkState> {
  if (!looksLikeLinkToken(token)) return { kind: "unknown" };
  const row = await db.savedSearch.findUnique({ where: { confirmTokenHash: hashLinkToken(token) }, select: { query: true, confirmExpiresAt: true } });
  if (!row) return { kind: "unknown" };
  if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return { kind: "expired" };
  return { kind: "valid", query: row.query };
}

export interface Confirmed {
  query: string;
  /** blocks matching now: not alerted, only what comes after is */
  matching: number;
}

/**
 * Confirms the search behind `token`. What matches now is recorded as seen, so the first alert
 * is about land that matches later, not the list the investor has just looked at.
 */
export async function confirmSavedSearch(db: Db, token: string, now = new Date()): Promise<Confirmed> {
  const state = await readConfirmLink(db, token, now);
  if (state.kind === "unknown") throw notFound("linkUnknown");
  if (state.kind === "expired") throw new AppError("not_found", "linkExpired");
  const matches = await currentMatches(db, state.query, now);
  const hash = hashLinkToken(token);
  // Only while the link is still this one and unexpired: a parallel confirm or a newer link wins.
  const { count } = await db.savedSearch.updateMany({
    where: { confirmTokenHash: hash, confirmExpiresAt: { gt: now } },
    data: { confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, seenBlocks: matches.map((m) => m.signature), lastCheckedAt: now },
  });
  if (count === 0) throw notFound("linkUnknown");
  return { query: state.query, matching: matches.length };
}
