// Costs and capacities reads on the app's client, for the investor pages' components. Cached per
// request (React cache): a page that renders several costs components reads once.
import "server-only";
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { capacitiesOf, parkPriceRange, termsForParcels, termsForPark } from "./queries";
import { adminTerms } from "./admin-queries";

const key = (codes: string[]) => [...codes].sort().join(",");
const termsByKey = cache((k: string) => termsForParcels(db(), k ? k.split(",") : []));
const capacitiesByKey = cache((k: string) => capacitiesOf(db(), k ? k.split(",") : []));

export const loadTermsForParcels = (codes: string[]) => termsByKey(key(codes));
export const loadCapacities = (codes: string[]) => capacitiesByKey(key(codes));
export const loadParkTerms = cache((parkCode: string) => termsForPark(db(), parkCode));
export const loadParkPriceRange = cache((parkCode: string) => parkPriceRange(db(), parkCode));

/** The admins' park page: the park's and each zone's terms as the forms edit them. */
export async function loadAdminTerms(actor: Actor, parkId: string) {
  assertPermission(actor, "park.manage");
  return adminTerms(db(), parkId);
}
