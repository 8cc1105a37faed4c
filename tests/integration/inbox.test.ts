// The lead inbox's query on real PostgreSQL: every filter and some combinations with exact
// answers, the sorts, pagination, search in English and Chinese (the trigram column), and the
// officer's scope (their parks and their assignments; an admin sees all).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { exportInbox, hasAnyLead, inboxCounts, listInbox } from "@/lib/leads/inbox";
import { inboxParamsToObject, parseInboxFilters } from "@/lib/leads/inbox-schema";
import { testDb } from "./helpers/database";
import { INBOX_NOW, INBOX_TABLES, leadRow, seedInbox, type InboxFixture } from "./helpers/inbox-leads";
import { as } from "./helpers/staff";

let db: Db;
let fx: InboxFixture;
let admin: Actor;
let officerA: Actor;
let officerB: Actor;

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
beforeEach(async () => {
  fx = await seedInbox(db);
  const actors = await Promise.all([fx.admin, fx.officerA, fx.officerB].map((s) => as(s, async () => (await currentActor())!)));
  [admin, officerA, officerB] = actors as [Actor, Actor, Actor];
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE ${INBOX_TABLES} CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const filtersOf = (qs: string) => {
  const { filters, errors } = parseInboxFilters(inboxParamsToObject(new URLSearchParams(qs)));
  expect(errors).toEqual({});
  return filters;
};
/** The references of one inbox page, in order. */
async function refs(actor: Actor, qs: string): Promise<string[]> {
  const page = await listInbox(db, actor, filtersOf(qs), INBOX_NOW);
  expect(page.total).toBe(page.rows.length); // the small set fits one page
  return page.rows.map((r) => r.reference.replace("JM-T-0", ""));
}

describe("inbox filters (admin: every lead)", () => {
  it("lists every lead, newest first, with what the list shows", async () => {
    expect(await refs(admin, "")).toEqual(["09", "01", "03", "02", "04", "05", "06", "07", "08", "10"]);
    const page = await listInbox(db, admin, filtersOf("q=JM-T-001"), INBOX_NOW);
    expect(page).toEqual({ total: 1, page: 1, pageCount: 1, rows: [{
      id: fx.ids["JM-T-001"], reference: "JM-T-001", receivedAt: new Date("2026-11-30T02:00:00Z"), company: "江门新能源科技有限公司", contactName: "陈静",
      country: "China", parkNameZh: "江海产业园", parkNameEn: "Jianghai Park", landNeededMu: 120, stage: "NEW", assigneeName: "陈官员",
      dueAt: new Date("2026-12-01T02:00:00Z"), overdue: true, escalationLevel: 0,
    }] });
  });

  it.each([
    ["stage=NEW", ["09", "01", "03", "05"]],
    ["stage=NEW&stage=CONTACTED", ["09", "01", "03", "02", "05"]],
    ["stage=SIGNED,LOST", ["07", "08"]],
    ["assignee=unassigned", ["09", "03", "08"]],
    ["assignee=mine", ["10"]],
    ["park=t-p1", ["09", "01", "02", "07"]],
    ["park=t-p3", ["05", "06"]],
    ["industry=PHOTOVOLTAIC", ["03", "04"]],
    ["country=GERMANY", ["02", "06"]],
    ["country=united%20states", ["09"]],
    ["landMin=100", ["01", "02", "05", "10"]],
    ["landMax=80", ["09", "03", "04", "07", "08"]],
    ["landMin=80&landMax=300", ["01", "03", "02"]],
    ["overdue=1", ["01", "03", "05"]],
    ["escalated=1", ["03", "05", "08"]],
    // China days: JM-T-003 arrived 2026-11-28 20:00 UTC, i.e. 29 November in China
    ["from=2026-11-29", ["09", "01", "03"]],
    ["to=2026-11-28", ["02", "04", "05", "06", "07", "08", "10"]],
    ["from=2026-11-29&to=2026-11-29", ["03"]],
    ["from=2026-12-01&to=2026-12-01", ["09"]],
    // combinations
    ["stage=NEW&park=t-p1", ["09", "01"]],
    ["overdue=1&assignee=unassigned", ["03"]],
    ["escalated=1&stage=NEW&landMin=100", ["05"]],
    ["industry=PHOTOVOLTAIC&country=china&overdue=1", ["03"]],
    ["park=t-p2&stage=NEGOTIATING&assignee=unassigned", []],
  ])("%s", async (qs, expected) => {
    expect(await refs(admin, qs)).toEqual(expected);
  });

  it("filters by a named assignee", async () => {
    expect(await refs(admin, `assignee=${fx.officerB.id}`)).toEqual(["04", "06"]);
    expect(await refs(admin, `assignee=${fx.officerA.id}&stage=NEW`)).toEqual(["01", "05"]);
  });
});

describe("inbox search", () => {
  it.each([
    // Chinese: three characters (trigram-indexed), two characters (too short for a trigram), mixed with a name
    ["新能源", ["01", "05"]],
    ["公司", ["01", "03", "05", "07"]],
    ["有限公司 陈静", ["01"]],
    ["公司 王芳", ["05"]],
    ["点我", ["07"]],
    // English, any case, contact names, e-mails, references
    ["acme", ["02"]],
    ["GmbH Hans", ["02"]],
    ["MÜLLER", ["02", "06"]],
    ["gamma@gm", ["10"]],
    ["jm-t-00", ["09", "01", "03", "02", "04", "05", "06", "07", "08"]],
    // LIKE's wildcards are literal characters
    ["_", ["08"]],
    ["100%", ["08"]],
    ["%_p", ["08"]],
    ["nobody-here", []],
  ])("q=%s", async (q, expected) => {
    expect(await refs(admin, `q=${encodeURIComponent(q)}`)).toEqual(expected);
  });

  it("combines the search with the scope and the other filters", async () => {
    expect(await refs(admin, "q=公司&stage=NEW")).toEqual(["01", "03", "05"]);
    expect(await refs(officerA, "q=公司")).toEqual(["01", "05", "07"]);
    expect(await refs(officerB, "q=公司")).toEqual(["03"]);
  });
});

describe("inbox sorts", () => {
  it.each([
    ["sort=received-asc", ["10", "08", "07", "06", "05", "04", "02", "03", "01", "09"]],
    // nearest deadline first, none last
    ["sort=due", ["08", "07", "06", "05", "04", "02", "03", "01", "09", "10"]],
    // the database's collation (C.UTF-8 on the embedded server: code point order)
    ["sort=company", ["08", "07", "02", "09", "10", "06", "04", "03", "05", "01"]],
    // pipeline order, the longest waiting first within a stage
    ["sort=stage", ["05", "03", "01", "09", "02", "04", "06", "10", "07", "08"]],
  ])("%s", async (qs, expected) => {
    expect(await refs(admin, qs)).toEqual(expected);
  });
});

describe("officer scope", () => {
  it("shows an officer the leads of their parks and those assigned to them; an admin all", async () => {
    expect(await refs(officerA, "")).toEqual(["09", "01", "02", "05", "07"]);
    expect(await refs(officerB, "")).toEqual(["03", "04", "06", "10"]);
    expect((await listInbox(db, admin, filtersOf(""), INBOX_NOW)).total).toBe(10);
  });

  it("never widens the scope through a filter", async () => {
    expect(await refs(officerA, "park=t-p2")).toEqual([]);
    expect(await refs(officerA, `assignee=${fx.officerB.id}`)).toEqual([]);
    expect(await refs(officerA, "assignee=mine")).toEqual(["01", "02", "05", "07"]);
    expect(await refs(officerB, "park=t-p3")).toEqual(["06"]);
    expect(await refs(officerB, "q=jm-t-001")).toEqual([]);
  });

  it("an officer with no park and no lead sees none, and is told so", async () => {
    const lonely: Actor = { ...officerA, id: "nobody000000000000000", parkIds: [] };
    expect(await refs(lonely, "")).toEqual([]);
    expect(await hasAnyLead(db, lonely)).toBe(false);
    expect(await hasAnyLead(db, officerB)).toBe(true);
  });
});

describe("counts bar", () => {
  it("counts new, overdue and escalated leads within the scope, whatever the filters", async () => {
    expect(await inboxCounts(db, admin, INBOX_NOW)).toEqual({ new: 4, overdue: 3, escalated: 3 });
    expect(await inboxCounts(db, officerA, INBOX_NOW)).toEqual({ new: 3, overdue: 2, escalated: 1 });
    expect(await inboxCounts(db, officerB, INBOX_NOW)).toEqual({ new: 1, overdue: 1, escalated: 1 });
    // the Prisma counts (leadScope) and the SQL list agree
    for (const actor of [admin, officerA, officerB]) {
      const counts = await inboxCounts(db, actor, INBOX_NOW);
      for (const [key, qs] of [["new", "stage=NEW"], ["overdue", "overdue=1"], ["escalated", "escalated=1"]] as const) {
        expect((await listInbox(db, actor, filtersOf(qs), INBOX_NOW)).total, `${actor.name} ${key}`).toBe(counts[key]);
      }
    }
  });

  it("an answered lead past its deadline is no longer overdue", async () => {
    await db.inquiry.update({ where: { reference: "JM-T-001" }, data: { firstRespondedAt: new Date("2026-12-01T03:00:00Z") } });
    expect((await inboxCounts(db, officerA, INBOX_NOW)).overdue).toBe(1);
    expect(await refs(officerA, "overdue=1")).toEqual(["05"]);
  });
});

describe("pagination and batches", () => {
  beforeEach(async () => {
    // 120 more leads in park 3, one minute apart (some sharing a second, to test the tie-break)
    const base = new Date("2026-09-01T00:00:00Z").getTime();
    await db.inquiry.createMany({
      data: Array.from({ length: 120 }, (_, n) =>
        leadRow(
          { ref: `JM-B-${String(n).padStart(3, "0")}`, company: `Bulk ${n % 7}`, contact: "Bulk", email: `b${n}@bulk.cn`, country: "China", park: "p3", industry: null, land: n, stage: n % 3 ? "NEW" : "LOST", assignee: null, created: new Date(base + Math.floor(n / 2) * 60_000).toISOString(), due: n % 4 ? new Date(base + n * 3_600_000).toISOString() : null, responded: null, escalation: 0 },
          fx.parks.p3,
          null,
        ),
      ),
    });
  });

  it("pages by 50 with the total, and a page past the end shows the last page", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listInbox(db, admin, { ...filtersOf(""), page }, INBOX_NOW)));
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.rows.length])).toEqual([[1, 3, 130, 50], [2, 3, 130, 50], [3, 3, 130, 30]]);
    const all = pages.flatMap((p) => p.rows.map((r) => r.reference));
    expect(new Set(all).size).toBe(130);
    expect(all.slice(0, 10)).toEqual(["JM-T-009", "JM-T-001", "JM-T-003", "JM-T-002", "JM-T-004", "JM-T-005", "JM-T-006", "JM-T-007", "JM-T-008", "JM-T-010"]);
    expect(all.at(-1)).toBe("JM-B-000");
    const past = await listInbox(db, admin, { ...filtersOf(""), page: 9 }, INBOX_NOW);
    expect([past.page, past.rows.length, past.rows[0]?.reference]).toEqual([3, 30, pages[2]!.rows[0]!.reference]);
    expect((await listInbox(db, admin, { ...filtersOf("q=nothing-matches"), page: 4 }, INBOX_NOW))).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
    // page boundaries with a filter: 80 NEW bulk leads + 4
    const newPages = await Promise.all([1, 2].map((page) => listInbox(db, admin, { ...filtersOf("stage=NEW"), page }, INBOX_NOW)));
    expect(newPages.map((p) => [p.total, p.rows.length])).toEqual([[84, 50], [84, 34]]);
  });

  it.each(["received-desc", "received-asc", "due", "company", "stage"])("exports every row in the list's order, in keyset batches (sort=%s)", async (sort) => {
    const f = filtersOf(`sort=${sort}`);
    const listed = (await Promise.all([1, 2, 3].map((page) => listInbox(db, admin, { ...f, page }, INBOX_NOW)))).flatMap((p) => p.rows.map((r) => r.reference));
    const exported: string[] = [];
    let batches = 0;
    for await (const batch of exportInbox(db, admin, f, INBOX_NOW, 7)) {
      batches += 1;
      exported.push(...batch.map((r) => r.reference));
    }
    expect(batches).toBe(19);
    expect(exported).toEqual(listed);
  });
});
