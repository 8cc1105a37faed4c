// Audit reads on the app's client, for the audit page and the record pages' history. The
// permission is checked here too, next to the data (the page guard ran before, but a loader
// may be reused by something that has no guard).
import "server-only";
import type { Actor } from "../auth/actor";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { type AuditFilter, type AUDIT_ENTITIES, auditOptions, listAuditLog, recordHistory } from "./log-queries";

export async function loadAuditPage(actor: Actor, filter: AuditFilter) {
  assertPermission(actor, "audit.read");
  const [page, options] = await Promise.all([listAuditLog(db(), filter), auditOptions(db())]);
  return { page, options };
}

export async function loadRecordHistory(actor: Actor, entity: (typeof AUDIT_ENTITIES)[number], entityId: string, after?: string) {
  assertPermission(actor, "audit.read");
  return recordHistory(db(), entity, entityId, after);
}
