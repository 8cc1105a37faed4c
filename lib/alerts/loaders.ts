// Saved-search reads and the one-click unsubscribe, on the app's client, for the alert pages.
import "server-only";
import { db } from "../db";
import { readConfirmLink, unsubscribeSavedSearch } from "./mutations";

/** What the confirmation page shows before the button is pressed (reads only). */
export const loadConfirmLink = (token: string) => readConfirmLink(db(), token);
/** The unsubscribe link's page and its POST twin: one click, no sign-in. */
export const unsubscribeByToken = (token: string) => unsubscribeSavedSearch(db(), token);
