// The HTTP layer's half of "database unavailable -> 503": a real node:http server whose handler
// fails the way Next does (statusCode 500, then the error page), with and without the database
// guard having noted an outage in the request's scope.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { noteDatabaseUnavailable, withDatabaseStatus } from "@/lib/db/request-status";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable-constants";
import { databaseUnavailablePage } from "@/lib/db/unavailable-page";

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type How = "streamed" | "explicit" | "empty";

/** What Next does when a render throws: status 500, then its error page (or, for a route, nothing). */
async function failLikeNext(res: http.ServerResponse, databaseDown: boolean, how: How = "streamed", type = "text/html; charset=utf-8") {
  await new Promise((r) => setTimeout(r, 5));
  if (databaseDown) await Promise.resolve().then(noteDatabaseUnavailable);
  res.statusCode = 500;
  if (how === "empty") return void res.end();
  if (how === "explicit") {
    res.writeHead(500, "Internal Server Error", { "content-type": type, "content-length": "22" });
    return void res.end("<p>next error page</p>");
  }
  res.setHeader("content-type", type);
  res.write("<p>next error ");
  await new Promise((r) => setTimeout(r, 5));
  res.end("page</p>");
}

const wrap = (how: How = "streamed", type?: string): http.RequestListener => (req, res) =>
  withDatabaseStatus(req, res, () => void failLikeNext(res, req.url !== "/bug", how, type));

describe("withDatabaseStatus", () => {
  it("answers a page that failed for lack of a database with 503, Retry-After and a page in the path's language", async () => {
    const base = await serve(wrap());
    for (const [path, text] of [["/zh/search?a=1&b=2", "服务暂时不可用"], ["/en/parks", "The service is briefly unavailable"]] as const) {
      const res = await fetch(base + path);
      expect(res.status).toBe(503);
      expect(res.statusText).toBe("Service Unavailable");
      expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.text();
      expect(body).toBe(databaseUnavailablePage(path));
      expect(body).toContain(`<h1>${text}</h1>`);
      expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    }
    const zh = await (await fetch(`${base}/zh/search?a=1&b=2`)).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<a href="/zh/search?a=1&#38;b=2">重试</a>');
  });

  it("also when the status is written explicitly with a reason phrase and headers", async () => {
    const base = await serve(wrap("explicit"));
    const res = await fetch(`${base}/en`);
    expect(res.status).toBe(503);
    expect(res.statusText).toBe("Service Unavailable");
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await res.text()).toBe(databaseUnavailablePage("/en"));
  });

  it("sends its page uncompressed when Next has started to gzip its own", async () => {
    const base = await serve((req, res) =>
      withDatabaseStatus(req, res, async () => {
        noteDatabaseUnavailable();
        // Next's compression sets Content-Encoding just before the head goes out, then writes gzip.
        res.statusCode = 500;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-encoding", "gzip");
        res.write(gzipSync("<p>next error page</p>"));
        res.end();
      }),
    );
    const res = await fetch(`${base}/en`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toBe(databaseUnavailablePage("/en"));
  });

  it("keeps the body of what is not a page load (RSC data of a navigation), and says why in an empty route answer", async () => {
    const rsc = await fetch(`${await serve(wrap("explicit", "text/x-component"))}/zh`, { headers: { rsc: "1" } });
    expect(rsc.status).toBe(503);
    expect(await rsc.text()).toBe("<p>next error page</p>");
    server!.close();
    const html = await fetch(`${await serve(wrap())}/zh`, { headers: { rsc: "1" } });
    expect(html.status).toBe(503);
    expect(await html.text()).toBe("<p>next error page</p>");
    server!.close();
    const empty = await fetch(`${await serve(wrap("empty"))}/sitemap.xml`);
    expect(empty.status).toBe(503);
    expect(empty.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(empty.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await empty.text()).toBe("Service unavailable: the database is not answering. Please try again in a few seconds.\n");
  });

  it("leaves other 500s (bugs) and successful answers alone", async () => {
    const base = await serve((req, res) =>
      withDatabaseStatus(req, res, () => {
        if (req.url === "/bug") return void failLikeNext(res, false);
        // A database error that was handled (a route answering from a fallback) is not a 500.
        noteDatabaseUnavailable();
        res.end("ok");
      }),
    );
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    expect(await bug.text()).toBe("<p>next error page</p>");
    const ok = await fetch(`${base}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("retry-after")).toBeNull();
    expect(await ok.text()).toBe("ok");
  });

  it("keeps each request's outage to itself when requests interleave", async () => {
    const base = await serve(wrap());
    const [down, bug] = await Promise.all([fetch(`${base}/down`), fetch(`${base}/bug`)]);
    expect(down.status).toBe(503);
    expect(bug.status).toBe(500);
  });
});
