// Database faults under a running portal (a second one, with its own embedded PostgreSQL, so
// the tier's shared portal is never harmed): stopped -> 503 with Retry-After within the
// timeout and nothing half-written; started again -> pages work without restarting the
// portal; frozen (SIGSTOP) -> 503 within the timeout, not a hang; thawed -> pages work.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { localSecretsFile, readLocalSecrets } from "@/lib/db/local-secrets";
import { freePort } from "../setup/free-port";
import { startPortal, type PortalProcess } from "../setup/portal-process";
import { freezePostgres, stopPostgres } from "../setup/postgres-faults";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
// The tier's global setup built the app (this file starts a second portal from that build).
const sharedPortal = inject("baseUrl");

const DIR = ".data/e2e-faults";
const PG_DIR = `${DIR}/postgres`;
const DATA_DIR = path.resolve(PG_DIR, "data");
const CONNECT_MS = 1500;
const STATEMENT_MS = 2000;
/** Longest one failing query may take: a connection, then the client-side query limit. */
const BOUND_MS = CONNECT_MS + STATEMENT_MS + 1000;
/** Slack for a shared 2-core machine: this bounds a hang, it does not time speed. */
const MARGIN_MS = 3000;

/** Pages and routes that need the database; each must answer 503 + Retry-After while it is gone. */
const NEED_DATABASE = ["/zh", "/en/search?minArea=500", "/zh/parks", "/en/parks/xinhui-smart-manufacturing", "/api/land/map", "/sitemap.xml", "/api/ready"];

let portal: PortalProcess | undefined;
let pgPort: number;
let restarted: EmbeddedServer | undefined;

async function get(pathname: string): Promise<{ status: number; retryAfter: string | null; type: string | null; body: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(portal!.baseUrl + pathname, { signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), type: res.headers.get("content-type"), body, ms: Date.now() - started };
}

async function expectAllUnavailable(): Promise<void> {
  const answers = await Promise.all(NEED_DATABASE.map(async (p) => [p, await get(p)] as const));
  for (const [p, a] of answers) {
    expect(a.status, p).toBe(503);
    expect(a.retryAfter, p).toBe("5");
    expect(a.ms, p).toBeLessThan(BOUND_MS + MARGIN_MS);
  }
  const map = answers.find(([p]) => p === "/api/land/map")![1];
  expect(map.type).toMatch(/^application\/json/);
  expect(JSON.parse(map.body)).toEqual({ error: "service unavailable", message: "The database is not answering. Please try again in a few seconds." });
  const sitemap = answers.find(([p]) => p === "/sitemap.xml")![1];
  expect(sitemap.type).toBe("text/plain; charset=utf-8");
  expect(sitemap.body).toBe("Service unavailable: the database is not answering. Please try again in a few seconds.\n");
  const page = answers.find(([p]) => p === "/zh")![1];
  expect(page.type).toMatch(/^text\/html/);
  // A complete page in the path's language that needs no script (Next's own is an empty shell).
  expect(page.body).toContain('<html lang="zh-CN">');
  expect(page.body).toContain("<h1>服务暂时不可用</h1>");
  // Liveness does not depend on the database: the process is fine and must not be restarted.
  const health = await get("/api/health");
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ status: "ok" });
}

async function expectAllServing(): Promise<void> {
  for (const p of NEED_DATABASE) expect((await get(p)).status, p).toBe(200);
}

describe.skipIf(!sharedPortal)("database faults under a running portal", () => {
  const browser = useBrowser(chromiumPath);

  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    pgPort = await freePort();
    portal = await startPortal(await freePort(), {
      DATABASE_URL: "",
      EMBEDDED_PG_DIR: PG_DIR,
      EMBEDDED_PG_PORT: String(pgPort),
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
    });
  }, 300_000);

  afterAll(async () => {
    await portal?.stop();
    await restarted?.stop();
  }, 60_000);

  // The inquiry part drives a browser; the frozen case below is plain HTTP and runs without one.
  it.skipIf(!chromiumPath)("stopped: 503 with Retry-After, the error page says so, an inquiry writes nothing; started: all works again", async () => {
    await expectAllServing();
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${portal!.baseUrl}/en/inquiry`);
    const fill = async () => {
      await page.fill("#contactName", "Outage Tester");
      await page.fill("#company", "Fault Injection Ltd");
      await page.fill("#email", "outage@example.de");
      await page.fill("#country", "Germany");
      await page.fill("#message", "Sent while the database was stopped; must not be stored.");
      await page.check("#consent");
    };
    await fill();

    await stopPostgres(DATA_DIR);
    await expectAllUnavailable();

    // The inquiry sent now is refused with a message a person can act on, and nothing is kept.
    await page.getByRole("button", { name: "Send inquiry" }).click();
    await expect(page.getByTestId("inquiry-error").textContent()).resolves.toContain("The service is briefly unavailable and nothing was sent");
    expect(await page.getByTestId("inquiry-success").count()).toBe(0);

    // A client-side navigation (RSC data, not a page load) shows the error boundary, which
    // knows the error by its digest: the same words, in the visitor's language.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Land search" }).click();
    await expect(page.getByRole("alert").getByRole("heading").textContent()).resolves.toBe("The service is briefly unavailable");

    // The page loaded afresh says the same, in the visitor's language, with or without script.
    const en = await page.goto(`${portal!.baseUrl}/en/search`);
    expect(en?.status()).toBe(503);
    await expect(page.getByRole("alert").getByRole("heading").textContent()).resolves.toBe("The service is briefly unavailable");
    const zh = await page.goto(`${portal!.baseUrl}/zh/parks`);
    expect(zh?.status()).toBe(503);
    await expect(page.getByRole("alert").getByRole("heading").textContent()).resolves.toBe("服务暂时不可用");
    const noScript = await browser().newContext({ locale: "zh-CN", javaScriptEnabled: false });
    const plain = await noScript.newPage();
    expect((await plain.goto(`${portal!.baseUrl}/zh/search?minArea=500`))?.status()).toBe(503);
    await expect(plain.getByRole("alert").getByRole("heading").textContent()).resolves.toBe("服务暂时不可用");
    await plain.getByRole("link", { name: "重试" }).waitFor();
    await noScript.close();

    // Start the same cluster again (same folder, port and password); the portal is not restarted.
    const password = readLocalSecrets(localSecretsFile(PG_DIR)).EMBEDDED_PG_PASSWORD;
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    restarted = await startEmbeddedPostgres({ dir: PG_DIR, port: pgPort, database: "portal", password });
    await expectAllServing();

    const db = createPrismaClient(restarted.url, 1);
    try {
      expect(await db.inquiry.count({ where: { email: "outage@example.de" } })).toBe(0);
      // Sending the same form again now makes exactly one inquiry.
      await page.goto(`${portal!.baseUrl}/en/inquiry`);
      await fill();
      await page.getByRole("button", { name: "Send inquiry" }).click();
      await page.getByTestId("inquiry-success").waitFor();
      expect(await db.inquiry.count({ where: { email: "outage@example.de" } })).toBe(1);
    } finally {
      await db.$disconnect();
      await context.close();
    }
  }, 180_000);

  it("frozen (SIGSTOP): 503 with Retry-After within the timeout, not a hang; thawed: all works again", async () => {
    // Requests just before the freeze leave pooled connections to the backends being frozen.
    await expectAllServing();
    const thaw = freezePostgres(DATA_DIR);
    try {
      await expectAllUnavailable();
    } finally {
      thaw();
    }
    await expectAllServing();
  }, 180_000);
});
