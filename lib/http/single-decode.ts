// next-intl's middleware decodes the pathname (decodeURI) and rewrites or redirects to the
// decoded form, which Next then decodes a second time: `/zh/parcels/100%25` (the code "100%")
// became `/zh/parcels/100%` and a 500, and `%252D` was read as "-". Escaping every `%` before
// it looks makes its decode give back the path exactly as requested, so that Next decodes the
// path once, as for every route outside the middleware.
import { NextRequest, type NextResponse } from "next/server";

export function withSingleDecode(middleware: (request: NextRequest) => NextResponse) {
  return function singleDecode(request: NextRequest): NextResponse {
    const { pathname } = request.nextUrl;
    if (!pathname.includes("%")) return middleware(request);
    const url = request.nextUrl.clone();
    url.pathname = pathname.replaceAll("%", "%25");
    // Only the URL, headers and cookies are read; the body stays with the original request.
    const response = middleware(new NextRequest(url, { headers: request.headers }));
    // The alternate-language links were built from the escaped path: undo the escape there.
    const link = response.headers.get("link");
    if (link) response.headers.set("link", link.replaceAll("%25", "%"));
    return response;
  };
}
