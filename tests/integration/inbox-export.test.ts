// The CSV export route handler, called directly as one HTTP request: who may export, the exact
// bytes (BOM, CRLF, quoting, neutralised formulas, the actor's language), the audit row written
// before the rows, and the officer's scope.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { GET } from "@/app/api/staff/leads/export/route";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { testDb } from "./helpers/database";
import { INBOX_TABLES, seedInbox, type InboxFixture } from "./helpers/inbox-leads";
import { as, type TestStaff } from "./helpers/staff";

let db: Db;
let fx: InboxFixture;

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
beforeEach(async () => {
  fx = await seedInbox(db);
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE ${INBOX_TABLES} CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const exportAs = (staff: TestStaff | null, qs = "") => as(staff, () => GET(new Request(`http://localhost/api/staff/leads/export${qs ? `?${qs}` : ""}`)));
const audits = () => db.auditLog.findMany({ where: { action: "lead.export" }, orderBy: { id: "asc" } });
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe("lead export", () => {
  it("refuses a signed-out request with 401 JSON and writes nothing", async () => {
    const res = await exportAs(null);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: "signed out" });
    expect(await audits()).toEqual([]);
  });

  it("refuses a disabled user and a stale token version like a signed-out one", async () => {
    await db.user.update({ where: { id: fx.officerA.id }, data: { disabled: true } });
    await db.user.update({ where: { id: fx.officerB.id }, data: { tokenVersion: { increment: 1 } } });
    for (const staff of [fx.officerA, fx.officerB]) expect((await exportAs(staff)).status).toBe(401);
    expect(await audits()).toEqual([]);
  });

  it("gives an officer the exact CSV of the matching leads in their language, audited", async () => {
    const res = await exportAs(fx.officerA, "stage=CONTACTED&stage=SIGNED&sort=received-asc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const today = chinaToday();
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="leads-${today}.csv"; filename*=UTF-8''${encodeURIComponent(`线索-${today}.csv`)}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFF" +
        "编号,收到时间（北京时间）,公司,联系人,邮箱,电话,国家或地区,园区,产业,用地需求（亩）,阶段,负责人,首次联系期限（北京时间）,首次回复时间（北京时间）,逾期,升级级别\r\n" +
        `JM-T-007,2026-11-05 09:00,"'=HYPERLINK(""http://x.example"",""点我""),公司",'-Eve,eve@x.example,'+1 555 0100,China,江海产业园,,60,已签约,陈官员,2026-11-06 09:00,,否,0\r\n` +
        "JM-T-002,2026-11-25 09:00,Acme Batteries GmbH,Hans Müller,hans@acme.de,,Germany,江海产业园,新型储能,300,已联系,陈官员,2026-11-26 09:00,2026-11-25 17:30,否,0\r\n",
    );
    const [audit, ...more] = await audits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorId: fx.officerA.id,
      action: "lead.export",
      entity: "Inquiry",
      entityId: "export",
      before: null,
      after: { filters: { stage: ["CONTACTED", "SIGNED"], sort: "received-asc" }, rows: 2 },
    });
    expect(audit!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes the columns in English for an English-speaking officer", async () => {
    await db.user.update({ where: { id: fx.officerB.id }, data: { locale: "en" } });
    const res = await exportAs(fx.officerB, "q=sunrise");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''leads-${chinaToday()}.csv`);
    expect(await res.text()).toBe(
      // Response.text() strips the BOM, as a UTF-8 decoder does
      "Reference,Received (China time),Company,Contact,E-mail,Phone,Country or region,Park,Industry,Land needed (mu),Stage,Assignee,First contact due (China time),First response (China time),Overdue,Escalation level\r\n" +
        "JM-T-004,2026-11-20 09:00,Sunrise Solar Pte,Tan Wei,tan@sunrise.sg,,Singapore,Heshan Industrial City,Photovoltaics,45.5,Qualified,Officer Bai,2026-11-21 09:00,2026-11-20 13:00,no,0\r\n",
    );
  });

  it("exports only the leads in the officer's scope, all of them, whatever the filters ask", async () => {
    const rowsOf = async (res: Response) => (await res.text()).split("\r\n").slice(1, -1).map((line) => line.split(",")[0]);
    expect(await rowsOf(await exportAs(fx.officerB))).toEqual(["JM-T-003", "JM-T-004", "JM-T-006", "JM-T-010"]);
    expect(await rowsOf(await exportAs(fx.officerB, "park=t-p1"))).toEqual([]);
    expect(await rowsOf(await exportAs(fx.officerB, `assignee=${fx.officerA.id}`))).toEqual([]);
    expect(await rowsOf(await exportAs(fx.admin, "sort=received-asc"))).toEqual(
      ["010", "008", "007", "006", "005", "004", "002", "003", "001", "009"].map((n) => `JM-T-${n}`),
    );
    expect((await audits()).map((a) => (a.after as { rows: number }).rows)).toEqual([4, 0, 0, 10]);
  });

  it("refuses malformed filters with 400 and the field messages, exporting nothing", async () => {
    const res = await exportAs(fx.officerA, "stage=WON&landMin=abc&q=ok");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid filters",
      codes: { stage: "notAChoice", landMin: "mustBeNumber" },
      fields: { stage: "请从给出的选项中选择。", landMin: expect.any(String) },
    });
    expect(await audits()).toEqual([]);
  });
});
