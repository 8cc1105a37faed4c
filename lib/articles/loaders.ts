// Article reads for pages and components (once per request).
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { listArticles } from "./queries";

export const loadArticles = cache(() => listArticles(db()));
