// The staff home's figures (lib/leads/overview.ts) per role on real PostgreSQL (the seeded
// database, for its parks), and the page's guard: an officer counts only their parks and
// assignments and gets no escalation lists; an admin counts everything and gets both lists.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import StaffOverviewPage from "@/app/[locale]/(staff)/staff/page";
import { currentActor } from "@/lib/auth/session";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { loadStaffOverview } from "@/lib/leads/overview";
import { seededDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
let parks: { id: string; code: string }[];
beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  parks = await db.park.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" }, take: 2 });
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryEscalation", "OutboxEmail", "User" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

// Monday 7 December 2026, 10:00 China time.
const NOW = new Date("2026-12-07T10:00:00+08:00");
const past = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
let n = 0;
async function makeLead(over: {
  parkId?: string | null;
  assigneeId?: string | null;
  stage?: "NEW" | "CONTACTED" | "SIGNED" | "LOST";
  escalationLevel?: number;
  lastActivityAt?: Date;
  firstContactDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  company?: string;
}) {
  n += 1;
  return db.inquiry.create({
    data: {
      reference: `JM2612-OVW${String(n).padStart(3, "0")}`,
      idempotencyKey: randomUUID(),
      contactName: "A",
      email: `a${n}@example.de`,
      company: over.company ?? `Company ${n}`,
      country: "Germany",
      message: "We need land soon.",
      locale: "en",
      consentAt: past(24 * 30),
      consentVersion: "2026-11",
      parkId: over.parkId ?? null,
      assigneeId: over.assigneeId ?? null,
      stage: over.stage ?? "NEW",
      escalationLevel: over.escalationLevel ?? 0,
      lastActivityAt: over.lastActivityAt ?? past(1),
      firstContactDueAt: over.firstContactDueAt ?? null,
      firstRespondedAt: over.firstRespondedAt ?? null,
    },
    select: { id: true, reference: true },
  });
}

async function actorOf(staff: TestStaff) {
  return (await as(staff, () => currentActor()))!;
}

describe("staff overview", () => {
  it("an officer counts only the leads of their parks and their own; an admin counts all and sees the level 2 and 3 lists", async () => {
    const [mine, theirs] = parks as [{ id: string; code: string }, { id: string; code: string }];
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [mine.code] });
    const colleague = await createStaff(db, { role: "OFFICER", name: "Li Wei", parkCodes: [theirs.code] });
    const admin = await createStaff(db, { role: "ADMIN" });

    // In the officer's scope: park leads (one unassigned, one the colleague's) and one assigned elsewhere.
    await makeLead({ parkId: mine.id }); // new, unassigned
    await makeLead({ parkId: mine.id, assigneeId: colleague.id, firstContactDueAt: past(2) }); // new, overdue
    await makeLead({ parkId: theirs.id, assigneeId: officer.id, stage: "CONTACTED", firstContactDueAt: past(5), firstRespondedAt: past(6) }); // answered: not overdue
    const l2 = await makeLead({ parkId: mine.id, assigneeId: officer.id, stage: "CONTACTED", escalationLevel: 2, lastActivityAt: new Date("2026-11-27T09:00:00+08:00"), company: "Schmidt GmbH" });
    await makeLead({ parkId: mine.id, stage: "SIGNED", escalationLevel: 3, firstContactDueAt: past(100) }); // closed: counts nowhere
    // Outside the officer's scope.
    const l3 = await makeLead({ parkId: theirs.id, assigneeId: colleague.id, escalationLevel: 3, firstContactDueAt: past(1), lastActivityAt: new Date("2026-11-20T10:00:00+08:00") });
    const l3b = await makeLead({ parkId: null, escalationLevel: 3, lastActivityAt: new Date("2026-11-25T10:00:00+08:00") });
    await makeLead({ parkId: theirs.id, stage: "LOST", firstContactDueAt: past(3) });

    expect(await loadStaffOverview(db, await actorOf(officer), NOW)).toEqual({
      counts: { new: 2, overdue: 1, escalated: 1, unassigned: 1 },
      escalations: null,
    });
    expect(await loadStaffOverview(db, await actorOf(colleague), NOW)).toEqual({
      counts: { new: 2, overdue: 2, escalated: 1, unassigned: 0 },
      escalations: null,
    });
    const all = await loadStaffOverview(db, await actorOf(admin), NOW);
    expect(all.counts).toEqual({ new: 4, overdue: 2, escalated: 3, unassigned: 2 });
    // No public holiday falls in these weeks: Fri 27 Nov 09:00 -> Mon 7 Dec 10:00 is 6 working days.
    expect(all.escalations).toEqual({
      level2: { total: 1, rows: [{ id: l2.id, reference: l2.reference, company: "Schmidt GmbH", assigneeName: "陈静", daysUntouched: 6 }] },
      level3: {
        total: 2,
        rows: [
          { id: l3.id, reference: l3.reference, company: expect.any(String), assigneeName: "Li Wei", daysUntouched: 11 },
          { id: l3b.id, reference: l3b.reference, company: expect.any(String), assigneeName: null, daysUntouched: 8 },
        ],
      },
    });
  });

  it("empty: zeros and empty lists, not errors", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    expect(await loadStaffOverview(db, await actorOf(admin), NOW)).toEqual({
      counts: { new: 0, overdue: 0, escalated: 0, unassigned: 0 },
      escalations: { level2: { total: 0, rows: [] }, level3: { total: 0, rows: [] } },
    });
  });

  it("the page sends a signed-out visitor and a disabled user to sign-in, coming back to the overview", async () => {
    const params = Promise.resolve({ locale: "zh" });
    const disabled = await createStaff(db, { role: "OFFICER", disabled: true });
    for (const who of [null, disabled]) {
      const error = await as(who, () => StaffOverviewPage({ params } as never)).then(
        () => null,
        (e: unknown) => e as { digest?: string },
      );
      expect(error?.digest).toMatch(/^NEXT_REDIRECT;replace;\/zh\/staff\/sign-in\?callbackUrl=%2Fzh%2Fstaff;307;/);
    }
  });
});
