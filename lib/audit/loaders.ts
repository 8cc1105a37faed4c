// Audit reads on the app's client, for the audit page and the record pages' history. The
// permission is checked here too, next to the data (the page guard ran before, but a loader
// may be reused by something that has no guard).
import "server-only";
import type { Actor } from "../auth/actor";
import type { Permission } from "../auth/permissions";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { type AuditFilter, type AUDIT_ENTITIES, auditOptions, listAuditLog, recordHistory } from "./log-queries";

export async function loadAuditPage(actor: Actor, filter: AuditFilter) {
  assertPermission(actor, "audit.read");
  const [page, options] = await Promise.all([listAuditLog(db(), filter), auditOptions(db())]);
  return { page, options };
}

// A record's own history needs only the permission of the page that shows the record (the
// audit log page, every entity at once, needs audit.read).
const RECORD_READ = { Parcel: "land.read", Park: "park.manage", EnterpriseProject: "project.manage" } as const satisfies Partial<Record<(typeof AUDIT_ENTITIES)[number], Permission>>;

export async function loadRecordHistory(actor: Actor, entity: keyof typeof RECORD_READ, entityId: string, after?: string) {
  assertPermission(actor, RECORD_READ[entity]);
  return recordHistory(db(), entity, entityId, after);
}
