// The reset page's action: public (the person has no session: that is the point), so the
// token in the input is the only key. Rate-limited per client address in redeemPasswordReset.
import "server-only";
import { z } from "zod";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { hashIp } from "../inquiry/ip";
import { redeemPasswordReset } from "./password-reset";

export const resetPasswordSchema = z.object({
  token: z.string().max(100, { error: "resetUnknown" }),
  // Over-long input gets the policy's own message (the form translates "password.*" keys).
  password: z.string().max(1024, { error: "password.tooLong" }),
  confirm: z.string().max(1024, { error: "password.tooLong" }),
});

export const resetPasswordAction = defineAction({
  name: "auth.resetPassword",
  schema: resetPasswordSchema,
  access: "public",
  handler: (input, ctx) => redeemPasswordReset(db(), input, { requestId: ctx.requestId, clientAddressKey: hashIp(ctx.clientAddress) }),
});
