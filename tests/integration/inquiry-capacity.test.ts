// Inquiry matching against block capacities, through the real inquiry action on the seeded
// database: a stated power or water need is a hard requirement (a block that cannot carry the
// load is not "matched"), with exact matched counts. Capacities are set on two blocks only
// (every other stated figure cleared) and put back afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/i18n/messages";
import { MAX_MATCHES, type LoadShortfall } from "@/lib/inquiry/matching";
import { shortfallText } from "@/lib/inquiry/shortfall-text";
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

describe("no match because of the stated load: the answer says so, with the figures", () => {
  const shortfallFor = async (needs: Record<string, string>, locale = "en") => {
    const input = {
      idempotencyKey: randomUUID(), locale, contactName: "Li Wei", email: "li.wei@example.cn", company: "Shenzhen Battery Materials Ltd", country: "China",
      landNeededMu: "50", message: "We need serviced land with power and water for a cathode plant.", consent: "on", ...needs,
    };
    const result = await inRequest({ address: `198.51.100.${150 + ip++}` }, () => submitInquiryAction(input));
    expect(result.ok).toBe(true);
    return result.ok ? result.data : null;
  };
  const text = (locale: "zh" | "en", s: LoadShortfall) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "investor.finder.inquiry" });
    return shortfallText(locale, (key, values) => t(key, values as never), s);
  };
  let sizeCount: number;
  beforeAll(async () => {
    sizeCount = (await runLandSearch(db, landSearchSchema.parse({ minArea: "50" }))).result.total;
    expect(sizeCount).toBeGreaterThan(MAX_MATCHES);
  });

  it("power: blocks of the size exist, none states the kVA", async () => {
    const data = await shortfallFor({ powerKva: "8001" });
    expect(data!.matchedBlocks).toBe(0);
    expect(data!.shortfall).toEqual({ landNeededMu: 50, sizeCount, cause: "power", powerKva: 8001, waterTonsPerDay: null });
    expect(text("en", data!.shortfall!)).toBe(
      `We found ${sizeCount} blocks of 3.3 ha (50 mu) or more, but none of them states 8,001 kVA of power; the officer will look for options with you (a capacity can often be extended).`,
    );
    expect(text("zh", data!.shortfall!)).toBe(`共有${sizeCount}片50亩（3.3公顷）及以上的连片地块，但均未标明可提供8,001 kVA供电；招商人员将与您一起寻找方案（配套容量往往可以扩容）。`);
  });

  it("water: the power is carried (two blocks state 4,000 kVA), the 401 t/day is not", async () => {
    const data = await shortfallFor({ powerKva: "4000", waterTonsPerDay: "401" });
    expect(data!.shortfall).toEqual({ landNeededMu: 50, sizeCount, cause: "water", powerKva: 4000, waterTonsPerDay: 401 });
    expect(text("en", data!.shortfall!)).toContain("but none of them states 401 t/day of water;");
  });

  it("both: neither figure is carried by any block of the size", async () => {
    const data = await shortfallFor({ powerKva: "9000", waterTonsPerDay: "500" });
    expect(data!.shortfall).toEqual({ landNeededMu: 50, sizeCount, cause: "both", powerKva: 9000, waterTonsPerDay: 500 });
    expect(text("en", data!.shortfall!)).toContain("but none of them states both 9,000 kVA of power and 500 t/day of water;");
  });

  it("no shortfall when blocks match, when no load was stated, or when nothing of the size exists", async () => {
    expect((await shortfallFor({ powerKva: "5000" }))!.shortfall).toBeNull();
    expect((await shortfallFor({}))!.shortfall).toBeNull();
    const huge = await shortfallFor({ landNeededMu: "900000", powerKva: "8001" });
    expect(huge!.matchedBlocks).toBe(0);
    expect(huge!.shortfall).toBeNull();
  });

  it("a replay answers with the same shortfall", async () => {
    const input = {
      idempotencyKey: randomUUID(), locale: "en", contactName: "Li Wei", email: "li.wei@example.cn", company: "Shenzhen Battery Materials Ltd", country: "China",
      landNeededMu: "50", powerKva: "8001", message: "We need serviced land with power and water for a cathode plant.", consent: "on",
    };
    const first = await inRequest({ address: "198.51.100.240" }, () => submitInquiryAction(input));
    const again = await inRequest({ address: "198.51.100.240" }, () => submitInquiryAction(input));
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) expect({ ...again.data, created: true }).toEqual(first.data);
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
