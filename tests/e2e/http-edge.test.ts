// What the running portal (scripts/serve.ts -> scripts/portal-server.ts) answers to requests a
// scanner or an unlucky link sends: each of these was a 500 under `next start`.
import net from "node:net";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { useBrowser } from "./use-browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const LIMIT = 1024 * 1024;
const HARDENING = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};
/** What a leaked stack trace or framework error looks like in a body (a frame with file:line:col, an error name). */
const LEAK = /\bat [^\s()]+ \([^)]*:\d+:\d+\)|[\w/.-]+\.(?:js|ts|tsx):\d+:\d+|URIError|TypeError|Internal Server Error/;

function expectHardened(headers: Headers, what: string) {
  for (const [name, value] of Object.entries(HARDENING)) expect(headers.get(name), `${what}: ${name}`).toBe(value);
}

/** One request written by hand (fetch refuses TRACE, TRACK and CONNECT); the raw answer. */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let data = "";
    socket.setTimeout(15_000, () => socket.destroy(new Error("no answer")));
    socket.on("data", (d) => (data += d.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

/** The inquiry form's hidden action fields, as the page renders them for a JS-off browser. */
async function inquiryForm(locale: "zh" | "en"): Promise<{ fields: [string, string][]; actionId: string }> {
  const html = await (await fetch(`${baseUrl}/${locale}/inquiry`)).text();
  const fields = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap(([tag]) => {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    return name ? [[name, value.replaceAll("&quot;", '"').replaceAll("&amp;", "&")] as [string, string]] : [];
  });
  const ref = fields.find(([n]) => /^\$ACTION_\d+:0$/.test(n));
  expect(ref, "the form carries its action reference").toBeDefined();
  return { fields, actionId: (JSON.parse(ref![1]) as { id: string }).id };
}

describe.skipIf(!baseUrl)("the portal's HTTP edge", () => {
  it("answers malformed percent-encoding with 400, a page in both languages and the hardening headers", async () => {
    for (const path of ["/zh/parcels/%E0%A4%A", "/%E0%A4%A", "/_next/static/%E0%A4%A", "/en/search/%C0%AF", "/api/land/%FF"]) {
      const res = await fetch(baseUrl + path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      expectHardened(res.headers, path);
      const body = await res.text();
      expect(body, path).toContain("链接有误");
      expect(body, path).toContain("This link is malformed");
      expect(body, path).not.toMatch(LEAK);
    }
  });

  it("treats %25 as a literal % in a code: an unknown parcel or page is an ordinary 404", async () => {
    for (const [path, text] of [
      ["/zh/parcels/100%25", "页面不存在"],
      ["/en/parcels/100%25", "This page does not exist"],
      ["/zh/parcels/%25E0", "页面不存在"],
      ["/zh/no-such-page%25", "页面不存在"],
    ] as const) {
      const res = await fetch(baseUrl + path);
      expect(res.status, path).toBe(404);
      expectHardened(res.headers, path);
      const body = await res.text();
      expect(body, path).toContain(text);
      expect(body, path).not.toMatch(LEAK);
    }
    // Decoded once: %252D is the text "%2D", not a hyphen, so it names no parcel.
    expect((await fetch(`${baseUrl}/zh/parcels/XH%2DSM-B01-P01`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/zh/parcels/XH%252DSM-B01-P01`)).status).toBe(404);
  });

  it("answers TRACE, TRACK, CONNECT and unknown methods with 405 and Allow", async () => {
    const host = new URL(baseUrl).host;
    const all = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    // A page path names the page methods; what Node refuses before reading a path, all of them.
    for (const [line, allow] of [
      ["TRACE /zh HTTP/1.1", "GET, HEAD, POST"],
      ["PROPFIND /zh HTTP/1.1", "GET, HEAD, POST"],
      ["TRACE /api/land/map HTTP/1.1", all],
      ["TRACK /zh HTTP/1.1", all],
      [`CONNECT ${host} HTTP/1.1`, all],
      ["BREW /zh HTTP/1.1", all],
    ]) {
      const answer = await raw(`${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      const [head = "", body = ""] = answer.split("\r\n\r\n", 2);
      expect(head, line).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(head, line).toContain(`\r\nAllow: ${allow}`);
      for (const [name, value] of Object.entries(HARDENING)) expect(head.toLowerCase(), `${line}: ${name}`).toContain(`\r\n${name}: ${value.toLowerCase()}`);
      expect(body, line).toContain("This request method is not supported");
      expect(body, line).not.toMatch(LEAK);
    }
  });

  it("refuses a server-action body over the limit with 413, declared or streamed", async () => {
    const { actionId } = await inquiryForm("zh");
    const headers = { "next-action": actionId, origin: baseUrl, "content-type": "text/plain;charset=UTF-8" };
    const declared = await fetch(`${baseUrl}/zh/inquiry`, { method: "POST", headers, body: "x".repeat(LIMIT + 1) });
    expect(declared.status).toBe(413);
    expectHardened(declared.headers, "413");
    const text = await declared.text();
    expect(text).toContain("at most 1 MB");
    expect(text).not.toMatch(LEAK);

    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    const body = new ReadableStream({
      start(c) {
        for (let i = 0; i < 24; i++) c.enqueue(chunk); // 1.5 MiB, no Content-Length
        c.close();
      },
    });
    const streamed = await fetch(`${baseUrl}/zh/inquiry`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.text()).toContain("提交的内容过大");
  });

  it("refuses a server action from another site or without an Origin with 403", async () => {
    const { actionId } = await inquiryForm("en");
    for (const origin of [undefined, "", "null", "http://evil.example", "https://127.0.0.1.evil.example"]) {
      const headers: Record<string, string> = { "next-action": actionId, "content-type": "text/plain;charset=UTF-8" };
      if (origin !== undefined) headers.origin = origin;
      const res = await fetch(`${baseUrl}/en/inquiry`, { method: "POST", headers, body: "[]" });
      expect(res.status, String(origin)).toBe(403);
      expectHardened(res.headers, String(origin));
      const text = await res.text();
      expect(text, String(origin)).toContain("did not come from this site");
      expect(text, String(origin)).not.toMatch(LEAK);
    }
    // A JS-off form POST (multipart, as a browser sends it) without Origin is refused too.
    const form = new FormData();
    form.set("locale", "en");
    const res = await fetch(`${baseUrl}/en/inquiry`, { method: "POST", body: form });
    expect(res.status).toBe(403);
  });

  it("keeps the JS-off inquiry form working: a browser's form POST (same Origin) reaches the action", async () => {
    const { fields } = await inquiryForm("zh");
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    // Nothing typed: the action answers with its field messages, and nothing is written.
    form.set("contactName", "");
    const res = await fetch(`${baseUrl}/zh/inquiry`, { method: "POST", headers: { origin: baseUrl }, body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("必填。");
  });
});

describe.skipIf(!baseUrl)("the client address the app sees (the e2e portal runs with TRUSTED_PROXY_HOPS=0)", () => {
  it("a forged X-Forwarded-For (or internal header) does not change whose inquiry limit is counted", async () => {
    const db = createPrismaClient(inject("e2eDatabaseUrl"), 1);
    const counts = async () => {
      const byKey = new Map<string, number>();
      for (const r of await db.rateLimit.findMany()) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.count);
      return byKey;
    };
    let grown: [string, number][] = [];
    try {
      const before = await counts();
      for (const forged of ["198.51.100.61", "198.51.100.62, 198.51.100.63"]) {
        const { fields } = await inquiryForm("en");
        const form = new FormData();
        for (const [name, value] of fields) form.append(name, value);
        for (const [name, value] of Object.entries({ contactName: "Forged Hop", email: "forged.hop@example.de", company: "Hop GmbH", country: "Germany", message: "Testing which address the limit counts.", consent: "on" })) form.set(name, value);
        const res = await fetch(`${baseUrl}/en/inquiry`, { method: "POST", headers: { origin: baseUrl, "x-forwarded-for": forged, "x-real-ip": forged, "x-portal-client-address": forged }, body: form });
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('data-testid="inquiry-success"');
      }
      const after = await counts();
      grown = [...after].map(([key, n]): [string, number] => [key, n - (before.get(key) ?? 0)]).filter(([, d]) => d > 0);
      // Both inquiries counted against the same client (the socket's address): under `next
      // start` each forged value was a client of its own, two counters grown by one.
      expect(grown.length).toBeGreaterThan(0);
      expect(grown.map(([, d]) => d)).toEqual(grown.map(() => 2));
    } finally {
      // Give the quota back: the other e2e files send inquiries from the same address.
      for (const [key, d] of grown) await db.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - ${d}, 0) WHERE "key" = ${key} AND "windowStart" = (SELECT max("windowStart") FROM "RateLimit" WHERE "key" = ${key})`;
      await db.$disconnect();
    }
  });
});

describe.skipIf(!chromiumPath)("the inquiry form with JavaScript off, through the portal's server", () => {
  const browser = useBrowser(chromiumPath);

  it("a real browser's form POST carries our Origin and reaches the action (field messages come back)", async () => {
    const context = await browser().newContext({ locale: "zh-CN", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/inquiry`);
    await page.fill("#contactName", "李明");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "提交咨询" }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.request().headers()["origin"]).toBe(baseUrl);
    await page.waitForLoadState();
    await expect(page.getByText("必填。").first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
