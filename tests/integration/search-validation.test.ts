// The search query as the search page reads it, run by the real search over the seeded
// cadastre: a handover deadline before 1970 is a deadline (nothing qualifies), not "none".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const run = async (qs: string) => (await runLandSearch(db, landSearchSchema.parse(searchParamsToObject(new URLSearchParams(qs))))).result;

describe("handover deadline", () => {
  it("by=1969-12-31 finds no block (it used to drop the filter and list every block)", async () => {
    const all = await run("");
    expect(all.total).toBeGreaterThan(0);
    expect((await run("by=1969-12-31")).total).toBe(0);
    expect((await run("by=1969-12-31&view=parcels")).total).toBe(0);
    expect((await run("by=1900-01-01")).total).toBe(0);
  });

  it("a deadline far ahead keeps every block whose handover date is known", async () => {
    const far = await run("by=9999-12-31");
    expect(far.total).toBeGreaterThan(0);
    expect(far.results.every((b) => b.readyOn !== null)).toBe(true);
  });
});
