// next-auth, configured to write exactly the cookie lib/auth/session.ts reads: its name
// (sessionCookieName), its secret (authSecret) and its content (the JWT of session-token.ts,
// only { sub, sid, tv }). The Credentials provider hands the form to attemptSignIn; sign-out
// ends the StaffSession row. Every request re-checks that row (actorFromToken), so the
// cookie's own 12-hour lifetime is only an upper bound.
import "server-only";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { clientIp, hashIp } from "../inquiry/ip";
import { endStaffSession } from "./session";
import { actorFromClaims } from "./session";
import { authSecret, decodeSessionToken, encodeSessionToken, secureCookies, SESSION_MAX_AGE_SECONDS, sessionCookieName, type SessionClaims } from "./session-token";
import { attemptSignIn } from "./sign-in";
import { signInErrorCode } from "./sign-in-errors";

/** What authorize() returns on success: next-auth's user, carrying the claims of the new session. */
interface SignedInUser {
  id: string;
  sid: string;
  tv: number;
}

function claimsOf(token: JWT | Record<string, unknown> | undefined | null): SessionClaims | null {
  const { sub, sid, tv } = (token ?? {}) as Record<string, unknown>;
  return typeof sub === "string" && typeof sid === "string" && typeof tv === "number" ? { sub, sid, tv } : null;
}

const field = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export function authOptions(): AuthOptions {
  const secure = secureCookies();
  return {
    secret: authSecret(),
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: {
      maxAge: SESSION_MAX_AGE_SECONDS,
      async encode({ token }) {
        const claims = claimsOf(token);
        if (!claims) throw new Error("session token without claims");
        return encodeSessionToken(claims);
      },
      async decode({ token }) {
        return (await decodeSessionToken(token)) as JWT | null;
      },
    },
    cookies: {
      sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
    },
    // next-auth's own pages (GET /api/auth/signin, /error) are never the way in: ours is.
    pages: { signIn: "/zh/staff/sign-in", error: "/zh/staff/sign-in", signOut: "/zh/staff/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "staff",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, req) {
          const ipHash = hashIp(clientIp(new Headers(req.headers as Record<string, string>)));
          const result = await attemptSignIn(db(), {
            email: field(credentials?.email, 400),
            password: field(credentials?.password, 1024),
            code: field(credentials?.code, 64) || null,
            ipHash,
          });
          // next-auth passes a thrown error's message to the client (`error` of signIn()).
          if (!result.ok) throw new Error(signInErrorCode(result));
          return { id: result.userId, sid: result.sessionId, tv: result.tokenVersion } satisfies SignedInUser;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as SignedInUser;
          return { sub: u.id, sid: u.sid, tv: u.tv };
        }
        // /api/auth/session: a session ended in the database is no session here either
        // (throwing makes next-auth drop the cookie).
        const claims = claimsOf(token);
        if (!claims || !(await actorFromClaims(db(), claims))) throw new Error("session ended");
        return token;
      },
      async session({ session, token }) {
        // Nothing about the person travels to the browser: pages read the database.
        return { expires: session.expires, user: { id: token.sub } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await endStaffSession(db(), claims.sid, "signed-out");
      },
    },
    logger: {
      error(code, metadata) {
        // A refused sign-in is an answer, not an error worth a stack trace in the log.
        if (code === "CREDENTIALS_SIGNIN" || code === "JWT_SESSION_ERROR") return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn() {},
      debug() {},
    },
  };
}
