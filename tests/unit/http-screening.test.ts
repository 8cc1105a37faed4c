import { describe, expect, it } from "vitest";
import { refusalResponse } from "@/lib/http/refusal-page";
import { isPossibleServerAction, jsonDepth, MAX_ACTION_ARGUMENT_DEPTH, screenActionBody, screenActionLength, screenActionOrigin, screenMethod, screenPageMethod, screenTarget } from "@/lib/http/screening";

describe("screenMethod", () => {
  it("passes the methods the App Router serves", () => {
    for (const m of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(screenMethod(m), m).toBeNull();
  });

  it("refuses TRACE, TRACK, CONNECT and unknown or odd-cased methods with 405", () => {
    for (const m of ["TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "BREW", "get", "", undefined]) {
      expect(screenMethod(m), String(m)).toEqual({ status: 405, problem: "method" });
    }
  });
});

describe("screenTarget", () => {
  it("passes paths that decode, %25 included (a literal %, decoded once by Next)", () => {
    for (const url of ["/", "/zh", "/zh/parcels/100%25", "/zh/parcels/%E4%B8%AD", "/_next/static/chunks/a.js", "/zh/search?q=%E0%A4%A", "/en/search?minArea=500#filters", "/zh/%2F%5C"]) {
      expect(screenTarget(url), url).toBeNull();
    }
  });

  it("refuses malformed percent-encoding in the path with 400", () => {
    for (const url of ["/zh/parcels/%E0%A4%A", "/%E0%A4%A", "/_next/static/%E0%A4%A", "/%", "/a%2", "/%zz", "/%C0%AF", "/%ED%A0%80", "/%FF", "/zh/parcels/%E0%A4%A?x=1"]) {
      expect(screenTarget(url), url).toEqual({ status: 400, problem: "badEncoding" });
    }
  });

  it("refuses a target that is not a path", () => {
    for (const url of ["*", "http://evil.example/", "", undefined]) expect(screenTarget(url), String(url)).toEqual({ status: 400, problem: "badRequestTarget" });
  });
});

describe("screenTarget: control characters", () => {
  it("refuses a NUL or another control character in the decoded path, not in the query", () => {
    for (const url of ["/zh/parks/%00", "/zh/parcels/A%1BB", "/%7F"]) expect(screenTarget(url), url).toEqual({ status: 400, problem: "badEncoding" });
    expect(screenTarget("/zh/search?park=%00")).toBeNull();
  });
});

describe("screenPageMethod", () => {
  it("lets pages answer GET, HEAD and POST, and leaves every method of /api to its routes", () => {
    for (const m of ["GET", "HEAD", "POST"]) expect(screenPageMethod(m, "/zh/search")).toBeNull();
    for (const m of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(screenPageMethod(m, "/zh/search"), m).toEqual({ status: 405, problem: "pageMethod" });
      expect(screenPageMethod(m, "/api/land/map"), m).toBeNull();
    }
    const r = refusalResponse({ status: 405, problem: "pageMethod" });
    expect(r.headers["Content-Security-Policy"]).toBe("default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
    expect(r.headers["Allow"]).toBe("GET, HEAD, POST");
    expect(r.body).toContain("GET, HEAD, POST");
  });
});

describe("isPossibleServerAction", () => {
  it("is a POST with Next-Action, or a form POST (the JS-off form), outside /api", () => {
    expect(isPossibleServerAction("POST", "/zh/inquiry", { "next-action": "abc" })).toBe(true);
    expect(isPossibleServerAction("POST", "/zh/inquiry", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    expect(isPossibleServerAction("POST", "/zh/inquiry", { "content-type": "Application/X-WWW-Form-Urlencoded" })).toBe(true);
    expect(isPossibleServerAction("POST", "/zh/inquiry", { "content-type": "text/plain" })).toBe(false);
    expect(isPossibleServerAction("GET", "/zh/inquiry", { "next-action": "abc" })).toBe(false);
    expect(isPossibleServerAction("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(isPossibleServerAction("POST", "/apiary", { "next-action": "abc" })).toBe(true);
  });
});

describe("screenActionOrigin", () => {
  const PUBLIC = "https://portal.example.cn";
  const check = (origin: string | undefined, host = "127.0.0.1:3000") => screenActionOrigin({ origin, host }, PUBLIC);

  it("accepts the request's own host and the configured public URL", () => {
    expect(check("http://127.0.0.1:3000")).toBeNull();
    expect(check("https://127.0.0.1:3000")).toBeNull();
    expect(check("https://portal.example.cn", "app:3000")).toBeNull();
  });

  it("refuses a missing, empty, null, foreign or malformed origin with 403", () => {
    for (const origin of [undefined, "", " ", "null", "http://evil.example", "http://127.0.0.1:3001", "http://127.0.0.1", "https://portal.example.cn.evil.example", "http://portal.example.cn", "file://", "not a url", "http://127.0.0.1:3000/path", "javascript:alert(1)"]) {
      expect(check(origin), String(origin)).toEqual({ status: 403, problem: "actionOrigin" });
    }
    expect(check("http://127.0.0.1:3000", "")).toEqual({ status: 403, problem: "actionOrigin" });
  });
});

describe("screenActionLength", () => {
  it("refuses a declared body over the limit with 413", () => {
    expect(screenActionLength({ "content-length": "1024" }, 1024)).toBeNull();
    expect(screenActionLength({ "content-length": "1025" }, 1024)).toEqual({ status: 413, problem: "actionTooLarge" });
    expect(screenActionLength({}, 1024)).toBeNull();
  });
});

describe("refusalResponse", () => {
  it("is a short page in both languages with the hardening headers, and Allow on 405", () => {
    const r = refusalResponse({ status: 405, problem: "method" });
    expect(r.status).toBe(405);
    expect(r.headers).toMatchObject({
      "Content-Type": "text/html; charset=utf-8",
      Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    });
    expect(r.body).toContain("不支持此请求方式");
    expect(r.body).toContain("This request method is not supported");
    expect(r.headers["Content-Length"]).toBe(String(Buffer.byteLength(r.body)));
  });

  it("names the limit for an oversized action and says what was wrong for each refusal", () => {
    expect(refusalResponse({ status: 413, problem: "actionTooLarge" }).body).toContain("at most 1 MB");
    expect(refusalResponse({ status: 400, problem: "badEncoding" }).body).toContain("链接有误");
    expect(refusalResponse({ status: 403, problem: "actionOrigin" }).body).toContain("did not come from this site");
    expect(refusalResponse({ status: 403, problem: "actionOrigin" }).headers.Allow).toBeUndefined();
  });
});

describe("screenActionBody: nesting", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  it("measures nesting outside strings only", () => {
    expect(jsonDepth('[{"a":[1,"[[[["]}]')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth(deep(3500))).toBe(3500);
  });

  it("refuses action arguments nested deeper than the limit (Next overflowed its stack at ~3,500), in a text body and in the form's fields", async () => {
    const action = { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" };
    expect(await screenActionBody(Buffer.from(deep(MAX_ACTION_ARGUMENT_DEPTH)), action)).toBeNull();
    expect(await screenActionBody(Buffer.from(deep(MAX_ACTION_ARGUMENT_DEPTH + 1)), action)).toEqual({ status: 400, problem: "actionBody" });
    expect(await screenActionBody(Buffer.from(deep(3500)), action)).toEqual({ status: 400, problem: "actionBody" });
    const form = (name: string, value: string) =>
      Buffer.from(`--zzz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--zzz--\r\n`);
    const multipart = { "content-type": "multipart/form-data; boundary=zzz" };
    expect(await screenActionBody(form("$ACTION_1:1", deep(5000)), multipart)).toEqual({ status: 400, problem: "actionBody" });
    expect(await screenActionBody(form("$ACTION_1:1", "[null]"), multipart)).toBeNull();
    // A visitor's own text may hold any brackets.
    expect(await screenActionBody(form("message", deep(5000)), multipart)).toBeNull();
    expect(await screenActionBody(form("0", deep(5000)), { ...multipart, "next-action": "abc" })).toEqual({ status: 400, problem: "actionBody" });
  });
});
