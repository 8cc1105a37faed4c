// A small set of leads with known values for the inbox tests: three parks, an admin, two
// officers (each responsible for one park) and ten leads spread over stages, assignees,
// countries, sizes, deadlines and escalation levels, so every filter has an exact answer.
import type { Db } from "@/lib/db/client";
import type { Industry, InquiryStage } from "@/lib/generated/prisma/enums";
import { createStaff, type TestStaff } from "./staff";

/** The inbox tests' "now": 2026-12-01 12:00 China time. */
export const INBOX_NOW = new Date("2026-12-01T04:00:00Z");

interface LeadSpec {
  ref: string;
  company: string;
  contact: string;
  email: string;
  phone?: string;
  country: string;
  park: "p1" | "p2" | "p3" | null;
  industry: Industry | null;
  land: number | null;
  stage: InquiryStage;
  assignee: "admin" | "officerA" | "officerB" | null;
  created: string;
  due: string | null;
  responded: string | null;
  escalation: number;
}

export const LEADS: LeadSpec[] = [
  { ref: "JM-T-001", company: "江门新能源科技有限公司", contact: "陈静", email: "chen@xny.cn", phone: "+86 750 1234567", country: "China", park: "p1", industry: "NEW_ENERGY_BATTERY", land: 120, stage: "NEW", assignee: "officerA", created: "2026-11-30T02:00:00Z", due: "2026-12-01T02:00:00Z", responded: null, escalation: 0 },
  { ref: "JM-T-002", company: "Acme Batteries GmbH", contact: "Hans Müller", email: "hans@acme.de", country: "Germany", park: "p1", industry: "ENERGY_STORAGE", land: 300, stage: "CONTACTED", assignee: "officerA", created: "2026-11-25T01:00:00Z", due: "2026-11-26T01:00:00Z", responded: "2026-11-25T09:30:00Z", escalation: 0 },
  { ref: "JM-T-003", company: "华南光伏有限公司", contact: "李雷", email: "li@hnpv.cn", country: "China", park: "p2", industry: "PHOTOVOLTAIC", land: 80, stage: "NEW", assignee: null, created: "2026-11-28T20:00:00Z", due: "2026-11-30T01:00:00Z", responded: null, escalation: 1 },
  { ref: "JM-T-004", company: "Sunrise Solar Pte", contact: "Tan Wei", email: "tan@sunrise.sg", country: "Singapore", park: "p2", industry: "PHOTOVOLTAIC", land: 45.5, stage: "QUALIFIED", assignee: "officerB", created: "2026-11-20T01:00:00Z", due: "2026-11-21T01:00:00Z", responded: "2026-11-20T05:00:00Z", escalation: 0 },
  { ref: "JM-T-005", company: "新能源汽车配件公司", contact: "王芳", email: "wang@auto.cn", country: "China", park: "p3", industry: "AUTO_PARTS", land: 500, stage: "NEW", assignee: "officerA", created: "2026-11-15T01:00:00Z", due: "2026-11-16T01:00:00Z", responded: null, escalation: 2 },
  { ref: "JM-T-006", company: "Müller & Söhne", contact: "Anna Schmidt", email: "anna@ms.de", country: "germany", park: "p3", industry: "HIGH_END_EQUIPMENT", land: null, stage: "SITE_VISIT", assignee: "officerB", created: "2026-11-10T01:00:00Z", due: "2026-11-11T01:00:00Z", responded: "2026-11-10T03:00:00Z", escalation: 0 },
  { ref: "JM-T-007", company: '=HYPERLINK("http://x.example","点我"),公司', contact: "-Eve", email: "eve@x.example", phone: "+1 555 0100", country: "China", park: "p1", industry: null, land: 60, stage: "SIGNED", assignee: "officerA", created: "2026-11-05T01:00:00Z", due: "2026-11-06T01:00:00Z", responded: null, escalation: 0 },
  { ref: "JM-T-008", company: "100%_Percent Co", contact: "Zhang San", email: "zhang@pct.cn", country: "China", park: null, industry: null, land: 10, stage: "LOST", assignee: null, created: "2026-11-01T01:00:00Z", due: "2026-11-02T01:00:00Z", responded: null, escalation: 3 },
  { ref: "JM-T-009", company: "Future Due Ltd", contact: "Bob Stone", email: "bob@fd.us", country: "United States", park: "p1", industry: "NEXT_GEN_IT", land: 20, stage: "NEW", assignee: null, created: "2026-12-01T03:00:00Z", due: "2026-12-02T01:00:00Z", responded: null, escalation: 0 },
  { ref: "JM-T-010", company: "Gamma Materials", contact: "Gamma Tanaka", email: "gamma@gm.jp", country: "Japan", park: "p2", industry: "NEW_MATERIALS", land: 1000, stage: "NEGOTIATING", assignee: "admin", created: "2026-10-20T01:00:00Z", due: null, responded: null, escalation: 0 },
];

export interface InboxFixture {
  admin: TestStaff;
  officerA: TestStaff;
  officerB: TestStaff;
  parks: Record<"p1" | "p2" | "p3", string>;
  /** reference -> Inquiry.id */
  ids: Record<string, string>;
}

async function createPark(db: Db, code: string, nameZh: string, nameEn: string): Promise<string> {
  const park = await db.park.create({
    data: { code, nameZh, nameEn, level: "SPECIALTY", industries: [], descriptionZh: "-", descriptionEn: "-", centerLng: 113.08, centerLat: 22.58 },
    select: { id: true },
  });
  return park.id;
}

export function leadRow(spec: LeadSpec, parkId: string | null, assigneeId: string | null) {
  return {
    reference: spec.ref,
    idempotencyKey: `key-${spec.ref}`,
    contactName: spec.contact,
    email: spec.email,
    phone: spec.phone ?? null,
    company: spec.company,
    country: spec.country,
    industry: spec.industry,
    landNeededMu: spec.land,
    message: "-",
    locale: "zh",
    consentAt: new Date(spec.created),
    consentVersion: "test",
    parkId,
    stage: spec.stage,
    assigneeId,
    assignedAt: assigneeId ? new Date(spec.created) : null,
    firstContactDueAt: spec.due ? new Date(spec.due) : null,
    firstRespondedAt: spec.responded ? new Date(spec.responded) : null,
    escalationLevel: spec.escalation,
    createdAt: new Date(spec.created),
    lastActivityAt: new Date(spec.created),
  };
}

export async function seedInbox(db: Db): Promise<InboxFixture> {
  const parks = {
    p1: await createPark(db, "t-p1", "江海产业园", "Jianghai Park"),
    p2: await createPark(db, "t-p2", "鹤山工业城", "Heshan Industrial City"),
    p3: await createPark(db, "t-p3", "台山工业新城", "Taishan New Industrial City"),
  };
  const admin = await createStaff(db, { role: "ADMIN", name: "管理员" });
  const officerA = await createStaff(db, { role: "OFFICER", name: "陈官员", parkCodes: ["t-p1"] });
  const officerB = await createStaff(db, { role: "OFFICER", name: "Officer Bai", parkCodes: ["t-p2"] });
  const staff = { admin, officerA, officerB };
  await db.inquiry.createMany({
    data: LEADS.map((l) => leadRow(l, l.park ? parks[l.park] : null, l.assignee ? staff[l.assignee].id : null)),
  });
  const rows = await db.inquiry.findMany({ select: { id: true, reference: true } });
  return { ...staff, parks, ids: Object.fromEntries(rows.map((r) => [r.reference, r.id])) };
}

/** What the inbox tests write, removed after each test. */
export const INBOX_TABLES = `"AuditLog", "Inquiry", "StaffSession", "ParkResponsibility", "User", "Park"`;
