// Loads the illustrative allotment terms (seeds/data/allotment-terms.ts) and, when no rate has
// been set yet, the dev seed's exchange rates (kept across reseeds: admins replace them, and a
// forced reseed must not wipe their history).
import type { Prisma } from "../lib/generated/prisma/client";
import { allotmentTermsSeed, SEED_RATES } from "./data/allotment-terms";

export async function seedCosts(tx: Prisma.TransactionClient, parkId: (code: string) => string, zoneIds: Map<string, string>): Promise<void> {
  await tx.allotmentTerms.createMany({
    data: allotmentTermsSeed().map(({ parkCode, zoneCode, ...terms }) => {
      if (zoneCode && !zoneIds.has(zoneCode)) throw new Error(`Seed terms refer to unknown zone "${zoneCode}"`);
      return { ...terms, ...(parkCode ? { parkId: parkId(parkCode) } : { zoneId: zoneIds.get(zoneCode!)! }) };
    }),
  });
  if ((await tx.exchangeRate.count()) === 0) {
    await tx.exchangeRate.createMany({ data: SEED_RATES.map((r) => ({ currency: r.currency, cnyPerUnit: r.cnyPerUnit, asOf: new Date(`${r.asOf}T00:00:00Z`), setById: null })) });
  }
}
