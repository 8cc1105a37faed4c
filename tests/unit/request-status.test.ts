// The HTTP layer's half of "database unavailable -> 503": a real node:http server whose handler
// fails the way Next does (statusCode 500, then end), with and without the database guard having
// noted an outage in the request's scope.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { installDatabaseStatus, noteDatabaseUnavailable, withDatabaseStatus } from "@/lib/db/request-status";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable-constants";

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What Next does when a page render throws: status 500, the error page, after some awaits. */
async function failLikeNext(res: http.ServerResponse, databaseDown: boolean, explicit = false) {
  await new Promise((r) => setTimeout(r, 5));
  if (databaseDown) await Promise.resolve().then(noteDatabaseUnavailable);
  res.statusCode = 500;
  if (explicit) res.writeHead(500, "Internal Server Error", { "content-type": "text/html" });
  else res.setHeader("content-type", "text/html");
  res.end("<p>error page</p>");
}

describe("withDatabaseStatus", () => {
  it("turns a 500 after a noted database outage into 503 with Retry-After, body unchanged", async () => {
    const base = await serve((_req, res) => withDatabaseStatus(res, () => void failLikeNext(res, true)));
    const res = await fetch(base);
    expect(res.status).toBe(503);
    expect(res.statusText).toBe("Service Unavailable");
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe("<p>error page</p>");
  });

  it("also when the status is written explicitly with a reason phrase and headers", async () => {
    const base = await serve((_req, res) => withDatabaseStatus(res, () => void failLikeNext(res, true, true)));
    const res = await fetch(base);
    expect(res.status).toBe(503);
    expect(res.statusText).toBe("Service Unavailable");
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  });

  it("leaves other 500s (bugs) and successful answers alone", async () => {
    const base = await serve((req, res) =>
      withDatabaseStatus(res, () => {
        if (req.url === "/bug") return void failLikeNext(res, false);
        // A database error that was handled (say, a route answering 200 from a fallback) is not a 500.
        noteDatabaseUnavailable();
        res.end("ok");
      }),
    );
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    const ok = await fetch(`${base}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("retry-after")).toBeNull();
  });

  it("keeps each request's outage to itself when requests interleave", async () => {
    const base = await serve((req, res) => withDatabaseStatus(res, () => void failLikeNext(res, req.url === "/down")));
    const [down, bug] = await Promise.all([fetch(`${base}/down`), fetch(`${base}/bug`)]);
    expect(down.status).toBe(503);
    expect(bug.status).toBe(500);
  });

  it("is installed on every node:http server once, and nests with an explicit wrapper", async () => {
    installDatabaseStatus();
    installDatabaseStatus();
    const base = await serve((req, res) => {
      if (req.url === "/nested") return withDatabaseStatus(res, () => void failLikeNext(res, true));
      void failLikeNext(res, req.url === "/down");
    });
    expect((await fetch(`${base}/down`)).status).toBe(503);
    expect((await fetch(`${base}/nested`)).status).toBe(503);
    expect((await fetch(`${base}/bug`)).status).toBe(500);
  });
});
