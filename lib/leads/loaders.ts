// Lead reads on the app's client, for pages and form actions (which never hold the client).
import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { listAssignableStaff, readLeadSnapshot } from "./lead-page";

export const loadLeadSnapshot = (actor: Actor, id: string) => readLeadSnapshot(db(), actor, id);
export const loadAssignableStaff = () => listAssignableStaff(db());
