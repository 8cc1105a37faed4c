// The filling of Next's 404 error shell (lib/http/not-found-shell.ts); the running portal is
// checked in tests/e2e/not-found.test.ts.
import { describe, expect, it } from "vitest";
import { fillNotFoundShell, shellLocale, stylesheetsFromLink } from "@/lib/http/not-found-shell";

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/></head><body><div hidden=""></div><script nonce="n">x</script></body></html>';
const PAYLOAD_EN = '<script>self.__next_f.push([1,"7:[\\"$\\",\\"html\\",null,{\\"lang\\":\\"en\\",\\"children\\":[]}]"])</script>';

describe("fillNotFoundShell", () => {
  it("gives the shell its lang, title, stylesheet and the not-found page, keeping Next's scripts", () => {
    const html = fillNotFoundShell(SHELL + PAYLOAD_EN, "/nope.php", ["/_next/static/chunks/a.css"]);
    expect(html).toContain('<html id="__next_error__" lang="en"><head><title>This page does not exist</title><link rel="stylesheet" href="/_next/static/chunks/a.css"><meta charSet="utf-8"/>');
    expect(html).toContain('<body><main id="main"');
    expect(html).toContain('<h1 class="mt-1 text-2xl font-bold sm:text-3xl">This page does not exist</h1>');
    expect(html).toContain('<a class="text-brand-700 underline" href="/en/parks">All parks</a>');
    expect(html).toContain('<div hidden=""></div><script nonce="n">x</script>');
  });

  it("takes the language from the payload, then the path, then Chinese", () => {
    expect(shellLocale(PAYLOAD_EN, "/zh/x")).toBe("en");
    expect(shellLocale("", "/en/blocks/XX-0")).toBe("en");
    expect(shellLocale("", "/nope.php")).toBe("zh");
    expect(fillNotFoundShell(SHELL, "/zh/nope")).toContain('<h1 class="mt-1 text-2xl font-bold sm:text-3xl">页面不存在</h1>');
  });

  it("leaves any other document as it is", () => {
    const page = '<!DOCTYPE html><html lang="en"><head></head><body><h1>Parks</h1></body></html>';
    expect(fillNotFoundShell(page, "/en/parks")).toBe(page);
  });
});

describe("stylesheetsFromLink", () => {
  it("reads the preloaded stylesheets of Next's Link header, nothing else", () => {
    const link = '<http://x/zh/nope>; rel="alternate"; hreflang="zh-CN", </_next/static/chunks/32-h.css>; rel=preload; as="style"; nonce="n", </_next/static/chunks/f.woff2>; rel=preload; as="font"';
    expect(stylesheetsFromLink(link)).toEqual(["/_next/static/chunks/32-h.css"]);
  });
});
