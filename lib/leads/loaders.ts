// Lead reads on the app's client, for pages and form actions (which never hold the client).
import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { readLeadLand } from "../land/hold-queries";
import { hasAnyLead, inboxCounts, inboxOptions, listInbox } from "./inbox";
import type { InboxFilters } from "./inbox-schema";
import { listAssignableStaff, readLeadSnapshot } from "./lead-page";
import { staffOverviewFor } from "./overview";

export const loadLeadSnapshot = (actor: Actor, id: string) => readLeadSnapshot(db(), actor, id);
export const loadAssignableStaff = () => listAssignableStaff(db());
/** The lead's parcels with their holds (this lead's and others'), for the stage form and the land panel. */
export const loadLeadLand = (actor: Actor, id: string) => readLeadLand(db(), actor, id);

/** The inbox page's reads: options and counts bar, the page of leads, and "any lead at all". */
export const loadInboxOptions = () => inboxOptions(db());
export const loadInboxCounts = (actor: Actor, now: Date) => inboxCounts(db(), actor, now);
export const loadInbox = (actor: Actor, filters: InboxFilters, now: Date) => listInbox(db(), actor, filters, now);
export const loadHasAnyLead = (actor: Actor) => hasAnyLead(db(), actor);

/** The staff overview: counts and, for admins, the escalation lists. */
export const loadOverview = (actor: Actor) => staffOverviewFor(db(), actor);
