// Saved-search reads and the one-click unsubscribe, on the app's client, for the alert pages.
import "server-only";
import { db } from "../db";
import { readConfirmLink } from "./mutations";
import { readUnsubscribeLink, unsubscribeSavedSearch } from "./unsubscribe";

/** What the confirmation page shows before the button is pressed (reads only). */
export const loadConfirmLink = (token: string) => readConfirmLink(db(), token);
/** What the unsubscribe page shows before the button is pressed (reads only). */
export const loadUnsubscribeLink = (token: string) => readUnsubscribeLink(db(), token);
/** The mail client's one-click POST (RFC 8058): no sign-in, no page. */
export const unsubscribeByToken = (token: string) => unsubscribeSavedSearch(db(), token);
