// The hold rules of lib/land/holds.ts: who may hold what, the default and allowed expiry, when
// the notice is due, what a release gives back.
import { describe, expect, it } from "vitest";
import {
  addDays,
  checkExpiry,
  defaultExpiry,
  isExpired,
  noticeDue,
  planHold,
  planRelease,
  planSign,
  type ActiveHold,
  type ParcelNow,
  type PlanInput,
} from "@/lib/land/holds";

// 2026-12-01 23:30 UTC is already 2 December in China.
const NOW = new Date("2026-12-01T23:30:00Z");
const A: ParcelNow = { id: "pa", code: "XH-A", status: "AVAILABLE", version: 3 };
const B: ParcelNow = { id: "pb", code: "XH-B", status: "AVAILABLE", version: 1 };
const hold = (over: Partial<ActiveHold>): ActiveHold => ({
  id: "h1", parcelId: "pa", inquiryId: "other", heldAs: "RESERVED", statusBefore: "AVAILABLE", expiresOn: "2027-03-01", ...over,
});
const input = (parcels: ParcelNow[], over: Partial<PlanInput> = {}): PlanInput => ({
  inquiryId: "lead",
  parcels,
  shownVersions: new Map(parcels.map((p) => [p.id, p.version])),
  activeHolds: [],
  mayOverride: false,
  ...over,
});

describe("expiry dates (China dates)", () => {
  it("defaults to 90 days after today in China", () => {
    expect(defaultExpiry(NOW)).toBe("2027-03-02");
    expect(addDays("2027-02-27", 2)).toBe("2027-03-01");
    expect(addDays("2027-03-08", -7)).toBe("2027-03-01");
  });
  it("must be after today and within a year", () => {
    expect(checkExpiry("2026-12-02", NOW)).toBe("expiryInPast");
    expect(checkExpiry("2026-12-01", NOW)).toBe("expiryInPast");
    expect(checkExpiry("2026-12-03", NOW)).toBeNull();
    expect(checkExpiry("2027-12-03", NOW)).toBeNull();
    expect(checkExpiry("2027-12-04", NOW)).toBe("expiryTooFar");
  });
  it("a hold runs through its expiry day", () => {
    expect(isExpired("2026-12-02", NOW)).toBe(false);
    expect(isExpired("2026-12-01", NOW)).toBe(true);
  });
  it("the notice is due from a week before expiry, once, while the hold is active", () => {
    const h = { expiresOn: "2026-12-09", expiryNoticeAt: null, endedAt: null };
    expect(noticeDue(h, NOW)).toBe(true); // 2 Dec = 9 Dec - 7
    expect(noticeDue({ ...h, expiresOn: "2026-12-10" }, NOW)).toBe(false);
    expect(noticeDue({ ...h, expiresOn: "2026-12-02" }, NOW)).toBe(true);
    expect(noticeDue({ ...h, expiresOn: "2026-12-01" }, NOW)).toBe(false); // expired: the job releases it
    expect(noticeDue({ ...h, expiryNoticeAt: NOW }, NOW)).toBe(false);
    expect(noticeDue({ ...h, endedAt: NOW }, NOW)).toBe(false);
  });
});

describe("planHold", () => {
  it("holds available land, keeping AVAILABLE to restore", () => {
    const plan = planHold({ ...input([A, B]), heldAs: "UNDER_NEGOTIATION" });
    expect(plan).toEqual({
      ok: true,
      parcels: [
        { parcelId: "pa", code: "XH-A", from: "AVAILABLE", to: "UNDER_NEGOTIATION", statusBefore: "AVAILABLE", overridden: [], ownHold: null, override: false },
        { parcelId: "pb", code: "XH-B", from: "AVAILABLE", to: "UNDER_NEGOTIATION", statusBefore: "AVAILABLE", overridden: [], ownHold: null, override: false },
      ],
    });
  });
  it("names every parcel that changed since the page was opened, before anything else", () => {
    const plan = planHold({ ...input([{ ...A, status: "SOLD", version: 4 }, B, { ...B, id: "pc", code: "XH-C", version: 9 }], { shownVersions: new Map([["pa", 3], ["pb", 1], ["pc", 8]]) }), heldAs: "RESERVED" });
    expect(plan).toEqual({ ok: false, refusals: [
      { parcelId: "pa", code: "XH-A", reason: "changed", status: "SOLD" },
      { parcelId: "pc", code: "XH-C", reason: "changed", status: "AVAILABLE" },
    ] });
  });
  it("never holds sold, leased or withdrawn land, not even with an override", () => {
    for (const status of ["SOLD", "LEASED", "NOT_OFFERED"] as const) {
      const plan = planHold({ ...input([{ ...A, status }], { mayOverride: true, overrideReason: "boss said" }), heldAs: "RESERVED" });
      expect(plan).toEqual({ ok: false, refusals: [{ parcelId: "pa", code: "XH-A", reason: "notAvailable", status }] });
    }
  });
  it("refuses a parcel another lead holds, unless overridden with a reason", () => {
    const held = { ...A, status: "RESERVED" as const };
    const other = hold({});
    expect(planHold({ ...input([held], { activeHolds: [other] }), heldAs: "UNDER_NEGOTIATION" })).toMatchObject({ ok: false, refusals: [{ reason: "heldByOther" }] });
    expect(planHold({ ...input([held], { activeHolds: [other], mayOverride: true, overrideReason: "  " }), heldAs: "UNDER_NEGOTIATION" })).toMatchObject({ ok: false, refusals: [{ reason: "overrideNeedsReason" }] });
    expect(planHold({ ...input([held], { activeHolds: [other], mayOverride: true, overrideReason: "Council decision 12/2026" }), heldAs: "UNDER_NEGOTIATION" })).toEqual({
      ok: true,
      parcels: [{ parcelId: "pa", code: "XH-A", from: "RESERVED", to: "UNDER_NEGOTIATION", statusBefore: "AVAILABLE", overridden: [other], ownHold: null, override: true }],
    });
  });
  it("treats a reservation without any lead like another lead's hold", () => {
    const reserved = { ...A, status: "UNDER_NEGOTIATION" as const };
    expect(planHold({ ...input([reserved]), heldAs: "RESERVED" })).toMatchObject({ ok: false, refusals: [{ reason: "heldByOther" }] });
    expect(planHold({ ...input([reserved], { mayOverride: true, overrideReason: "x" }), heldAs: "UNDER_NEGOTIATION" })).toMatchObject({
      ok: true, parcels: [{ from: "UNDER_NEGOTIATION", to: "UNDER_NEGOTIATION", statusBefore: "UNDER_NEGOTIATION", override: true }],
    });
  });
  it("a parcel the lead holds already is not held twice", () => {
    const own = hold({ inquiryId: "lead" });
    expect(planHold({ ...input([{ ...A, status: "RESERVED" }], { activeHolds: [own] }), heldAs: "RESERVED" })).toMatchObject({ ok: false, refusals: [{ reason: "alreadyHeld" }] });
  });
});

describe("planSign", () => {
  it("sells the lead's held land, ending its own hold; sells available land too", () => {
    const own = hold({ inquiryId: "lead", heldAs: "UNDER_NEGOTIATION" });
    const plan = planSign({ ...input([{ ...A, status: "UNDER_NEGOTIATION" }, B], { activeHolds: [own] }), signAs: "SOLD" });
    expect(plan).toEqual({
      ok: true,
      parcels: [
        { parcelId: "pa", code: "XH-A", from: "UNDER_NEGOTIATION", to: "SOLD", statusBefore: "AVAILABLE", overridden: [], ownHold: own, override: false },
        { parcelId: "pb", code: "XH-B", from: "AVAILABLE", to: "SOLD", statusBefore: "AVAILABLE", overridden: [], ownHold: null, override: false },
      ],
    });
  });
  it("does not sign land another lead holds without an override, nor land sold already", () => {
    const other = hold({});
    expect(planSign({ ...input([{ ...A, status: "RESERVED" }], { activeHolds: [other] }), signAs: "LEASED" })).toMatchObject({ ok: false, refusals: [{ reason: "heldByOther" }] });
    expect(planSign({ ...input([{ ...A, status: "SOLD" }], { mayOverride: true, overrideReason: "x" }), signAs: "LEASED" })).toMatchObject({ ok: false, refusals: [{ reason: "notAvailable" }] });
  });
});

describe("planRelease", () => {
  const h = hold({ heldAs: "RESERVED", statusBefore: "AVAILABLE" });
  it("gives back the status from before the hold", () => {
    expect(planRelease(h, { status: "RESERVED" }, 0, "EXPIRED")).toEqual({ restore: "AVAILABLE" });
    expect(planRelease(h, { status: "RESERVED" }, 0, "LEAD_LOST")).toEqual({ restore: "AVAILABLE" });
    expect(planRelease(h, { status: "RESERVED" }, 0, "RELEASED")).toEqual({ restore: "AVAILABLE" });
  });
  it("leaves a parcel changed since (sold by someone else, re-reserved) or held again as it is", () => {
    expect(planRelease(h, { status: "SOLD" }, 0, "EXPIRED")).toEqual({ restore: null });
    expect(planRelease(h, { status: "UNDER_NEGOTIATION" }, 0, "RELEASED")).toEqual({ restore: null });
    expect(planRelease(h, { status: "RESERVED" }, 1, "RELEASED")).toEqual({ restore: null });
  });
  it("a signed or overridden hold gives nothing back", () => {
    expect(planRelease(h, { status: "RESERVED" }, 0, "SIGNED")).toEqual({ restore: null });
    expect(planRelease(h, { status: "RESERVED" }, 0, "OVERRIDDEN")).toEqual({ restore: null });
  });
});
