// Writing an investor's inquiry: idempotent (a double click, a retry or a resubmitted page
// gives one inquiry), rate-limited per network in PostgreSQL, and matched against current land
// at submission so an officer sees suitable blocks immediately. One transaction, which also
// queues the investor's confirmation e-mail (lib/mail/outbox.ts sends it).
import { randomInt } from "node:crypto";
import { loadWorkCalendar } from "../calendar/queries";
import { addWorkingDays } from "../calendar/working-days";
import type { Db, DbClient } from "../db/client";
import { env } from "../env";
import { conflict, rateLimited } from "../errors";
import { countEmailsTo, enqueueEmail } from "../mail/outbox";
import { addressKey } from "../mail/address";
import { assignNewInquiry } from "../leads/routing";
import { inquiryReceivedEmail } from "../mail/templates";
import { Prisma } from "../generated/prisma/client";
import { takeRateLimit } from "../rate-limit";
import { findLandBlock } from "../search/queries";
import { landSearchSchema, searchParamsToObject } from "../search/schemas";
import { inquiryFingerprint } from "./fingerprint";
import { storedMatches, summariseMatches, type MatchSummary } from "./match-summary";
import { newStatusToken, statusUrl } from "./status-token";
import { comparedLand } from "./compared-land";
import { confirmationAbout } from "./confirmation-subject";
import { loadShortfall, matchBlocksForNeeds, type LoadShortfall } from "./matching";
import type { Inquiry } from "./schemas";
import { CONSENT_VERSION } from "./schemas";

export const INQUIRIES_PER_IP_PER_HOUR = 5;
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
/** The investor is promised a first answer within this many working days (form, success page, e-mail). */
export const ANSWER_WORKING_DAYS = 2;

/**
 * The rate-limit bucket of every request whose client address could not be determined (see
 * lib/inquiry/ip.ts). Such requests are not waved through: they share ONE bucket with the same
 * hourly max as a single network. With the proxy hops configured correctly this bucket stays
 * empty; if it fills, the deployment is misconfigured and failing closed (a few refused
 * inquiries, the form says to e-mail instead) is the safe side. A larger max would only invite
 * abuse through whatever makes the address unknown. A hash is 32 hex digits, so this never
 * collides with a real network's key.
 */
export const UNKNOWN_CLIENT = "unknown";

export interface CreatedInquiry {
  reference: string;
  /** false when this was a repeat of an earlier submission with the same idempotency key */
  created: boolean;
  matchedBlocks: number;
  /** the matched blocks themselves, listed on the success page */
  matches: MatchSummary[];
  /** no match because no block of the size carries the stated load: the page says so */
  shortfall: LoadShortfall | null;
}

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read out over the phone

export function newReference(now: Date): string {
  const yymm = now.toISOString().slice(2, 7).replace("-", "");
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `JM${yymm}-${code}`;
}

/**
 * The earlier inquiry with this key, as a replay's answer; a conflict when its content differs
 * (rows written before fingerprints existed are taken as replays, as they always were).
 */
async function existing(db: DbClient, idempotencyKey: string, fingerprint: string, land: { db: Db; now: Date }): Promise<CreatedInquiry | null> {
  const row = await db.inquiry.findUnique({
    where: { idempotencyKey },
    select: { reference: true, matchedBlocks: true, fingerprint: true, landNeededMu: true, powerKva: true, waterTonsPerDay: true },
  });
  if (!row) return null;
  if (row.fingerprint !== null && row.fingerprint !== fingerprint) throw conflict("keyReused");
  const matches = await summariseMatches(db, storedMatches(row.matchedBlocks));
  // The reason for no match is not stored: worked out again from the stated needs, as the first answer did.
  const shortfall = matches.length === 0 ? await loadShortfall(land.db, { landNeededMu: row.landNeededMu ?? undefined, powerKva: row.powerKva, waterTonsPerDay: row.waterTonsPerDay }, land.now) : null;
  return { reference: row.reference, created: false, matchedBlocks: matches.length, matches, shortfall };
}

const isUniqueViolation = (e: unknown, field: string) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && JSON.stringify(e.meta ?? {}).includes(field);

// Transaction-level advisory locks (released at commit or rollback). Two namespaces, taken in
// this order only, so two writers can never wait on each other in a cycle.
const lockKey = (tx: Prisma.TransactionClient, key: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

async function parkOfLand(db: DbClient, parcels: { parkId: string }[]) {
  if (parcels.length === 0) return null;
  const counts = new Map<string, number>();
  for (const p of parcels) counts.set(p.parkId, (counts.get(p.parkId) ?? 0) + 1);
  const [parkId] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return db.park.findUnique({ where: { id: parkId }, select: { id: true, code: true, nameZh: true, nameEn: true } });
}

export async function createInquiry(db: Db, input: Inquiry, ctx: { ipHash: string | null; now?: Date }): Promise<CreatedInquiry> {
  const now = ctx.now ?? new Date();
  const fingerprint = inquiryFingerprint(input);
  // A replay of a finished inquiry is answered without any work (and without counting).
  const repeat = await existing(db, input.idempotencyKey, fingerprint, { db, now });
  if (repeat) return repeat;

  const namedPark = input.parkCode ? await db.park.findUnique({ where: { code: input.parkCode }, select: { id: true, code: true, nameZh: true, nameEn: true } }) : null;
  const requested: { key: string; query: string; parcelCodes: string[] }[] = [];
  const parcelCodes = new Set<string>();
  let askedBlock: { key: string; areaM2: number; parcelCount: number; parkIds: string[] } | null = null;
  if (input.blockKey) {
    const q = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(input.blockQuery ?? "")));
    const block = await findLandBlock(db, q.success ? q.data : landSearchSchema.parse({}), input.blockKey, now);
    // A block sold since the page was opened is still recorded, with no parcels, so the
    // officer sees what the investor looked at.
    requested.push({ key: input.blockKey, query: input.blockQuery ?? "", parcelCodes: block?.parcelCodes ?? [] });
    block?.parcelCodes.forEach((c) => parcelCodes.add(c));
    if (block && block.parcelCodes.length > 0) askedBlock = block;
  }
  if (input.parcelCode) parcelCodes.add(input.parcelCode);
  // "Ask about all of these" from the compare page: every block (rebuilt under the same
  // filters) and parcel compared, recorded on the one inquiry.
  const compared = await comparedLand(db, input, now);
  for (const r of compared.requested) requested.push(r);
  compared.parcelCodes.forEach((c) => parcelCodes.add(c));
  const parcels = parcelCodes.size
    ? await db.parcel.findMany({ where: { code: { in: [...parcelCodes] } }, select: { id: true, code: true, parkId: true } })
    : [];
  // An inquiry about a block or a parcel names no park in its form, but its land lies in one:
  // the park of most of that land, so the lead reaches (and is seen by) that park's officers.
  const park = namedPark ?? (await parkOfLand(db, parcels));
  // Matched within the inquiry's park (named, or the park of the land asked about), as the lead
  // page's "re-run the match" does: the two results compare like with like.
  const matched = await matchBlocksForNeeds(
    db,
    { landNeededMu: input.landNeededMu, industry: input.industry, parkCode: park?.code, powerKva: input.powerKva, waterTonsPerDay: input.waterTonsPerDay },
    now,
  );
  const shortfall = matched.length === 0 ? await loadShortfall(db, input, now) : null;
  // Deadlines count working days on China's calendar (holidays and swapped working days, as
  // admins keep them): the answer promised to the investor, and the officers' first contact.
  const calendar = await loadWorkCalendar(db);
  const answerBy = addWorkingDays(now, ANSWER_WORKING_DAYS, calendar);
  const firstContactBy = addWorkingDays(now, env().LEAD_FIRST_CONTACT_WORKING_DAYS, calendar);
  // The e-mail goes to an address nobody has verified: it names only land as our data knows
  // it (size, parcels and park as the page names them, the block's own key, the parcel's stored
  // code, the park's name), never form text.
  const parcel = input.parcelCode ? parcels.find((p) => p.code === input.parcelCode) : undefined;
  const about = await confirmationAbout(db, { locale: input.locale, compared: compared.found, block: askedBlock, parcelCode: parcel?.code ?? null, park });

  for (let attempt = 0; ; attempt++) {
    const reference = newReference(now);
    try {
      // One transaction per attempt: the key's lock, the re-check, the quota and the writes
      // commit together or not at all, so a replay (finished or still being written) waits for
      // the writer and is answered with its reference without touching the quota, and a
      // refusal or a failure leaves the counter as it was.
      const result = await db.$transaction(
        async (tx): Promise<CreatedInquiry> => {
          await lockKey(tx, `inquiry-key:${input.idempotencyKey}`);
          const replay = await existing(tx, input.idempotencyKey, fingerprint, { db, now });
          if (replay) return replay;
          const limit = { key: `inquiry:${ctx.ipHash ?? UNKNOWN_CLIENT}`, windowSeconds: 3600, max: INQUIRIES_PER_IP_PER_HOUR };
          if (!(await takeRateLimit(tx, limit, now))) throw rateLimited("rateLimited");
          // The private status page's link: only its hash is kept, the token goes in the e-mail.
          const status = newStatusToken(now);
          const inquiry = await tx.inquiry.create({
            data: {
              reference,
              idempotencyKey: input.idempotencyKey,
              fingerprint,
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
              firstContactDueAt: firstContactBy,
              statusTokenHash: status.hash,
              statusTokenExpiresAt: status.expiresAt,
              parcels: { create: parcels.map((p) => ({ parcelId: p.id })) },
            },
            select: { id: true },
          });
          await tx.inquiryEvent.create({ data: { inquiryId: inquiry.id, type: "CREATED", toStage: "NEW" } });
          await assignNewInquiry(tx, { inquiryId: inquiry.id, parkId: park?.id, now });
          // A form that mails any address could be used to spam it: a few confirmations per
          // address (however it is typed) a day; the inquiries themselves are always kept. The
          // address's lock makes the count and the enqueue one step for parallel inquiries.
          await lockKey(tx, `inquiry-mail:${addressKey(input.email)}`);
          const recent = await countEmailsTo(tx, input.email, new Date(now.getTime() - 86_400_000));
          if (recent < CONFIRMATIONS_PER_ADDRESS_PER_DAY) {
            const email = inquiryReceivedEmail({ locale: input.locale, reference, about, answerBy, status: { url: statusUrl(input.locale, status.token), expiresAt: status.expiresAt } });
            await enqueueEmail(tx, { ...email, kind: "inquiry-received", to: input.email, inquiryId: inquiry.id });
          }
          return { reference, created: true, matchedBlocks: matched.length, matches: await summariseMatches(tx, matched), shortfall };
        },
        // Parallel replays queue on the key's lock, each holding a connection: wait for one
        // longer than Prisma's 2 s default rather than fail a replay that only has to read.
        { maxWait: 10_000, timeout: 15_000 },
      );
      return result;
    } catch (error) {
      if (isUniqueViolation(error, "idempotencyKey")) {
        // Cannot happen while every writer takes the key's lock; kept for safety.
        const winner = await existing(db, input.idempotencyKey, fingerprint, { db, now });
        if (winner) return winner;
      }
      if (isUniqueViolation(error, "reference") && attempt < 5) continue;
      throw error;
    }
  }
}
