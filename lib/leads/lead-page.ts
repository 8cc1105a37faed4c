// The lead page's reads. Every lookup carries leadScope(actor): a guessed id outside an
// officer's parks and assignments finds nothing (the page answers 404). The land the investor
// asked about and the blocks matched are shown with each parcel's status NOW, so "sold since
// you were asked" is visible before anyone calls the investor about it.
import "server-only";
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { chinaDate } from "../calendar/china-time";
import { db as appDb } from "../db";
import type { Db } from "../db/client";
import type { InquiryEventType, InquiryStage, LostReason, ParcelStatus, Role } from "../generated/prisma/enums";
import type { MatchedBlock } from "../inquiry/matching";
import { MAX_ATTEMPTS } from "../mail/outbox";
import { leadScope } from "./scope";

/** The timeline shows this many events (newest first) and says how many more there are. */
export const TIMELINE_LIMIT = 200;
export const EMAIL_LIMIT = 50;

export type ParcelMark = "available" | "soldSince" | "notAvailable";

export interface ParcelNow {
  code: string;
  /** null: no parcel has this code any more */
  status: ParcelStatus | null;
  areaM2: number | null;
  park: { code: string; nameZh: string; nameEn: string | null } | null;
  mark: ParcelMark;
}

export interface BlockNow {
  key: string;
  query: string;
  parcels: ParcelNow[];
  available: number;
  total: number;
  /** every parcel still available / some / none */
  state: "available" | "partly" | "gone";
}

export interface MatchNow extends BlockNow {
  areaM2: number;
  parks: { nameZh: string; nameEn: string | null }[];
}

export type Who = { kind: "staff"; name: string } | { kind: "routing" } | { kind: "system" } | { kind: "investor" };

export interface TimelineEntry {
  id: string;
  type: InquiryEventType;
  at: Date;
  who: Who;
  fromStage: InquiryStage | null;
  toStage: InquiryStage | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export type EmailState = "sent" | "pending" | "retrying" | "failed";

export interface LeadEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  state: EmailState;
}

export interface LeadPageData {
  lead: {
    id: string;
    reference: string;
    version: number;
    stage: InquiryStage;
    lostReason: LostReason | null;
    lostNote: string | null;
    company: string;
    contactName: string;
    email: string;
    phone: string | null;
    country: string;
    industry: string | null;
    /** yuan, as a string (BigInt does not cross to the client) */
    investmentCny: string | null;
    landNeededMu: number | null;
    jobs: number | null;
    powerKva: number | null;
    waterTonsPerDay: number | null;
    timeline: string | null;
    message: string;
    locale: string;
    createdAt: Date;
    park: { code: string; nameZh: string; nameEn: string | null } | null;
    assignee: { id: string; name: string } | null;
    assignedAt: Date | null;
    firstResponseDueAt: Date | null;
    firstContactDueAt: Date | null;
    firstRespondedAt: Date | null;
    nextActionDueAt: Date | null;
    lastActivityAt: Date;
    escalationLevel: number;
  };
  overdue: { firstResponse: boolean; firstContact: boolean; nextAction: boolean };
  /** parcels asked about on their own (not as part of a requested block) */
  parcels: ParcelNow[];
  requestedBlocks: BlockNow[];
  matchedAtSubmission: MatchNow[];
  latestRerun: { at: Date; by: string | null; blocks: MatchNow[] } | null;
  /** for a lost lead: the stage it was lost from (where reopening goes) */
  lostFrom: InquiryStage | null;
  timeline: TimelineEntry[];
  timelineTotal: number;
  emails: LeadEmail[];
}

interface RequestedBlock {
  key: string;
  query: string;
  parcelCodes: string[];
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const codesOf = (v: unknown) => asArray(v).filter((c): c is string => typeof c === "string");

function requestedOf(v: unknown): RequestedBlock[] {
  return asArray(v).filter(isObject).map((b) => ({ key: String(b.key ?? ""), query: String(b.query ?? ""), parcelCodes: codesOf(b.parcelCodes) }));
}

function matchesOf(v: unknown): MatchedBlock[] {
  return asArray(v)
    .filter(isObject)
    .map((b) => ({ key: String(b.key ?? ""), query: String(b.query ?? ""), areaM2: Number(b.areaM2 ?? 0), parcelCodes: codesOf(b.parcelCodes), parkIds: codesOf(b.parkIds) }));
}

/**
 * "Sold since you were asked" only for a parcel sold or leased after the inquiry arrived (its
 * row changed since); one already sold then is simply not available.
 */
export function markOf(status: ParcelStatus | null, changedAt: Date | null, askedAt: Date): ParcelMark {
  if (status === "AVAILABLE") return "available";
  return (status === "SOLD" || status === "LEASED") && changedAt !== null && changedAt > askedAt ? "soldSince" : "notAvailable";
}

function blockNow(key: string, query: string, codes: string[], parcels: Map<string, ParcelNow>): BlockNow {
  const now = codes.map((code) => parcels.get(code) ?? { code, status: null, areaM2: null, park: null, mark: "notAvailable" as const });
  const available = now.filter((p) => p.mark === "available").length;
  const state = now.length > 0 && available === now.length ? "available" : available > 0 ? "partly" : "gone";
  return { key, query, parcels: now, available, total: now.length, state };
}

function whoOf(type: InquiryEventType, actorName: string | null): Who {
  if (actorName !== null) return { kind: "staff", name: actorName };
  if (type === "ASSIGNED") return { kind: "routing" };
  // The investor's own words: the inquiry itself and messages from their status page.
  if (type === "CREATED" || type === "INVESTOR_MESSAGE") return { kind: "investor" };
  return { kind: "system" };
}

export function emailState(e: { sentAt: Date | null; attempts: number }): EmailState {
  if (e.sentAt) return "sent";
  if (e.attempts >= MAX_ATTEMPTS) return "failed";
  return e.attempts > 0 ? "retrying" : "pending";
}

/** The whole lead page, or null when the lead does not exist or is outside the actor's scope. */
export async function readLeadPage(db: Db, actor: Actor, id: string, now = new Date()): Promise<LeadPageData | null> {
  const row = await db.inquiry.findFirst({
    where: { AND: [{ id }, leadScope(actor)] },
    select: {
      id: true, reference: true, version: true, stage: true, lostReason: true, lostNote: true,
      company: true, contactName: true, email: true, phone: true, country: true, industry: true,
      investmentCny: true, landNeededMu: true, jobs: true, powerKva: true, waterTonsPerDay: true,
      timeline: true, message: true, locale: true, createdAt: true,
      park: { select: { code: true, nameZh: true, nameEn: true } },
      assignee: { select: { id: true, name: true } },
      assignedAt: true, firstResponseDueAt: true, firstContactDueAt: true, firstRespondedAt: true,
      nextActionDueAt: true, lastActivityAt: true, escalationLevel: true,
      requestedBlocks: true, matchedBlocks: true,
      parcels: { select: { parcel: { select: { code: true } } } },
    },
  });
  if (!row) return null;

  const [events, timelineTotal, rerun, emails, lostEvent] = await Promise.all([
    db.inquiryEvent.findMany({
      where: { inquiryId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, type: true, createdAt: true, fromStage: true, toStage: true, note: true, data: true, actor: { select: { name: true } } },
    }),
    db.inquiryEvent.count({ where: { inquiryId: row.id } }),
    // Read on its own: the latest re-run may be older than the timeline's window.
    db.inquiryEvent.findFirst({
      where: { inquiryId: row.id, type: "MATCH_RERUN" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true, data: true, actor: { select: { name: true } } },
    }),
    db.outboxEmail.findMany({
      where: { inquiryId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EMAIL_LIMIT,
      select: { id: true, kind: true, to: true, subject: true, createdAt: true, sentAt: true, attempts: true },
    }),
    row.stage === "LOST"
      ? db.inquiryEvent.findFirst({ where: { inquiryId: row.id, type: "STAGE_CHANGED", toStage: "LOST" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { fromStage: true } })
      : null,
  ]);

  const requested = requestedOf(row.requestedBlocks);
  const matched = matchesOf(row.matchedBlocks);
  const rerunBlocks = rerun && isObject(rerun.data) ? matchesOf(rerun.data.blocks) : [];
  const askedCodes = row.parcels.map((p) => p.parcel.code);
  const allCodes = new Set([...askedCodes, ...requested.flatMap((b) => b.parcelCodes), ...matched.flatMap((b) => b.parcelCodes), ...rerunBlocks.flatMap((b) => b.parcelCodes)]);
  const parkIds = new Set([...matched, ...rerunBlocks].flatMap((b) => b.parkIds));
  // Routing records only the assignee's id (lib/leads/routing.ts): their name is looked up here.
  const routedIds = new Set(events.flatMap((e) => (isObject(e.data) && e.data.by === "routing" && typeof e.data.assigneeId === "string" ? [e.data.assigneeId] : [])));
  const [parcelRows, parkRows, routedTo] = await Promise.all([
    allCodes.size
      ? db.parcel.findMany({ where: { code: { in: [...allCodes] } }, select: { code: true, status: true, areaM2: true, updatedAt: true, park: { select: { code: true, nameZh: true, nameEn: true } } } })
      : [],
    parkIds.size ? db.park.findMany({ where: { id: { in: [...parkIds] } }, select: { id: true, nameZh: true, nameEn: true } }) : [],
    routedIds.size ? db.user.findMany({ where: { id: { in: [...routedIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const routedName = new Map(routedTo.map((u) => [u.id, u.name]));
  const parcels = new Map(parcelRows.map(({ updatedAt, ...p }) => [p.code, { ...p, mark: markOf(p.status, updatedAt, row.createdAt) }]));
  const parks = new Map(parkRows.map((p) => [p.id, { nameZh: p.nameZh, nameEn: p.nameEn }]));
  const matchNow = (b: MatchedBlock): MatchNow => ({
    ...blockNow(b.key, b.query, b.parcelCodes, parcels),
    areaM2: b.areaM2,
    parks: b.parkIds.flatMap((pid) => parks.get(pid) ?? []),
  });
  const inBlocks = new Set(requested.flatMap((b) => b.parcelCodes));
  const today = chinaDate(now);

  return {
    lead: {
      id: row.id, reference: row.reference, version: row.version, stage: row.stage, lostReason: row.lostReason, lostNote: row.lostNote,
      company: row.company, contactName: row.contactName, email: row.email, phone: row.phone, country: row.country, industry: row.industry,
      investmentCny: row.investmentCny === null ? null : row.investmentCny.toString(),
      landNeededMu: row.landNeededMu, jobs: row.jobs, powerKva: row.powerKva, waterTonsPerDay: row.waterTonsPerDay,
      timeline: row.timeline, message: row.message, locale: row.locale, createdAt: row.createdAt, park: row.park, assignee: row.assignee,
      assignedAt: row.assignedAt, firstResponseDueAt: row.firstResponseDueAt, firstContactDueAt: row.firstContactDueAt,
      firstRespondedAt: row.firstRespondedAt, nextActionDueAt: row.nextActionDueAt, lastActivityAt: row.lastActivityAt, escalationLevel: row.escalationLevel,
    },
    overdue: {
      firstResponse: !row.firstRespondedAt && !!row.firstResponseDueAt && row.firstResponseDueAt < now,
      firstContact: !row.firstRespondedAt && !!row.firstContactDueAt && row.firstContactDueAt < now,
      nextAction: !!row.nextActionDueAt && chinaDate(row.nextActionDueAt) < today,
    },
    parcels: askedCodes.filter((c) => !inBlocks.has(c)).map((c) => parcels.get(c)!).filter(Boolean),
    requestedBlocks: requested.map((b) => blockNow(b.key, b.query, b.parcelCodes, parcels)),
    matchedAtSubmission: matched.map(matchNow),
    latestRerun: rerun ? { at: rerun.createdAt, by: rerun.actor?.name ?? null, blocks: rerunBlocks.map(matchNow) } : null,
    lostFrom: lostEvent?.fromStage ?? null,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt,
      who: whoOf(e.type, e.actor?.name ?? null),
      fromStage: e.fromStage,
      toStage: e.toStage,
      note: e.note,
      data: !isObject(e.data) ? null
        : e.data.by === "routing" && typeof e.data.assigneeId === "string" ? { ...e.data, toName: routedName.get(e.data.assigneeId) ?? null }
        : e.data,
    })),
    timelineTotal,
    emails: emails.map((e) => ({ ...e, state: emailState(e) })),
  };
}

/** The page's one read per request: generateMetadata and the page share it (React cache). */
export const loadLeadPage = cache((actor: Actor, id: string) => readLeadPage(appDb(), actor, id));

export interface LeadSnapshot {
  version: number;
  stage: InquiryStage;
  assignee: string | null;
  nextActionDueAt: Date | null;
  last: { type: InquiryEventType; at: Date; who: Who } | null;
}

/** What a conflict shows: the lead as it is now (scoped like every read), or null. */
export async function readLeadSnapshot(db: Db, actor: Actor, id: string): Promise<LeadSnapshot | null> {
  const row = await db.inquiry.findFirst({
    where: { AND: [{ id }, leadScope(actor)] },
    select: {
      version: true, stage: true, nextActionDueAt: true, assignee: { select: { name: true } },
      events: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { type: true, createdAt: true, actor: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const last = row.events[0];
  return {
    version: row.version,
    stage: row.stage,
    assignee: row.assignee?.name ?? null,
    nextActionDueAt: row.nextActionDueAt,
    last: last ? { type: last.type, at: last.createdAt, who: whoOf(last.type, last.actor?.name ?? null) } : null,
  };
}

export interface AssignableStaff {
  id: string;
  name: string;
  role: Role;
}

/** Who a lead can be given to: active officers and admins. */
export function listAssignableStaff(db: Db): Promise<AssignableStaff[]> {
  return db.user.findMany({
    where: { disabled: false, role: { in: ["OFFICER", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, role: true },
  });
}
