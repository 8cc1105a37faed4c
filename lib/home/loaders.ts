// The home page's reads on the app's client (pages never hold the client).
import "server-only";
import { db } from "../db";
import { getHomePageData } from "./queries";

export const loadHomePage = () => getHomePageData(db());
