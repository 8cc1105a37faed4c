// Starting a CSV export of the inbox: the audit row (filters and the number of rows) is written
// before the first row is read, so no export goes out unrecorded.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { countInbox, exportInbox, type ExportRow } from "./inbox";
import { filtersForAudit, type InboxFilters } from "./inbox-schema";

export async function startLeadExport(actor: Actor, filters: InboxFilters, now = new Date()): Promise<{ rows: number; batches: AsyncGenerator<ExportRow[]> }> {
  const database = db();
  const rows = await countInbox(database, actor, filters, now);
  await database.auditLog.create({
    data: {
      actorId: actor.id,
      action: "lead.export",
      entity: "Inquiry",
      entityId: "export",
      after: { filters: filtersForAudit(filters), rows },
      requestId: randomUUID(),
    },
  });
  return { rows, batches: exportInbox(database, actor, filters, now) };
}
