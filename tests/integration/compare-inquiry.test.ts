// "Ask about all of these" from the compare page: one inquiry recording every compared block
// (rebuilt under the compare filters) and parcel, through the real public action.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { inRequest } from "../setup/request-scope";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit", "OutboxEmail" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

describe("one inquiry about everything compared", () => {
  it("records each compared block with its parcels, and the single parcel, on one inquiry", async () => {
    const { result } = await runLandSearch(db, landSearchSchema.parse({ minArea: "300" }));
    const [a, b] = result.results;
    const single = result.results[2]!.parcelCodes[0]!;
    const res = await inRequest({ address: "198.51.100.77" }, () =>
      submitInquiryAction({
        idempotencyKey: randomUUID(), locale: "en", contactName: "Anna Schmidt", email: "anna@example.de", company: "Schmidt GmbH", country: "Germany",
        message: "Please tell us more about all three sites.", consent: "on",
        compareList: `${a!.key},${b!.key},p:${single}`, blockQuery: "minArea=300",
      }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = await db.inquiry.findUniqueOrThrow({
      where: { reference: res.data.reference },
      select: { requestedBlocks: true, parcels: { select: { parcel: { select: { code: true } } } } },
    });
    expect(row.requestedBlocks).toEqual([
      { key: a!.key, query: "minArea=300", parcelCodes: a!.parcelCodes },
      { key: b!.key, query: "minArea=300", parcelCodes: b!.parcelCodes },
    ]);
    expect(row.parcels.map((p) => p.parcel.code).sort()).toEqual([...a!.parcelCodes, ...b!.parcelCodes, single].sort());
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "anna@example.de" }, select: { text: true } });
    // Each entry named by size and park, its key kept as a reference (tests/integration/inquiry-mail-subject.test.ts).
    expect(mail.text).toContain("About: 3 blocks and parcels compared:\n- Contiguous block of ");
    for (const key of [a!.key, b!.key]) expect(mail.text).toContain(`(block reference ${key})`);
    expect(mail.text).toContain(`- Parcel ${single} of `);
  });
});
