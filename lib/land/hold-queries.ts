// What the lead page shows of its land's holds: for each of the lead's parcels its status and
// version now (the forms send the version back), this lead's own active hold, and any other
// lead's, named by reference only where the viewer may read that lead (leadScope), otherwise
// "another lead". On a parcel this lead holds, the other open leads asking for it are flagged
// too, so both sides see the clash before anything is promised.
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { ParcelStatus } from "../generated/prisma/enums";
import { leadScope } from "../leads/scope";
import { noticeDue } from "./holds";

export interface HoldView {
  id: string;
  heldAs: ParcelStatus;
  /** YYYY-MM-DD, the last day of the hold */
  expiresOn: string;
  overrideReason: string | null;
  /** in the last week before expiry */
  expiringSoon: boolean;
}

export interface LeadParcelLand {
  id: string;
  code: string;
  status: ParcelStatus;
  version: number;
  own: HoldView | null;
  /** another lead's active hold; reference null when the viewer may not see that lead */
  other: { reference: string | null; expiresOn: string; heldAs: ParcelStatus } | null;
  /** other open leads asking for a parcel this lead holds (references the viewer may see; null = hidden) */
  wantedBy: (string | null)[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const OPEN = { notIn: ["SIGNED", "LOST"] as ("SIGNED" | "LOST")[] };

export async function readLeadLand(db: Db, actor: Actor, leadId: string, now = new Date()): Promise<LeadParcelLand[] | null> {
  const lead = await db.inquiry.findFirst({
    where: { AND: [{ id: leadId }, leadScope(actor)] },
    select: { id: true, parcels: { select: { parcel: { select: { id: true, code: true, status: true, version: true } } } } },
  });
  if (!lead) return null;
  const parcels = lead.parcels.map((p) => p.parcel).sort((a, b) => a.code.localeCompare(b.code));
  const ids = parcels.map((p) => p.id);
  if (ids.length === 0) return [];
  const [holds, asks] = await Promise.all([
    db.parcelHold.findMany({
      where: { parcelId: { in: ids }, endedAt: null },
      select: { id: true, parcelId: true, inquiryId: true, heldAs: true, expiresOn: true, overrideReason: true, expiryNoticeAt: true, inquiry: { select: { reference: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.inquiryParcel.findMany({
      where: { parcelId: { in: ids }, inquiryId: { not: lead.id }, inquiry: { stage: OPEN } },
      select: { parcelId: true, inquiryId: true, inquiry: { select: { reference: true } } },
      take: 500,
    }),
  ]);
  const otherIds = [...new Set([...holds.filter((h) => h.inquiryId !== lead.id).map((h) => h.inquiryId), ...asks.map((a) => a.inquiryId)])];
  const visible = new Set(
    otherIds.length ? (await db.inquiry.findMany({ where: { AND: [{ id: { in: otherIds } }, leadScope(actor)] }, select: { id: true } })).map((r) => r.id) : [],
  );
  return parcels.map((p) => {
    const mine = holds.find((h) => h.parcelId === p.id && h.inquiryId === lead.id);
    const theirs = holds.find((h) => h.parcelId === p.id && h.inquiryId !== lead.id);
    return {
      ...p,
      own: mine
        ? {
            id: mine.id, heldAs: mine.heldAs, expiresOn: iso(mine.expiresOn), overrideReason: mine.overrideReason,
            expiringSoon: noticeDue({ expiresOn: iso(mine.expiresOn), expiryNoticeAt: null, endedAt: null }, now),
          }
        : null,
      other: theirs ? { reference: visible.has(theirs.inquiryId) ? theirs.inquiry.reference : null, expiresOn: iso(theirs.expiresOn), heldAs: theirs.heldAs } : null,
      wantedBy: mine ? asks.filter((a) => a.parcelId === p.id).map((a) => (visible.has(a.inquiryId) ? a.inquiry.reference : null)) : [],
    };
  });
}
