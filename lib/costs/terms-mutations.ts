// Saving a park's or a zone's allotment terms: one transaction with the owner check, the version
// check of what the form showed (no row yet = version 0; then updateMany where {id, version},
// a count of 0 is someone else's save), the change and its one audit row on the same client.
// A conflict carries the stored values, for the admin to compare with what they typed.
import type { Db } from "../db/client";
import { changedFields, writeAudit } from "../audit/write";
import { conflict, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { EMPTY_TERMS, TERMS_KEYS, termsValuesOf, type SaveTermsInput, type TermsValues } from "./terms-schemas";

type Tx = Prisma.TransactionClient;

export interface TermsWriter {
  actor: { id: string };
  requestId: string;
}

export interface TermsWritten {
  id: string;
  code: string;
  version: number;
}

export type TermsCurrent = TermsValues & { version: number };

export const TERMS_SELECT = { id: true, version: true, ...Object.fromEntries(TERMS_KEYS.map((k) => [k, true])) } as { id: true; version: true } & Record<keyof TermsValues, true>;

export function termsOfRow(row: Record<string, unknown> | null): TermsValues {
  if (!row) return { ...EMPTY_TERMS };
  return Object.fromEntries(TERMS_KEYS.map((k) => [k, row[k] ?? (k === "methods" || k === "sources" ? [] : null)])) as unknown as TermsValues;
}

const ownerWhere = (input: SaveTermsInput) => (input.owner === "park" ? { parkId: input.ownerId } : { zoneId: input.ownerId });

async function ownerCode(tx: Tx, input: SaveTermsInput): Promise<string | null> {
  const row = input.owner === "park"
    ? await tx.park.findUnique({ where: { id: input.ownerId }, select: { code: true } })
    : await tx.zone.findUnique({ where: { id: input.ownerId }, select: { code: true } });
  return row?.code ?? null;
}

async function currentOf(tx: Tx | Db, input: SaveTermsInput): Promise<TermsCurrent> {
  const row = await tx.allotmentTerms.findUnique({ where: ownerWhere(input), select: TERMS_SELECT });
  return { ...termsOfRow(row as Record<string, unknown> | null), version: row?.version ?? 0 };
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function saveTerms(db: Db, by: TermsWriter, input: SaveTermsInput): Promise<TermsWritten> {
  const values = termsValuesOf(input);
  try {
    return await db.$transaction(async (tx) => {
      const code = await ownerCode(tx, input);
      if (!code) throw notFound();
      const row = (await tx.allotmentTerms.findUnique({ where: ownerWhere(input), select: TERMS_SELECT })) as (Record<string, unknown> & { id: string; version: number }) | null;
      const stored = termsOfRow(row);
      if ((row?.version ?? 0) !== input.version) throw conflict("stale", { ...stored, version: row?.version ?? 0 });
      const diff = changedFields(stored as unknown as Record<string, unknown>, values as unknown as Record<string, unknown>);
      if (!diff) return { id: row?.id ?? "", code, version: row?.version ?? 0 };
      let id: string;
      if (!row) {
        // Two first saves at once: the unique index on parkId/zoneId lets one through (caught below).
        const created = await tx.allotmentTerms.create({ data: { ...ownerWhere(input), ...values, updatedById: by.actor.id }, select: { id: true } });
        id = created.id;
      } else {
        const { count } = await tx.allotmentTerms.updateMany({ where: { id: row.id, version: row.version }, data: { ...values, updatedById: by.actor.id, version: { increment: 1 } } });
        if (count === 0) throw conflict("stale", await currentOf(tx, input));
        id = row.id;
      }
      const version = (row?.version ?? 0) + 1;
      await writeAudit(tx, {
        actorId: by.actor.id,
        requestId: by.requestId,
        action: row ? "terms.update" : "terms.create",
        entity: "AllotmentTerms",
        entityId: id,
        before: { ...diff.before, version: row?.version ?? 0 },
        after: { [input.owner]: code, ...diff.after, version },
      });
      return { id, code, version };
    }, { maxWait: 10_000, timeout: 15_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("stale", await currentOf(db, input));
    throw error;
  }
}
