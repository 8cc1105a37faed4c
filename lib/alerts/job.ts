// The saved-search alert run (pg-boss schedule "saved-search-alerts", lib/jobs/app-jobs.ts;
// exported for tests and for running by hand). For each confirmed search not alerted in the
// last 24 hours it re-runs the search; blocks whose signature it has not seen yet (freed,
// imported, re-priced or re-dated into the filters, grown) make ONE e-mail listing them.
// Safe with several instances running it at once: each search is handled in its own
// transaction that first locks its row with SKIP LOCKED and re-checks "not alerted in 24 h"
// under the lock, so a search another run holds is skipped and one it has just alerted is not
// alerted again. Unconfirmed searches whose link has expired are deleted.
import type { Db } from "../db/client";
import { pick } from "../i18n/localized";
import { enqueueEmail } from "../mail/outbox";
import { ALERT_EMAIL_KIND, alertEmail, unsubscribeUrl } from "./emails";
import { currentMatches, parseStoredQuery, type MatchedBlock } from "./matches";
import { newSignatures } from "./signature";
import { hashLinkToken, unsubscribeToken } from "./tokens";

/** At most one alert per search in this many hours. */
export const ALERT_INTERVAL_HOURS = 24;

export interface AlertReport {
  /** unconfirmed searches deleted because their link expired */
  expired: number;
  checked: number;
  /** ids of the searches alerted by this run */
  alerted: string[];
  /** held by another run at the same moment, or alerted by it meanwhile */
  skipped: number;
}

export async function runSavedSearchAlerts(db: Db, now = new Date()): Promise<AlertReport> {
  const report: AlertReport = { expired: 0, checked: 0, alerted: [], skipped: 0 };
  const { count } = await db.savedSearch.deleteMany({ where: { confirmedAt: null, OR: [{ confirmExpiresAt: null }, { confirmExpiresAt: { lte: now } }] } });
  report.expired = count;
  const cutoff = new Date(now.getTime() - ALERT_INTERVAL_HOURS * 3_600_000);
  const due = await db.savedSearch.findMany({
    where: { confirmedAt: { not: null }, OR: [{ lastAlertAt: null }, { lastAlertAt: { lte: cutoff } }] },
    select: { id: true, query: true, seenBlocks: true },
    orderBy: [{ lastCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  if (due.length === 0) return report;
  const parks = new Map((await db.park.findMany({ select: { id: true, nameZh: true, nameEn: true } })).map((p) => [p.id, p]));
  // Many searches share a query (the same park, the same size): each query runs once per run.
  const byQuery = new Map<string, MatchedBlock[]>();
  // Searches whose result is exactly what they have seen need no lock and no write but the
  // check's time, in one statement: most searches on most runs. Read without a lock, a seen
  // list may be stale; that only sends a search to the locked path, which re-checks.
  const unchanged: string[] = [];
  for (const s of due) {
    let matches = byQuery.get(s.query);
    if (!matches) byQuery.set(s.query, (matches = await currentMatches(db, s.query, now)));
    if (sameSet(matches.map((m) => m.signature), s.seenBlocks)) {
      unchanged.push(s.id);
      report.checked++;
      continue;
    }
    const outcome = await checkOne(db, s.id, matches, parks, cutoff, now);
    if (outcome === "skipped") report.skipped++;
    else report.checked++;
    if (outcome === "alerted") report.alerted.push(s.id);
  }
  for (let i = 0; i < unchanged.length; i += 1_000) {
    await db.savedSearch.updateMany({ where: { id: { in: unchanged.slice(i, i + 1_000) } }, data: { lastCheckedAt: now } });
  }
  return report;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

type Parks = Map<string, { nameZh: string; nameEn: string }>;

async function checkOne(db: Db, id: string, matches: MatchedBlock[], parks: Parks, cutoff: Date, now: Date): Promise<"alerted" | "quiet" | "skipped"> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ email: string; locale: string; query: string; seenBlocks: string[] }[]>`
      SELECT "email", "locale", "query", "seenBlocks" FROM "SavedSearch"
      WHERE "id" = ${id} AND "confirmedAt" IS NOT NULL AND ("lastAlertAt" IS NULL OR "lastAlertAt" <= ${cutoff})
      FOR UPDATE SKIP LOCKED`;
    if (!row) return "skipped";
    const current = matches.map((m) => m.signature);
    const fresh = new Set(newSignatures(current, row.seenBlocks));
    // Seen becomes what matches now: a block that stops matching (sold) and later matches
    // again (freed) is news again; the list stays the size of the result.
    if (fresh.size === 0) {
      await tx.savedSearch.update({ where: { id }, data: { seenBlocks: current, lastCheckedAt: now } });
      return "quiet";
    }
    const query = parseStoredQuery(row.query);
    if (!query) return "quiet";
    const blocks = matches
      .filter((m) => fresh.has(m.signature))
      .map((m) => ({ key: m.key, areaM2: m.areaM2, partial: m.partial, parkName: m.parkIds.map((p) => (parks.get(p) ? pick(row.locale, parks.get(p)!.nameZh, parks.get(p)!.nameEn) : "")).join(" / ") }));
    const token = unsubscribeToken(id);
    const email = alertEmail({ locale: row.locale, query, rawQuery: row.query, blocks, unsubscribeUrl: unsubscribeUrl(row.locale, token) });
    await enqueueEmail(tx, { ...email, kind: ALERT_EMAIL_KIND, to: row.email, savedSearchId: id });
    // The stored hash follows the portal's current secret, so the link just sent works.
    await tx.savedSearch.update({ where: { id }, data: { seenBlocks: current, lastCheckedAt: now, lastAlertAt: now, unsubscribeTokenHash: hashLinkToken(token) } });
    return "alerted";
  });
}
