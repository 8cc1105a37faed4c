// Setting exchange rates: each given currency gets a new ExchangeRate row (earlier rows stay as
// the history) and one audit row naming the rate it replaces, in one transaction. Rates are
// appended, never edited, so two admins saving at once both land in the history and the later
// one is current: there is no stale form to guard against.
import type { Db } from "../db/client";
import { writeAudit } from "../audit/write";
import type { Currency } from "../generated/prisma/enums";
import type { SetRatesInput } from "./rate-schemas";

export interface RateWriter {
  actor: { id: string };
  requestId: string;
}

export interface RatesWritten {
  id: string;
  code: string;
  version: number;
}

export async function setRates(db: Db, by: RateWriter, input: SetRatesInput): Promise<RatesWritten> {
  const given = ([["USD", input.usd], ["EUR", input.eur]] as const).filter((g): g is readonly [Currency, number] => g[1] !== undefined);
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const [currency, cnyPerUnit] of given) {
      const before = await tx.exchangeRate.findFirst({ where: { currency }, orderBy: [{ asOf: "desc" }, { createdAt: "desc" }, { id: "desc" }], select: { cnyPerUnit: true, asOf: true } });
      // Six decimals as typed: the column is numeric(12,6), so the string is stored exactly.
      const text = cnyPerUnit.toFixed(6);
      const row = await tx.exchangeRate.create({ data: { currency, cnyPerUnit: text, asOf: new Date(`${input.asOf}T00:00:00Z`), setById: by.actor.id }, select: { id: true } });
      await writeAudit(tx, {
        actorId: by.actor.id,
        requestId: by.requestId,
        action: "rate.set",
        entity: "ExchangeRate",
        entityId: row.id,
        before: before ? { currency, cnyPerUnit: Number(before.cnyPerUnit.toString()), asOf: before.asOf.toISOString().slice(0, 10) } : null,
        after: { currency, cnyPerUnit, asOf: input.asOf },
      });
      ids.push(row.id);
    }
    // The record form's result shape: the page reloads and shows the new current rates.
    return { id: ids[0]!, code: given.map(([c]) => c).join(","), version: 1 };
  });
}
