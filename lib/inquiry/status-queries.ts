// The investor's status page: the inquiry found by its link's hash (a unique index; a guess is
// one lookup of a hash that matches nothing), only while the link is valid, and only what the
// investor may see: the step, the officer's name, the land asked about, their own messages.
// Never the staff's notes, stage reasons, other events, matches or e-mails.
import { hashLinkToken, looksLikeLinkToken } from "../alerts/tokens";
import type { Db } from "../db/client";
import { pick } from "../i18n/localized";
import { investorStep, type InvestorStep } from "./status";

export interface InquiryStatus {
  reference: string;
  locale: string;
  createdAt: Date;
  answerBy: Date | null;
  step: InvestorStep;
  officerName: string | null;
  blocks: { key: string; parcelCodes: string[] }[];
  /** parcels asked about on their own (not those of a block above) */
  parcelCodes: string[];
  parkName: string | null;
  /** the newest MAX_STATUS_MESSAGES, oldest first */
  messages: StatusMessage[];
}

export interface StatusMessage {
  id: string;
  at: Date;
  text: string;
}

/** Messages the page lists: the newest ones (the rate limit keeps a conversation far shorter). */
export const MAX_STATUS_MESSAGES = 100;

const asBlocks = (v: unknown): { key: string; parcelCodes: string[] }[] =>
  Array.isArray(v)
    ? v
        .filter((b): b is { key: string; parcelCodes?: unknown } => typeof b === "object" && b !== null && typeof (b as { key?: unknown }).key === "string")
        .map((b) => ({ key: b.key, parcelCodes: Array.isArray(b.parcelCodes) ? b.parcelCodes.filter((c): c is string => typeof c === "string") : [] }))
    : [];

export type StatusLink = { kind: "valid"; id: string } | { kind: "expired" } | { kind: "unknown" };

/**
 * What a status link is: valid (with its inquiry's id), expired (a link we sent whose time is
 * up: the page says so and what to do, naming nothing of the inquiry) or unknown (a 404).
 */
export async function readStatusLink(db: Db, token: string, now = new Date()): Promise<StatusLink> {
  if (!looksLikeLinkToken(token)) return { kind: "unknown" };
  const row = await db.inquiry.findUnique({ where: { statusTokenHash: hashLinkToken(token) }, select: { id: true, statusTokenExpiresAt: true } });
  if (!row) return { kind: "unknown" };
  if (!row.statusTokenExpiresAt || row.statusTokenExpiresAt <= now) return { kind: "expired" };
  return { kind: "valid", id: row.id };
}

/** The inquiry's id behind a status link, or null when the link is unknown or expired. */
export async function inquiryIdForStatusToken(db: Db, token: string, now = new Date()): Promise<string | null> {
  const link = await readStatusLink(db, token, now);
  return link.kind === "valid" ? link.id : null;
}

export async function readInquiryStatus(db: Db, token: string, locale: string, now = new Date()): Promise<InquiryStatus | null> {
  const id = await inquiryIdForStatusToken(db, token, now);
  if (!id) return null;
  const row = await db.inquiry.findUnique({
    where: { id },
    select: {
      reference: true,
      locale: true,
      createdAt: true,
      firstResponseDueAt: true,
      stage: true,
      assigneeId: true,
      firstRespondedAt: true,
      assignee: { select: { name: true, disabled: true } },
      requestedBlocks: true,
      park: { select: { nameZh: true, nameEn: true } },
      parcels: { select: { parcel: { select: { code: true } } } },
      // The newest, so a message just sent is always among them (oldest-first would stop at 100).
      events: { where: { type: "INVESTOR_MESSAGE" }, select: { id: true, note: true, createdAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MAX_STATUS_MESSAGES },
    },
  });
  if (!row) return null;
  const blocks = asBlocks(row.requestedBlocks);
  const inBlocks = new Set(blocks.flatMap((b) => b.parcelCodes));
  return {
    reference: row.reference,
    locale: row.locale,
    createdAt: row.createdAt,
    answerBy: row.firstResponseDueAt,
    step: investorStep(row),
    // An officer who has left (disabled) is nobody to contact: the page says "not yet assigned".
    officerName: row.assignee && !row.assignee.disabled ? row.assignee.name : null,
    blocks,
    parcelCodes: row.parcels.map((p) => p.parcel.code).filter((c) => !inBlocks.has(c)).sort(),
    parkName: row.park ? pick(locale, row.park.nameZh, row.park.nameEn) : null,
    messages: row.events.map((e) => ({ id: e.id, at: e.createdAt, text: e.note ?? "" })).reverse(),
  };
}
