// RFC 8058 one-click unsubscribe: a mail client's "unsubscribe" button POSTs here
// (List-Unsubscribe-Post: List-Unsubscribe=One-Click, lib/alerts/headers.ts) with no cookie and
// no page. The token is the only key. GET deletes nothing (the API's JSON 405: scanners and
// previews follow links). An unknown or spent link gets a 404 saying so: a token is 256 bits,
// so telling a prober that theirs is wrong tells them nothing they could use.
import { NextResponse } from "next/server";
import { unsubscribeByToken } from "@/lib/alerts/loaders";
import { postOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
// Any other method gets the API's JSON 405 naming POST (Next's own 405 has no body).
export const { GET, PUT, PATCH, DELETE } = postOnlyRoute;

export async function POST(_request: Request, { params }: RouteContext<"/api/alerts/unsubscribe/[token]">) {
  const { token } = await params;
  const headers = { "Cache-Control": "no-store" };
  if (await unsubscribeByToken(token)) return NextResponse.json({ unsubscribed: true }, { status: 200, headers });
  return NextResponse.json({ error: "unknown link", message: "This unsubscribe link is unknown or was already used: no alerts are sent for it." }, { status: 404, headers });
}
