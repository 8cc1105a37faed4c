// The status page's message form: one schema for the browser and the server. Control
// characters are refused by the toolkit's text rule (lib/validation/fields.ts).
import type { z } from "zod";
import { fields, requiredText } from "../validation/fields";

export const INVESTOR_MESSAGE_MAX = 2000;

export const investorMessageSchema = fields({
  token: requiredText(1, 100),
  message: requiredText(1, INVESTOR_MESSAGE_MAX),
});

export type InvestorMessageInput = z.input<typeof investorMessageSchema>;
export type InvestorMessage = z.output<typeof investorMessageSchema>;
