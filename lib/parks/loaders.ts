// Park reads on the app's client, for pages and route handlers (which never hold the client).
// Wrapped in React's cache(): generateMetadata and the page of one request read once.
import "server-only";
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { getAdminPark, listAdminParks, listParkOptions } from "./admin-queries";
import { getParkDetail, listProjects } from "./detail";
import { currentParkCode } from "./code-aliases";
import { getParkName, listParkCards, listParkCodes } from "./queries";

export const loadParkDetail = cache((code: string) => getParkDetail(db(), code));
export const loadParkCards = cache(() => listParkCards(db()));
export const loadProjects = cache(() => listProjects(db()));
// An old link's retired code still names its park (lib/parks/code-aliases.ts).
export const loadParkName = cache((code: string) => getParkName(db(), currentParkCode(code)));
export const loadParkCodes = cache(() => listParkCodes(db()));

// The admins' park pages (park.manage, checked next to the data as well).

export async function loadAdminParks(actor: Actor) {
  assertPermission(actor, "park.manage");
  const [parks, options] = await Promise.all([listAdminParks(db()), listParkOptions(db())]);
  return { parks, options };
}

/** generateMetadata and the page share one read per request. */
export const loadAdminPark = cache(async (actor: Actor, code: string) => {
  assertPermission(actor, "park.manage");
  const [park, options] = await Promise.all([getAdminPark(db(), code), listParkOptions(db())]);
  return park ? { park, options } : null;
});

