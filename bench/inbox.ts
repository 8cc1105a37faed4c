// Lead-inbox benchmark: 50,000 leads (made by SQL generate_series on a scratch embedded
// PostgreSQL with the Jiangmen parks, spread over parks, stages, countries, industries and
// officers the way a busy office would see them), then the inbox page over HTTP from the real
// portal server (`npm start`'s scripts/serve.ts), signed in as an officer and as an admin:
// the default view and filtered views, p50/p95 over N requests each. Goal: p95 < 300 ms.
// Before timing, EXPLAIN shows which index each view's statements use.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { Actor } from "../lib/auth/actor";
import { createPrismaClient, type Db } from "../lib/db/client";
import { Prisma } from "../lib/generated/prisma/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { inboxStatements } from "../lib/leads/inbox";
import { inboxParamsToObject, parseInboxFilters } from "../lib/leads/inbox-schema";
import { seedDatabase } from "../seeds/load";
import { freePort } from "../tests/setup/free-port";
import { startPortal } from "../tests/setup/portal-process";

const OFFICERS = 8;
const SECRET = randomBytes(32).toString("hex");
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `count` leads in one statement; setseed makes the set the same on every run. */
async function generateLeads(db: Db, count: number): Promise<void> {
  await db.$executeRawUnsafe(`
    WITH parks AS (SELECT array_agg(id ORDER BY code) AS ids FROM "Park"),
         officers AS (SELECT array_agg(id ORDER BY email) AS ids FROM "User" WHERE role = 'OFFICER'),
         r AS (
           SELECT n, setseed_done,
                  random() AS r_age, random() AS r_park, random() AS r_stage, random() AS r_country, random() AS r_ind,
                  random() AS r_who, random() AS r_land, random() AS r_name, random() AS r_resp, random() AS r_esc,
                  floor(random() * 8)::int AS a, floor(random() * 10)::int AS b, floor(random() * 5)::int AS c
           FROM (SELECT setseed(0.42) AS setseed_done) s, generate_series(1, ${count}) AS n
         ),
         l AS (
           SELECT r.*, parks.ids AS park_ids, officers.ids AS officer_ids,
                  -- more recent leads are denser (a growing office): ages up to two years
                  now() - (power(r_age, 1.6) * interval '730 days') AS created,
                  1 + floor(power(r_park, 1.8) * array_length(parks.ids, 1))::int AS park_no
           FROM r, parks, officers
         ),
         s AS (
           SELECT l.*,
                  CASE
                    WHEN created > now() - interval '14 days' AND r_stage < 0.6 THEN 'NEW'
                    WHEN r_stage < 0.03 THEN 'NEW'
                    WHEN r_stage < 0.30 THEN 'CONTACTED'
                    WHEN r_stage < 0.48 THEN 'QUALIFIED'
                    WHEN r_stage < 0.60 THEN 'SITE_VISIT'
                    WHEN r_stage < 0.70 THEN 'NEGOTIATING'
                    WHEN r_stage < 0.78 THEN 'SIGNED'
                    ELSE 'LOST'
                  END AS stage
           FROM l
         )
    INSERT INTO "Inquiry" (id, reference, "idempotencyKey", "contactName", email, phone, company, country, industry,
                           "landNeededMu", message, locale, "consentAt", "consentVersion", "parkId", stage, "assigneeId",
                           "assignedAt", "firstResponseDueAt", "firstContactDueAt", "firstRespondedAt", "lastActivityAt",
                           "escalationLevel", "createdAt", "updatedAt")
    SELECT 'bench' || n,
           'JM-B' || lpad(n::text, 6, '0'),
           'bench-' || n,
           CASE WHEN r_name < 0.6
             THEN (ARRAY['陈','李','王','张','刘','黄','周','吴'])[a + 1] || (ARRAY['静','伟','芳','磊','婷','强','敏','军','丽','洋'])[b + 1]
             ELSE (ARRAY['Anna','Hans','Tom','Maria','Kenji','Priya','Lars','Chloe'])[a + 1] || ' ' || (ARRAY['Schmidt','Müller','Tanaka','Smith','Nguyen','Rossi','Berg','Martin','Kim','Lopez'])[b + 1]
           END,
           'contact' || n || '@' || (ARRAY['example.cn','example.com','example.de','example.jp','example.sg'])[c + 1],
           CASE WHEN r_resp < 0.7 THEN '+86 750 ' || lpad((n % 10000000)::text, 7, '0') END,
           CASE WHEN r_name < 0.6
             THEN (ARRAY['江门','广东','深圳','佛山','东莞','中山','珠海','广州'])[a + 1] || (ARRAY['新能源','储能','光伏','智能','精密','材料','汽车配件','电子','医疗','食品'])[b + 1] || (ARRAY['科技有限公司','制造有限公司','实业有限公司','集团有限公司','股份有限公司'])[c + 1]
             ELSE (ARRAY['Acme','Nordic','Pacific','Sunrise','Delta','Vertex','Orion','Hansa'])[a + 1] || ' ' || (ARRAY['Battery','Solar','Precision','Materials','Foods','Robotics','Storage','Medical','Motors','Devices'])[b + 1] || ' ' || (ARRAY['GmbH','Ltd','Inc.','Pte Ltd','Co., Ltd.'])[c + 1]
           END || ' ' || (n % 997),
           CASE WHEN r_country < 0.6 THEN 'China' ELSE (ARRAY['Germany','Japan','Singapore','United States','Korea','Hong Kong','Netherlands','France'])[a + 1] END,
           CASE WHEN r_ind < 0.1 THEN NULL ELSE (enum_range(NULL::"Industry"))[1 + floor(r_ind * 1000)::int % array_length(enum_range(NULL::"Industry"), 1)] END,
           CASE WHEN r_land < 0.2 THEN NULL ELSE round(exp(r_land * ln(1000))::numeric, 1)::float8 END,
           '-', CASE WHEN r_name < 0.6 THEN 'zh' ELSE 'en' END, created, 'bench',
           park_ids[park_no],
           stage::"InquiryStage",
           CASE
             WHEN r_who < 0.08 THEN NULL
             WHEN r_who < 0.20 THEN officer_ids[1 + floor(r_who * 1000)::int % ${OFFICERS}]
             ELSE officer_ids[1 + (park_no - 1) % ${OFFICERS}]
           END,
           created + interval '1 hour',
           created + interval '2 days',
           created + interval '1 day',
           CASE WHEN stage = 'NEW' THEN NULL ELSE created + r_resp * interval '2 days' END,
           created,
           CASE WHEN stage = 'NEW' AND created < now() - interval '3 days' THEN floor(r_esc * 4)::int ELSE 0 END,
           created, created
    FROM s`);
}

interface BenchActor {
  actor: Actor;
  cookie: string;
}

/** An admin and OFFICERS officers, officer k responsible for every park whose rank is k modulo OFFICERS; a live session each. */
async function createStaff(db: Db): Promise<{ admin: BenchActor; officer: BenchActor }> {
  const parks = await db.park.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  const make = async (email: string, name: string, role: "ADMIN" | "OFFICER", parkIds: string[]): Promise<BenchActor> => {
    const user = await db.user.create({
      // An admin without a second factor may only enrol one (lib/auth): the bench's admin has one.
      data: { email, name, role, passwordHash: "-", totpEnabledAt: role === "ADMIN" ? new Date() : null, parks: { create: parkIds.map((parkId) => ({ parkId })) } },
      select: { id: true, tokenVersion: true },
    });
    const sid = randomBytes(24).toString("base64url");
    await db.staffSession.create({ data: { id: sid, userId: user.id, expiresAt: new Date(Date.now() + 12 * 3_600_000) } });
    const token = await encode({ token: { sub: user.id, sid, tv: user.tokenVersion }, secret: SECRET, maxAge: 12 * 3600 });
    return {
      actor: { id: user.id, email, name, role, locale: "zh", sessionId: sid, parkIds },
      cookie: `next-auth.session-token=${token}`,
    };
  };
  const officers: BenchActor[] = [];
  for (let k = 0; k < OFFICERS; k++) {
    const mine = parks.filter((_, i) => i % OFFICERS === k).map((p) => p.id);
    officers.push(await make(`officer${k}@bench.example.cn`, `官员${k}`, "OFFICER", mine));
  }
  const admin = await make("admin@bench.example.cn", "管理员", "ADMIN", []);
  return { admin, officer: officers[0]! };
}

async function timeGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  if (!body.includes('data-testid="inbox-total"')) throw new Error(`${url}: not the inbox page`);
  return performance.now() - started;
}

/** Each statement's execution time and the indexes its plan uses (and whether it reads the whole table). */
async function explain(db: Db, actor: Actor, qs: string): Promise<string> {
  const { filters } = parseInboxFilters(inboxParamsToObject(new URLSearchParams(qs)));
  const out: string[] = [];
  for (const [name, sql] of Object.entries(inboxStatements(actor, filters))) {
    const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE) ${sql}`);
    const plan = rows.map((r) => r["QUERY PLAN"]);
    if (process.argv.includes("--plans")) console.log(plan.join("\n"));
    const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?: using| Index Scan on) "?(\w+)"?/g)].map((m) => m[1]!)))].filter((i) => i.startsWith("Inquiry"));
    const seq = plan.some((l) => /Seq Scan on "Inquiry"/.test(l)) ? ", Seq Scan on Inquiry" : "";
    const time = plan.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
    out.push(`${name} ${time} [${indexes.join(", ") || "no Inquiry index"}${seq}]`);
  }
  return out.join("; ");
}

export async function benchInbox(size = 50_000, rounds = 30): Promise<string[]> {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-inbox-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  try {
    const admin = createPrismaClient(server.adminUrl, 1);
    await admin.$executeRawUnsafe(`CREATE DATABASE bench_inbox`);
    const [{ ctype }] = await admin.$queryRawUnsafe<[{ ctype: string }]>(`SELECT datctype AS ctype FROM pg_database WHERE datname = 'bench_inbox'`);
    await admin.$disconnect();
    const url = server.adminUrl.replace(/\/postgres$/, "/bench_inbox");
    await migrate(url);
    const db = createPrismaClient(url, 4);
    await seedDatabase(db, { force: false });
    const staff = await createStaff(db);
    const started = performance.now();
    await generateLeads(db, size);
    await db.$executeRawUnsafe(`ANALYZE "Inquiry"`);
    const loadSeconds = (performance.now() - started) / 1000;
    const [{ parks, officerLeads }] = await db.$queryRawUnsafe<[{ parks: number; officerLeads: number }]>(
      `SELECT (SELECT count(*)::int FROM "Park") AS parks,
              (SELECT count(*)::int FROM "Inquiry" WHERE "assigneeId" = $1 OR "parkId" = ANY($2::text[])) AS "officerLeads"`,
      staff.officer.actor.id,
      staff.officer.actor.parkIds,
    );
    // the officer's busiest park, for the stage + park view
    const [{ code }] = await db.$queryRawUnsafe<[{ code: string }]>(
      `SELECT p.code FROM "Inquiry" i JOIN "Park" p ON p.id = i."parkId" WHERE p.id = ANY($1::text[]) GROUP BY p.code ORDER BY count(*) DESC LIMIT 1`,
      staff.officer.actor.parkIds,
    );
    lines.push(
      `lead inbox, ${size.toLocaleString("en")} leads over ${parks} parks, ${OFFICERS} officers (the measured officer sees ${officerLeads.toLocaleString("en")}); ` +
        `generated in ${loadSeconds.toFixed(1)} s; database LC_CTYPE ${ctype}`,
    );
    console.log(lines.at(-1));
    const views: { name: string; officer: string; admin: string }[] = [
      { name: "default view", officer: "", admin: "" },
      { name: "stage NEW+CONTACTED, park", officer: `stage=NEW&stage=CONTACTED&park=${code}`, admin: `stage=NEW&stage=CONTACTED&park=${code}` },
      { name: "overdue + assignee", officer: "overdue=1&assignee=mine", admin: "overdue=1&assignee=unassigned" },
      { name: "overdue (as the counts bar)", officer: "overdue=1", admin: "overdue=1" },
      { name: "search q=新能源 (3 Chinese chars)", officer: `q=${encodeURIComponent("新能源")}`, admin: `q=${encodeURIComponent("新能源")}` },
      { name: "search q=nordic solar", officer: "q=nordic%20solar", admin: "q=nordic%20solar" },
      { name: "search q=江门新能源科技 (selective)", officer: `q=${encodeURIComponent("江门新能源科技")}`, admin: `q=${encodeURIComponent("江门新能源科技")}` },
      { name: "search q=contact4242@ (one lead)", officer: "q=contact4242%40", admin: "q=contact4242%40" },
      { name: "search q=公司 (2 chars, no trigram)", officer: `q=${encodeURIComponent("公司")}`, admin: `q=${encodeURIComponent("公司")}` },
    ];
    for (const v of views) {
      lines.push(`  EXPLAIN ${v.name}: officer ${await explain(db, staff.officer.actor, v.officer)} | admin ${await explain(db, staff.admin.actor, v.admin)}`);
      console.log(lines.at(-1));
    }
    await db.$disconnect();
    if (process.argv.includes("--explain-only")) return lines;

    const portal = await startPortal(await freePort(), { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET }, 900_000);
    try {
      for (const who of ["officer", "admin"] as const) {
        const { cookie } = staff[who];
        const urls = views.map((v) => `${portal.baseUrl}/zh/staff/leads${v[who] ? `?${v[who]}` : ""}`);
        for (const u of urls) await timeGet(u, cookie); // warm-up: compile caches, connections
        const times = urls.map(() => [] as number[]);
        for (let r = 0; r < rounds; r++) for (const [i, u] of urls.entries()) times[i]!.push(await timeGet(u, cookie));
        const all = times.flat().sort((a, b) => a - b);
        for (const [i, v] of views.entries()) {
          const t = times[i]!.sort((a, b) => a - b);
          lines.push(`  HTTP ${who} ${v.name}: p50 ${pct(t, 50).toFixed(0)} ms, p95 ${pct(t, 95).toFixed(0)} ms, max ${t.at(-1)!.toFixed(0)} ms (${t.length} requests)`);
          console.log(lines.at(-1));
        }
        lines.push(`  HTTP ${who}, all views: p50 ${pct(all, 50).toFixed(0)} ms, p95 ${pct(all, 95).toFixed(0)} ms over ${all.length} requests (goal p95 < 300 ms)`);
        console.log(lines.at(-1));
      }
    } finally {
      await portal.stop();
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
