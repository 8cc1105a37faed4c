// Unsubscribing from a saved search's alerts. The link in the e-mail opens a page that only
// reads (readUnsubscribeLink): mail scanners and link previews follow links, and a GET that
// deleted would unsubscribe people who never asked. The delete is a POST: the page's button
// (unsubscribeSavedSearchAction) or the mail client's RFC 8058 one-click button
// (app/api/alerts/unsubscribe/[token]/route.ts). Neither needs a sign-in: the token is the key.
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { hashLinkToken, looksLikeLinkToken } from "./tokens";

export type UnsubscribeLinkState = { kind: "valid"; query: string; address: string; savedAt: Date } | { kind: "unknown" };

/**
 * The address shown on the unsubscribe page, enough to tell two of one's own mailboxes apart
 * and no more to someone the e-mail was forwarded to: the first character of the local part
 * and the domain (`e…@maschinenbau.example.de`).
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "…";
  return `${Array.from(address.slice(0, at))[0]}…${address.slice(at)}`;
}

/** What the unsubscribe page shows before the button is pressed. Reads only. */
export async function readUnsubscribeLink(db: Db, token: string): Promise<UnsubscribeLinkState> {
  if (!looksLikeLinkToken(token)) return { kind: "unknown" };
  const row = await db.savedSearch.findUnique({ where: { unsubscribeTokenHash: hashLinkToken(token) }, select: { query: true, email: true, createdAt: true } });
  if (!row) return { kind: "unknown" };
  return { kind: "valid", query: row.query, address: maskAddress(row.email), savedAt: row.createdAt };
}

/**
 * Deletes the saved search behind `token`, and with it (cascade) every e-mail of it still in
 * the outbox. True when a search was deleted; false for an unknown or spent link.
 */
export async function unsubscribeSavedSearch(db: Db, token: string): Promise<boolean> {
  if (!looksLikeLinkToken(token)) return false;
  const { count } = await db.savedSearch.deleteMany({ where: { unsubscribeTokenHash: hashLinkToken(token) } });
  return count > 0;
}

/** The page's button: an unknown or spent link is a not-found the page words plainly. */
export async function unsubscribeOrRefuse(db: Db, token: string): Promise<{ unsubscribed: true }> {
  if (!(await unsubscribeSavedSearch(db, token))) throw notFound("linkUnknown");
  return { unsubscribed: true };
}
