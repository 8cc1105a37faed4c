// Data-sheet reads on the app's client, for the sheet route handlers.
import "server-only";
import { db } from "../db";
import type { LandSearchQuery } from "../search/schemas";
import { buildBlockSheet, buildParcelSheet, buildParkSheet } from "./build";
import { termsForParcels } from "./queries";
import type { SheetLocale } from "./sheet";

interface Common {
  locale: SheetLocale;
  baseUrl: string;
  now: Date;
}

export const loadBlockSheet = (c: Common & { key: string; query: LandSearchQuery }) => buildBlockSheet(db(), c);
export const loadParcelSheet = (c: Common & { code: string }) => buildParcelSheet(db(), c);
export const loadParkSheet = (c: Common & { code: string }) => buildParkSheet(db(), c);

/** The allotment conditions that apply to each parcel (the compare page's costs rows). */
export const loadTermsForParcels = (codes: string[]) => termsForParcels(db(), codes);
