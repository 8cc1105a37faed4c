// Parcel reads on the app's client, for pages (which never hold the client).
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { env } from "../env";
import { CODES_MAX, LIST_PAGE_SIZE, type ParcelListFilters } from "./parcel-schemas";
import { getParcelShapesInBox, getParcelsByCodes } from "./queries";
import { listStaffParcels, parcelListOptions, parkPlan, staffParcelPage, toVerifyCounts, type FreshnessRule } from "./staff-parcels";

export const loadParcelsByCodes = (codes: string[]) => getParcelsByCodes(db(), codes);
export const loadParcelShapesInBox = (bbox: [number, number, number, number]) => getParcelShapesInBox(db(), bbox);

/** "To verify": not checked on site for more than LAND_VERIFY_AFTER_DAYS (China dates). */
export const freshnessRule = (now = new Date()): FreshnessRule => ({ now, afterDays: env().LAND_VERIFY_AFTER_DAYS });

// The staff parcel pages (each page calls requireStaffPage("land.read") before any of these).
// A list of codes (a block's members) is shown whole, so the whole block can be selected at once.
export const loadStaffParcelList = (filters: ParcelListFilters) =>
  listStaffParcels(db(), filters, freshnessRule(), filters.codes.length ? CODES_MAX : LIST_PAGE_SIZE);
export const loadToVerifyCounts = () => toVerifyCounts(db(), freshnessRule());
export const loadParcelListOptions = () => parcelListOptions(db());
export const loadParkPlan = (parkCode: string) => parkPlan(db(), parkCode);
/** Shared by generateMetadata and the page: one read per request. */
export const loadStaffParcel = cache((code: string) => staffParcelPage(db(), code, freshnessRule()));
