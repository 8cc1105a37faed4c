// The inquiry confirmation names the land as the inquiry page does: size, parcels and park in
// the recipient's language, a block's key only as a secondary reference. Through the real public
// action, reading the text queued in the outbox: a block, a parcel, a compare inquiry; zh and en.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import type { BlockResult } from "@/lib/search/search";
import { inRequest } from "../setup/request-scope";
import { seededDb } from "./helpers/database";

let db: Db;
let blocks: BlockResult[];
beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  blocks = (await runLandSearch(db, landSearchSchema.parse({ minArea: "300" }))).result.results;
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit", "OutboxEmail" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

let n = 0;
async function confirmationOf(locale: "zh" | "en", target: Record<string, string>) {
  const email = `investor${n}@example.com`;
  const res = await inRequest({ address: `198.51.100.${10 + n++}` }, () =>
    submitInquiryAction({
      idempotencyKey: randomUUID(), locale, contactName: "Anna Schmidt", email, company: "Schmidt GmbH", country: "Germany",
      message: "Please tell us more about this land.", consent: "on", ...target,
    }),
  );
  expect(res.ok).toBe(true);
  const about = (await db.outboxEmail.findFirstOrThrow({ where: { to: email }, select: { text: true } })).text.split("\n").find((l) => l.startsWith(locale === "zh" ? "咨询对象" : "About"));
  const text = (await db.outboxEmail.findFirstOrThrow({ where: { to: email }, select: { text: true } })).text;
  return { about, text };
}
const parkOf = (id: string) => db.park.findUniqueOrThrow({ where: { id }, select: { nameZh: true, nameEn: true } });
// The figures as the pages print them: mu whole, ha to one decimal.
const mu = (m2: number, locale: string) => (m2 / (10_000 / 15)).toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 0 });
const ha = (m2: number, locale: string) => (m2 / 10_000).toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 });

describe("the confirmation names a block by size, parcels and park, its key only as a reference", () => {
  it("in English", async () => {
    const a = blocks.find((b) => b.parkIds.length === 1 && b.parcelCount > 1)!;
    const park = await parkOf(a.parkIds[0]!);
    const { about } = await confirmationOf("en", { blockKey: a.key, blockQuery: "minArea=300" });
    expect(about).toBe(`About: Contiguous block of ${ha(a.areaM2, "en")} ha (${mu(a.areaM2, "en")} mu), ${a.parcelCount} parcels, in ${park.nameEn} (block reference ${a.key})`);
  });

  it("in Chinese", async () => {
    const a = blocks.find((b) => b.parkIds.length === 1 && b.parcelCount > 1)!;
    const park = await parkOf(a.parkIds[0]!);
    const { about } = await confirmationOf("zh", { blockKey: a.key, blockQuery: "minArea=300" });
    expect(about).toBe(`咨询对象：${park.nameZh}${mu(a.areaM2, "zh")}亩（${ha(a.areaM2, "zh")}公顷）连片地块（${a.parcelCount}宗）（编号 ${a.key}）`);
  });
});

describe("a parcel is named by its code, size and park", () => {
  it("in both languages", async () => {
    const code = blocks[0]!.parcelCodes[0]!;
    const parcel = await db.parcel.findUniqueOrThrow({ where: { code }, select: { areaM2: true, park: { select: { nameZh: true, nameEn: true } } } });
    expect((await confirmationOf("en", { parcelCode: code })).about).toBe(`About: Parcel ${code} of ${ha(parcel.areaM2, "en")} ha (${mu(parcel.areaM2, "en")} mu) in ${parcel.park.nameEn}`);
    expect((await confirmationOf("zh", { parcelCode: code })).about).toBe(`咨询对象：${parcel.park.nameZh}地块${code}，${mu(parcel.areaM2, "zh")}亩（${ha(parcel.areaM2, "zh")}公顷）`);
  });
});

describe("a compare inquiry lists each block and parcel the same way", () => {
  it("one line each, under the count, in both languages", async () => {
    const [a, b] = blocks;
    const single = blocks[2]!.parcelCodes[0]!;
    const parcel = await db.parcel.findUniqueOrThrow({ where: { code: single }, select: { areaM2: true, park: { select: { nameZh: true, nameEn: true } } } });
    const target = { compareList: `${a!.key},${b!.key},p:${single}`, blockQuery: "minArea=300" };
    const names = async (x: BlockResult) => (await Promise.all(x.parkIds.map(parkOf)));
    const [pa, pb] = [await names(a!), await names(b!)];
    const en = await confirmationOf("en", target);
    const blockEn = (x: BlockResult, parks: { nameEn: string }[]) =>
      `- Contiguous block of ${ha(x.areaM2, "en")} ha (${mu(x.areaM2, "en")} mu), ${x.parcelCount} parcel${x.parcelCount === 1 ? "" : "s"}, in ${parks.map((p) => p.nameEn).join(" / ")} (block reference ${x.key})`;
    expect(en.text).toContain(
      ["About: 3 blocks and parcels compared:", blockEn(a!, pa), blockEn(b!, pb), `- Parcel ${single} of ${ha(parcel.areaM2, "en")} ha (${mu(parcel.areaM2, "en")} mu) in ${parcel.park.nameEn}`].join("\n") + "\n",
    );
    const zh = await confirmationOf("zh", target);
    const blockZh = (x: BlockResult, parks: { nameZh: string }[]) => `- ${parks.map((p) => p.nameZh).join(" / ")}${mu(x.areaM2, "zh")}亩（${ha(x.areaM2, "zh")}公顷）连片地块（${x.parcelCount}宗）（编号 ${x.key}）`;
    expect(zh.text).toContain(
      ["咨询对象：对比中的3处地块或宗地：", blockZh(a!, pa), blockZh(b!, pb), `- ${parcel.park.nameZh}地块${single}，${mu(parcel.areaM2, "zh")}亩（${ha(parcel.areaM2, "zh")}公顷）`].join("\n") + "\n",
    );
  });
});
