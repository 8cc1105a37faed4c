// One record's own history (a parcel's, a lead's, a project's): its audit rows, newest first,
// paginated, with who made each change. Entity-agnostic: the caller names the model and id
// and has already checked that the actor may read that record.
import type { DbClient } from "../db/client";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryEntry {
  id: string;
  /** ISO instant */
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageCount: number;
}

const asObject = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

export async function entityHistory(
  db: DbClient,
  entity: string,
  entityId: string,
  { page = 1, pageSize = HISTORY_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
): Promise<HistoryPage> {
  const where = { entity, entityId };
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const rows = await db.auditLog.findMany({
    where,
    // id breaks ties: rows of one transaction share their instant.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (shown - 1) * pageSize,
    take: pageSize,
    select: { id: true, createdAt: true, action: true, before: true, after: true, requestId: true, actor: { select: { id: true, name: true } } },
  });
  return {
    entries: rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      action: r.action,
      actor: r.actor,
      before: asObject(r.before),
      after: asObject(r.after),
      requestId: r.requestId,
    })),
    total,
    page: shown,
    pageCount,
  };
}

/** The fields an entry changed, in order of first appearance, without bookkeeping keys. */
export function changedKeys(entry: Pick<HistoryEntry, "before" | "after">, hidden: readonly string[] = ["version", "reason"]): string[] {
  const keys = new Set<string>([...Object.keys(entry.after ?? {}), ...Object.keys(entry.before ?? {})]);
  return [...keys].filter((k) => !hidden.includes(k));
}
