// Inquiry matching against block capacities, through the real inquiry action on the seeded
// database: a stated power or water need is a hard requirement (a block that cannot carry the
// load is not "matched"), with exact matched counts. Capacities are set on two blocks only
// (every other stated figure cleared) and put back afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { MAX_MATCHES } from "@/lib/inquiry/matching";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";
import { inRequest } from "../setup/request-scope";
import { withOnlyCapacities } from "./helpers/capacities";
import { seededDb } from "./helpers/database";

let db: Db;
let restore: () => Promise<void>;
let small: string, next: string; // keys of the two smallest blocks of at least 50 mu
beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  const { result } = await runLandSearch(db, landSearchSchema.parse({ minArea: "50", sort: "area-asc" }));
  const [a, b] = result.results;
  small = a!.key;
  next = b!.key;
  restore = await withOnlyCapacities(db, {
    [a!.parcelCodes[0]!]: { powerKva: 8_000, waterTPerDay: 400 },
    [b!.parcelCodes[0]!]: { powerKva: 5_000 },
  });
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await restore();
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

let ip = 0;
async function matchedFor(needs: Record<string, string>) {
  const input = {
    idempotencyKey: randomUUID(),
    locale: "en",
    contactName: "Li Wei",
    email: "li.wei@example.cn",
    company: "Shenzhen Battery Materials Ltd",
    country: "China",
    landNeededMu: "50",
    message: "We need serviced land with power and water for a cathode plant.",
    consent: "on",
    ...needs,
  };
  const result = await inRequest({ address: `198.51.100.${100 + ip++}` }, () => submitInquiryAction(input));
  expect(result.ok).toBe(true);
  if (!result.ok) return { count: -1, keys: [] };
  const row = await db.inquiry.findUniqueOrThrow({ where: { reference: result.data.reference }, select: { matchedBlocks: true } });
  const keys = (row.matchedBlocks as { key: string }[]).map((b) => b.key);
  expect(keys).toHaveLength(result.data.matchedBlocks);
  return { count: result.data.matchedBlocks, keys };
}

describe("inquiry matching with power and water needs", () => {
  it("without a stated load, matches by size only", async () => {
    expect((await matchedFor({})).count).toBe(MAX_MATCHES);
  });

  it("matches only the blocks that can carry the stated power", async () => {
    expect(await matchedFor({ powerKva: "6000" })).toEqual({ count: 1, keys: [small] });
    expect(await matchedFor({ powerKva: "5000" })).toEqual({ count: 2, keys: [small, next] });
    expect(await matchedFor({ powerKva: "8001" })).toEqual({ count: 0, keys: [] });
  });

  it("power and water together must both be carried", async () => {
    expect(await matchedFor({ powerKva: "4000", waterTonsPerDay: "400" })).toEqual({ count: 1, keys: [small] });
    expect(await matchedFor({ powerKva: "4000", waterTonsPerDay: "401" })).toEqual({ count: 0, keys: [] });
  });
});

describe("asking about the proposed part of a larger block", () => {
  it("records exactly the proposal's parcels with part=1, the whole block without", async () => {
    const q = landSearchSchema.parse({ minArea: "20", maxArea: "30" });
    const { result } = await runLandSearch(db, q);
    const larger = result.results.find((r) => r.partOfLarger && r.proposal && r.proposal.parcelCodes.length < r.parcelCount)!;
    expect(larger).toBeDefined();
    const ask = async (query: string) => {
      const input = {
        idempotencyKey: randomUUID(),
        locale: "en",
        contactName: "Jonas Weber",
        email: "jonas@example.de",
        company: "Weber Werkzeugmaschinen GmbH",
        country: "Germany",
        message: "We would like about 25 mu of this block for a machine-tool plant.",
        consent: "on",
        blockKey: larger.key,
        blockQuery: query,
      };
      const r = await inRequest({ address: `198.51.100.${200 + ip++}` }, () => submitInquiryAction(input));
      expect(r.ok).toBe(true);
      if (!r.ok) return [];
      const rows = await db.inquiryParcel.findMany({ where: { inquiry: { reference: r.data.reference } }, select: { parcel: { select: { code: true } } } });
      return rows.map((x) => x.parcel.code).sort();
    };
    expect(await ask(toSearchParams({ ...q, part: true }).toString())).toEqual([...larger.proposal!.parcelCodes].sort());
    expect(await ask(toSearchParams(q).toString())).toEqual([...larger.parcelCodes].sort());
  });
});
