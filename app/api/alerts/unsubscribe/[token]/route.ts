// RFC 8058 one-click unsubscribe: a mail client's "unsubscribe" button POSTs here
// (List-Unsubscribe-Post: List-Unsubscribe=One-Click) with no cookie and no page. The token is
// the only key; the answer is the same whether a search was deleted or the link was already
// spent, so it tells a prober nothing.
import { NextResponse } from "next/server";
import { unsubscribeByToken } from "@/lib/alerts/loaders";
import { postOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
// Any other method gets the API's JSON 405 naming POST (Next's own 405 has no body).
export const { GET, PUT, PATCH, DELETE } = postOnlyRoute;

export async function POST(_request: Request, { params }: RouteContext<"/api/alerts/unsubscribe/[token]">) {
  const { token } = await params;
  await unsubscribeByToken(token);
  return NextResponse.json({ unsubscribed: true }, { status: 200, headers: { "Cache-Control": "no-store" } });
}
