// The saved search's public actions. Investors never sign in: the address (saving) and the
// link's token (confirming) are all there is, and the limits live in PostgreSQL.
import { defineAction } from "../actions/action";
import { db } from "../db";
import { hashIp } from "../inquiry/ip";
import { confirmSavedSearch, saveSearch } from "./mutations";
import { linkTokenSchema, saveSearchSchema } from "./schemas";
import { unsubscribeOrRefuse } from "./unsubscribe";

export const saveSearchAction = defineAction({
  name: "saveSearch",
  schema: saveSearchSchema,
  access: "public",
  handler: (input, ctx) => saveSearch(db(), input, { ipHash: hashIp(ctx.clientAddress) }),
});

/** The confirm button's POST (never the link's GET: mail scanners open links). */
export const confirmSavedSearchAction = defineAction({
  name: "confirmSavedSearch",
  schema: linkTokenSchema,
  access: "public",
  handler: (input) => confirmSavedSearch(db(), input.token),
});

/** The unsubscribe page's button (a POST: the link's GET only shows what would be deleted). */
export const unsubscribeSavedSearchAction = defineAction({
  name: "unsubscribeSavedSearch",
  schema: linkTokenSchema,
  access: "public",
  handler: (input) => unsubscribeOrRefuse(db(), input.token),
});
