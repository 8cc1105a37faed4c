// The status page's read on the app's client, once per request (metadata and page share it).
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { readInquiryStatus, readStatusLink } from "./status-queries";

export const loadInquiryStatus = cache((token: string, locale: string) => readInquiryStatus(db(), token, locale));
/** Why a link shows no inquiry (expired or unknown): asked only when loadInquiryStatus found none. */
export const loadStatusLinkKind = async (token: string) => (await readStatusLink(db(), token)).kind;
