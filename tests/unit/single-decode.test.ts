import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";
import { withSingleDecode } from "@/lib/http/single-decode";

// next-intl's own middleware, as proxy.ts uses it, with and without the wrapper.
const intl = createMiddleware(routing);
const wrapped = withSingleDecode(intl);
const run = (middleware: (r: NextRequest) => NextResponse, path: string) => middleware(new NextRequest(`http://portal.test${path}`, { headers: { "accept-language": "zh-CN" } }));

describe("withSingleDecode(next-intl)", () => {
  it("leaves the path as requested, so that Next decodes it once (unwrapped, %25 is decoded away)", () => {
    expect(run(intl, "/zh/parcels/100%25").headers.get("x-middleware-rewrite")).toBe("http://portal.test/zh/parcels/100%");
    expect(run(wrapped, "/zh/parcels/100%25").headers.get("x-middleware-rewrite")).toBe("http://portal.test/zh/parcels/100%25");
    expect(run(intl, "/zh/parcels/XH%252DSM").headers.get("x-middleware-rewrite")).toBe("http://portal.test/zh/parcels/XH%2DSM");
    expect(run(wrapped, "/zh/parcels/XH%252DSM").headers.get("x-middleware-rewrite")).toBe("http://portal.test/zh/parcels/XH%252DSM");
  });

  it("redirects a path without locale to the same, still-encoded path", () => {
    expect(run(intl, "/parcels/100%25").headers.get("location")).toBe("http://portal.test/zh/parcels/100%");
    expect(run(wrapped, "/parcels/100%25").headers.get("location")).toBe("http://portal.test/zh/parcels/100%25");
  });

  it("gives the alternate-language links of the path as requested", () => {
    const link = run(wrapped, "/zh/parcels/100%25").headers.get("link") ?? "";
    expect(link).toContain("<http://portal.test/en/parcels/100%25>");
    expect(link).not.toContain("%2525");
  });

  it("changes nothing for a path without escapes", () => {
    const a = run(intl, "/zh/parcels/XH-SM-B01-P01");
    const b = run(wrapped, "/zh/parcels/XH-SM-B01-P01");
    expect([...b.headers.entries()]).toEqual([...a.headers.entries()]);
  });
});
