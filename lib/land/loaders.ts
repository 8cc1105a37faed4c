// Parcel reads on the app's client, for pages (which never hold the client).
import "server-only";
import { db } from "../db";
import { getParcelShapesInBox, getParcelsByCodes } from "./queries";

export const loadParcelsByCodes = (codes: string[]) => getParcelsByCodes(db(), codes);
export const loadParcelShapesInBox = (bbox: [number, number, number, number]) => getParcelShapesInBox(db(), bbox);
