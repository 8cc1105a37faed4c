// The status page's public action: the link's token is the only key.
import { defineAction } from "../actions/action";
import { db } from "../db";
import { hashIp } from "./ip";
import { addInvestorMessage } from "./status-mutations";
import { investorMessageSchema } from "./status-schemas";

export const addInvestorMessageAction = defineAction({
  name: "addInvestorMessage",
  schema: investorMessageSchema,
  access: "public",
  handler: (input, ctx) => addInvestorMessage(db(), input, { ipHash: hashIp(ctx.clientAddress) }),
});
