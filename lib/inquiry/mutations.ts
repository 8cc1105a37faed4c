// Writing an investor's inquiry: idempotent (a double click, a retry or a resubmitted page
// gives one inquiry), rate-limited per IP in PostgreSQL, and matched against current land at
// submission so an officer sees suitable blocks immediately. One transaction, which also
// queues the investor's confirmation e-mail (lib/mail/outbox.ts sends it).
import { randomInt } from "node:crypto";
import type { Db } from "../db/client";
import { rateLimited } from "../errors";
import { pick } from "../i18n/localized";
import { enqueueEmail } from "../mail/outbox";
import { inquiryReceivedEmail, translatorFor } from "../mail/templates";
import { addWorkingDays } from "./deadlines";
import { Prisma } from "../generated/prisma/client";
import { hitRateLimit } from "../rate-limit";
import { findLandBlock } from "../search/queries";
import { landSearchSchema, searchParamsToObject } from "../search/schemas";
import { matchBlocksForNeeds } from "./matching";
import type { Inquiry } from "./schemas";
import { CONSENT_VERSION } from "./schemas";

export const INQUIRIES_PER_IP_PER_HOUR = 5;
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;

export interface CreatedInquiry {
  reference: string;
  /** false when this was a repeat of an earlier submission with the same idempotency key */
  created: boolean;
  matchedBlocks: number;
}

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read out over the phone

export function newReference(now: Date): string {
  const yymm = now.toISOString().slice(2, 7).replace("-", "");
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `JM${yymm}-${code}`;
}

async function existing(db: Db, idempotencyKey: string): Promise<CreatedInquiry | null> {
  const row = await db.inquiry.findUnique({ where: { idempotencyKey }, select: { reference: true, matchedBlocks: true } });
  return row ? { reference: row.reference, created: false, matchedBlocks: Array.isArray(row.matchedBlocks) ? row.matchedBlocks.length : 0 } : null;
}

const isUniqueViolation = (e: unknown, field: string) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && JSON.stringify(e.meta ?? {}).includes(field);

export async function createInquiry(db: Db, input: Inquiry, ctx: { ipHash: string | null; now?: Date }): Promise<CreatedInquiry> {
  const now = ctx.now ?? new Date();
  const repeat = await existing(db, input.idempotencyKey);
  if (repeat) return repeat;
  if (ctx.ipHash) {
    const ok = await hitRateLimit(db, { key: `inquiry:${ctx.ipHash}`, windowSeconds: 3600, max: INQUIRIES_PER_IP_PER_HOUR }, now);
    if (!ok) throw rateLimited("rateLimited");
  }

  const park = input.parkCode ? await db.park.findUnique({ where: { code: input.parkCode }, select: { id: true, nameZh: true, nameEn: true } }) : null;
  const requested: { key: string; query: string; parcelCodes: string[] }[] = [];
  const parcelCodes = new Set<string>();
  if (input.blockKey) {
    const q = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(input.blockQuery ?? "")));
    const block = await findLandBlock(db, q.success ? q.data : landSearchSchema.parse({}), input.blockKey, now);
    // A block sold since the page was opened is still recorded, with no parcels, so the
    // officer sees what the investor looked at.
    requested.push({ key: input.blockKey, query: input.blockQuery ?? "", parcelCodes: block?.parcelCodes ?? [] });
    block?.parcelCodes.forEach((c) => parcelCodes.add(c));
  }
  if (input.parcelCode) parcelCodes.add(input.parcelCode);
  const parcels = parcelCodes.size
    ? await db.parcel.findMany({ where: { code: { in: [...parcelCodes] } }, select: { id: true, code: true } })
    : [];
  const matched = await matchBlocksForNeeds(db, { landNeededMu: input.landNeededMu, industry: input.industry, parkCode: input.parkCode }, now);
  // The first answer is promised within two working days (form, success page and e-mail).
  const answerBy = addWorkingDays(now, 2);
  const t = translatorFor(input.locale);
  // The e-mail names only land that exists: form fields are not echoed to any address.
  const blockFound = requested.some((b) => b.parcelCodes.length > 0);
  const parcelFound = parcels.some((p) => p.code === input.parcelCode);
  const about = input.blockKey && blockFound
    ? t("inquiry.aboutBlock", { key: input.blockKey })
    : input.parcelCode && parcelFound
      ? t("inquiry.aboutParcel", { code: input.parcelCode })
      : park
        ? t("inquiry.aboutPark", { park: pick(input.locale, park.nameZh, park.nameEn) })
        : t("inquiry.aboutNothing");

  for (let attempt = 0; ; attempt++) {
    const reference = newReference(now);
    try {
      await db.$transaction(async (tx) => {
        const inquiry = await tx.inquiry.create({
          data: {
            reference,
            idempotencyKey: input.idempotencyKey,
            contactName: input.contactName,
            email: input.email,
            phone: input.phone,
            company: input.company,
            country: input.country,
            industry: input.industry,
            investmentCny: input.investmentCny === undefined ? null : BigInt(Math.round(input.investmentCny)),
            landNeededMu: input.landNeededMu,
            jobs: input.jobs,
            powerKva: input.powerKva,
            waterTonsPerDay: input.waterTonsPerDay,
            timeline: input.timeline,
            message: input.message,
            locale: input.locale,
            consentAt: now,
            consentVersion: CONSENT_VERSION,
            parkId: park?.id,
            requestedBlocks: requested.length ? requested : Prisma.DbNull,
            matchedBlocks: matched as unknown as Prisma.InputJsonValue,
            firstResponseDueAt: answerBy,
            parcels: { create: parcels.map((p) => ({ parcelId: p.id })) },
          },
          select: { id: true },
        });
        await tx.inquiryEvent.create({ data: { inquiryId: inquiry.id, type: "CREATED", toStage: "NEW" } });
        // The confirmation is written with the inquiry: both or neither, sent after commit.
        const email = inquiryReceivedEmail({
          locale: input.locale,
          reference,
          contactName: input.contactName,
          company: input.company,
          about,
          landNeededMu: input.landNeededMu ?? null,
          answerBy,
        });
        // A form that mails any address could be used to spam it: a few confirmations per
        // address a day, the inquiries themselves are always kept.
        const recent = await tx.outboxEmail.count({ where: { to: input.email, createdAt: { gt: new Date(now.getTime() - 86_400_000) } } });
        if (recent < CONFIRMATIONS_PER_ADDRESS_PER_DAY) await enqueueEmail(tx, { ...email, kind: "inquiry-received", to: input.email, inquiryId: inquiry.id });
      });
      return { reference, created: true, matchedBlocks: matched.length };
    } catch (error) {
      if (isUniqueViolation(error, "idempotencyKey")) {
        // Two submissions with the same key raced past the first check: the other one won.
        const winner = await existing(db, input.idempotencyKey);
        if (winner) return winner;
      }
      if (isUniqueViolation(error, "reference") && attempt < 5) continue;
      throw error;
    }
  }
}
