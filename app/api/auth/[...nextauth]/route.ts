// next-auth's endpoints (csrf, providers, callback/credentials, session, signout), configured
// in lib/auth/options.ts. The portal server passes /api requests on unscreened (no Origin or
// body checks: route handlers check their own input), so the body size is capped here, before
// next-auth reads it; next-auth's double-submit CSRF token guards every POST.
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

/** A sign-in form is a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  if (req.method === "POST") {
    const length = Number(req.headers.get("content-length"));
    if (!req.headers.has("content-length") || !Number.isFinite(length)) {
      return NextResponse.json({ error: "length required" }, { status: 411, headers: { "Cache-Control": "no-store" } });
    }
    if (length > MAX_BODY_BYTES) return NextResponse.json({ error: "too large" }, { status: 413, headers: { "Cache-Control": "no-store" } });
  }
  const response: Response = await NextAuth(authOptions())(req, context);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { handler as GET, handler as POST };
