import { defineAction } from "../actions/action";
import { db } from "../db";
import { hashIp } from "./ip";
import { createInquiry } from "./mutations";
import { inquirySchema } from "./schemas";

/** The investor's inquiry: public, limited per network (the client address of the context). */
export const submitInquiryAction = defineAction({
  name: "submitInquiry",
  schema: inquirySchema,
  access: "public",
  handler: (input, ctx) => createInquiry(db(), input, { ipHash: hashIp(ctx.clientAddress) }),
});
