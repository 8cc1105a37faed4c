// The status page's read on the app's client, once per request (metadata and page share it).
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { readInquiryStatus } from "./status-queries";

export const loadInquiryStatus = cache((token: string, locale: string) => readInquiryStatus(db(), token, locale));
