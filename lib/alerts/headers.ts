// RFC 8058 one-click unsubscribe headers for an alert, added when the outbox sends it (the
// outbox keeps subject and text only; the token is recomputed from the search's id, as the
// body's link is). Mail clients show their own "unsubscribe" button and POST to the API
// route, which needs no cookie and no page.
import { env, publicBaseUrl } from "../env";
import { ALERT_EMAIL_KIND } from "./emails";
import { unsubscribeToken } from "./tokens";

export function alertMailHeaders(kind: string, savedSearchId: string | null): Record<string, string> | undefined {
  if (kind !== ALERT_EMAIL_KIND || !savedSearchId) return undefined;
  return {
    "List-Unsubscribe": `<${publicBaseUrl(env())}/api/alerts/unsubscribe/${unsubscribeToken(savedSearchId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
