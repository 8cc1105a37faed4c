// The inquiry's private status page link: 32 random bytes in the confirmation e-mail, only
// their SHA-256 on the inquiry (Inquiry.statusTokenHash), valid for STATUS_VALID_DAYS.
import { hashLinkToken, newLinkToken } from "../alerts/tokens";
import { env, publicBaseUrl } from "../env";
import { mailLocale } from "../mail/templates";

/** Long enough to follow a land deal from inquiry to site visit; then the link stops working. */
export const STATUS_VALID_DAYS = 180;

export function newStatusToken(now: Date): { token: string; hash: string; expiresAt: Date } {
  const token = newLinkToken();
  return { token, hash: hashLinkToken(token), expiresAt: new Date(now.getTime() + STATUS_VALID_DAYS * 86_400_000) };
}

export const statusUrl = (locale: string, token: string) => `${publicBaseUrl(env())}/${mailLocale(locale)}/inquiry/status/${token}`;
