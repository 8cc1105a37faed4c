// The investor's message from their status page: an INVESTOR_MESSAGE event on the lead's
// timeline, rate-limited per inquiry and per network in PostgreSQL.
//
// It does NOT bump Inquiry.lastActivityAt: that field is "the last thing an officer did"
// (prisma/schema.prisma) and escalation counts untouched working days from it
// (lib/leads/escalation-rule.ts). An investor writing is not an officer acting; counting it
// would postpone the escalation of a lead whose investor is waiting for an answer, the
// opposite of what escalation is for. Nor does it touch the lead's version: the officer's
// open forms stay valid, and the event shows on the timeline at the next load.
import type { Db } from "../db/client";
import { notFound, rateLimited } from "../errors";
import { takeRateLimit } from "../rate-limit";
import { UNKNOWN_CLIENT } from "./mutations";
import { inquiryIdForStatusToken, type StatusMessage } from "./status-queries";
import type { InvestorMessage } from "./status-schemas";

/** Messages per inquiry per hour: a conversation, not a flood on the officer's timeline. */
export const MESSAGES_PER_INQUIRY_PER_HOUR = 5;
/** Messages per network per hour, across inquiries. */
export const MESSAGES_PER_NETWORK_PER_HOUR = 20;

/** The message as stored, for the page to show at once (the list it rendered does not have it). */
export interface AddedMessage {
  added: true;
  message: StatusMessage;
}

export async function addInvestorMessage(db: Db, input: InvestorMessage, ctx: { ipHash: string | null; now?: Date }): Promise<AddedMessage> {
  const now = ctx.now ?? new Date();
  const inquiryId = await inquiryIdForStatusToken(db, input.token, now);
  if (!inquiryId) throw notFound("notFound");
  return db.$transaction(async (tx) => {
    if (!(await takeRateLimit(tx, { key: `inquiry-message:${inquiryId}`, windowSeconds: 3600, max: MESSAGES_PER_INQUIRY_PER_HOUR }, now))) throw rateLimited("rateLimited");
    if (!(await takeRateLimit(tx, { key: `inquiry-message-net:${ctx.ipHash ?? UNKNOWN_CLIENT}`, windowSeconds: 3600, max: MESSAGES_PER_NETWORK_PER_HOUR }, now))) throw rateLimited("rateLimited");
    const event = await tx.inquiryEvent.create({ data: { inquiryId, type: "INVESTOR_MESSAGE", note: input.message, actorId: null, createdAt: now }, select: { id: true, note: true, createdAt: true } });
    return { added: true as const, message: { id: event.id, at: event.createdAt, text: event.note ?? "" } };
  });
}
