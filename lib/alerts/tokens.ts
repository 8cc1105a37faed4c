// Link tokens of the investor side (saved-search confirmation and unsubscribe, the inquiry's
// status page): 32 random bytes as base64url in the link, only their SHA-256 in the database,
// so a copy of the database opens nothing. A lookup goes by the hash through a unique index:
// the time it takes depends on the hash, never on how much of a secret a guess got right.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { authSecret } from "../auth/session-token";

/** base64url of 32 bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newLinkToken = (): string => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");
/** Refuses anything no link of ours carries before it reaches a query. */
export const looksLikeLinkToken = (token: string): boolean => TOKEN.test(token);

/**
 * The unsubscribe token of a saved search. Every alert must carry a working one-click link
 * while only a hash is stored, so the token cannot be random-and-forgotten: it is an HMAC of
 * the search's id under the portal's secret (32 bytes, as unguessable as a random one without
 * the secret), recomputed for each e-mail; its SHA-256 is what the row keeps and the link is
 * looked up by. Rotating NEXTAUTH_SECRET retires the links of e-mails already sent (the next
 * alert carries a new one only if the stored hash is rewritten; see runSavedSearchAlerts).
 */
export function unsubscribeToken(savedSearchId: string, secret = authSecret()): string {
  return createHmac("sha256", secret).update(`saved-search-unsubscribe:${savedSearchId}`).digest("base64url");
}
