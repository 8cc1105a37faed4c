// The admins' terms forms: the stored terms of a park and of each of its zones, with the version
// each form sends back (0 where none is saved yet).
import type { DbClient } from "../db/client";
import { TERMS_SELECT, termsOfRow } from "./terms-mutations";
import type { TermsValues } from "./terms-schemas";

export interface AdminTerms {
  values: TermsValues;
  version: number;
}

export async function adminTerms(db: DbClient, parkId: string): Promise<{ park: AdminTerms; zones: Map<string, AdminTerms> }> {
  const rows = await db.allotmentTerms.findMany({ where: { OR: [{ parkId }, { zone: { parkId } }] }, select: { ...TERMS_SELECT, parkId: true, zoneId: true } });
  const of = (r: (typeof rows)[number] | undefined): AdminTerms => ({ values: termsOfRow((r ?? null) as unknown as Record<string, unknown> | null), version: r?.version ?? 0 });
  return { park: of(rows.find((r) => r.parkId === parkId)), zones: new Map(rows.filter((r) => r.zoneId).map((r) => [r.zoneId!, of(r)])) };
}
