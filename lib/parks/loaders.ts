// Park reads on the app's client, for pages and route handlers (which never hold the client).
// Wrapped in React's cache(): generateMetadata and the page of one request read once.
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { getParkDetail, listProjects } from "./detail";
import { getParkName, listParkCards, listParkCodes } from "./queries";

export const loadParkDetail = cache((code: string) => getParkDetail(db(), code));
export const loadParkCards = cache(() => listParkCards(db()));
export const loadProjects = cache(() => listProjects(db()));
export const loadParkName = cache((code: string) => getParkName(db(), code));
export const loadParkCodes = cache(() => listParkCodes(db()));
