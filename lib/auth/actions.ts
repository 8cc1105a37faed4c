// The staff member's own account actions, through the one action wrapper. "account.self" is
// the one permission an admin still owing their second factor holds, so these (and sign-out)
// are all such an admin can do.
import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { changePassword, changePasswordSchema, confirmTotp, confirmTotpSchema, regenerateRecoveryCodes, regenerateRecoveryCodesSchema } from "./account";
import { endStaffSession } from "./session-rows";
import { encodeSessionToken, secureCookies, SESSION_MAX_AGE_SECONDS, sessionCookieName } from "./session-token";

async function setSessionCookie(value: string, maxAge: number): Promise<void> {
  (await cookies()).set(sessionCookieName(), value, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge });
}

/** Ends this session (its row, then the cookie). Anyone may call it; signed out, it only clears the cookie. */
export const signOutAction = defineAction({
  name: "signOut",
  schema: z.unknown(),
  access: "public",
  handler: async (_input, ctx) => {
    if (ctx.actor) await endStaffSession(db(), ctx.actor.sessionId, "signed-out");
    await setSessionCookie("", 0);
    return { signedOut: true };
  },
});

export const changePasswordAction = defineAction({
  name: "changePassword",
  schema: changePasswordSchema,
  access: { permission: "account.self" },
  handler: async (input, ctx) => {
    const { sessionId, tokenVersion } = await changePassword(db(), ctx.actor.id, input, { requestId: ctx.requestId });
    // Every session ended with the old token version; this person carries on in a new one.
    await setSessionCookie(await encodeSessionToken({ sub: ctx.actor.id, sid: sessionId, tv: tokenVersion }), SESSION_MAX_AGE_SECONDS);
    return { changed: true };
  },
});

export const confirmTotpAction = defineAction({
  name: "confirmTotp",
  schema: confirmTotpSchema,
  access: { permission: "account.self" },
  handler: (input, ctx) => confirmTotp(db(), ctx.actor.id, input, { requestId: ctx.requestId }),
});

export const regenerateRecoveryCodesAction = defineAction({
  name: "regenerateRecoveryCodes",
  schema: regenerateRecoveryCodesSchema,
  access: { permission: "account.self" },
  handler: (input, ctx) => regenerateRecoveryCodes(db(), ctx.actor.id, input, { requestId: ctx.requestId }),
});
