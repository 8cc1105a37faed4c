// The parcel status rules (lib/land/status-transitions.ts), pair by pair against a table written
// out here by hand from how land changes hands: every (from, to) of the six statuses is one of
// "same", "free" (ordinary, no reason), "reason" (ordinary, reason required) or "override"
// (a correction: parcel.override and a reason). Each class is checked with and without a
// reason and with and without the override permission.
import { describe, expect, it } from "vitest";
import { ParcelStatus } from "@/lib/generated/prisma/enums";
import { checkParcelTransition, HOLD_STATUSES, OFFERED_STATUSES, ordinaryTargets, SIGNED_STATUSES } from "@/lib/land/status-transitions";

type Kind = "same" | "free" | "reason" | "override";
const A = "AVAILABLE", R = "RESERVED", U = "UNDER_NEGOTIATION", S = "SOLD", L = "LEASED", N = "NOT_OFFERED";
const STATUSES = [A, R, U, S, L, N] as const;

// Rows: from; columns: to, in the order A R U S L N.
const TABLE: Record<(typeof STATUSES)[number], Kind[]> = {
  AVAILABLE: ["same", "free", "free", "free", "free", "reason"],
  RESERVED: ["free", "same", "free", "free", "free", "reason"],
  UNDER_NEGOTIATION: ["free", "free", "same", "free", "free", "reason"],
  SOLD: ["override", "override", "override", "same", "override", "override"],
  LEASED: ["reason", "override", "override", "override", "same", "reason"],
  NOT_OFFERED: ["reason", "reason", "reason", "override", "override", "same"],
};

const pairs = STATUSES.flatMap((from) => STATUSES.map((to, i) => ({ from, to, kind: TABLE[from][i]! })));

describe("checkParcelTransition", () => {
  it("covers all 36 pairs of the six statuses", () => {
    expect(Object.values(ParcelStatus).sort()).toEqual([...STATUSES].sort());
    expect(pairs).toHaveLength(36);
    expect(pairs.filter((p) => p.kind === "free")).toHaveLength(12);
    expect(pairs.filter((p) => p.kind === "reason")).toHaveLength(8);
    expect(pairs.filter((p) => p.kind === "override")).toHaveLength(10);
  });

  for (const { from, to, kind } of pairs) {
    it(`${from} -> ${to}: ${kind}`, () => {
      const run = (reason: string | null, mayOverride: boolean) => checkParcelTransition({ from, to, reason, mayOverride });
      const combos = [run(null, false), run("contract 2026-118", false), run(null, true), run("contract 2026-118", true)];
      switch (kind) {
        case "same":
          for (const c of combos) expect(c).toEqual({ ok: false, from, to, reason: "unchanged" });
          break;
        case "free":
          for (const c of combos) expect(c).toEqual({ ok: true, from, to, override: false, reasonRequired: false });
          break;
        case "reason":
          expect(combos[0]).toEqual({ ok: false, from, to, reason: "needsReason" });
          expect(combos[2]).toEqual({ ok: false, from, to, reason: "needsReason" });
          expect(combos[1]).toEqual({ ok: true, from, to, override: false, reasonRequired: true });
          expect(combos[3]).toEqual({ ok: true, from, to, override: false, reasonRequired: true });
          break;
        case "override":
          // Without the permission a reason does not help; with it, the reason is still required.
          expect(combos[0]).toEqual({ ok: false, from, to, reason: "needsOverride" });
          expect(combos[1]).toEqual({ ok: false, from, to, reason: "needsOverride" });
          expect(combos[2]).toEqual({ ok: false, from, to, reason: "needsReason" });
          expect(combos[3]).toEqual({ ok: true, from, to, override: true, reasonRequired: true });
          break;
      }
    });
  }

  it("treats a blank or whitespace-only reason as none", () => {
    for (const reason of ["", "   ", "\n\t", undefined, null]) {
      expect(checkParcelTransition({ from: "SOLD", to: "AVAILABLE", reason, mayOverride: true })).toMatchObject({ ok: false, reason: "needsReason" });
      expect(checkParcelTransition({ from: "AVAILABLE", to: "NOT_OFFERED", reason, mayOverride: false })).toMatchObject({ ok: false, reason: "needsReason" });
    }
  });

  it("sold -> available: refused without override, allowed with override and a reason", () => {
    expect(checkParcelTransition({ from: "SOLD", to: "AVAILABLE", reason: "entered in error", mayOverride: false })).toMatchObject({ ok: false, reason: "needsOverride" });
    expect(checkParcelTransition({ from: "SOLD", to: "AVAILABLE", reason: "entered in error", mayOverride: true })).toMatchObject({ ok: true, override: true });
  });
});

describe("ordinaryTargets", () => {
  it("lists exactly the free and reason moves of each status", () => {
    for (const from of STATUSES) {
      const expected = STATUSES.filter((_, i) => TABLE[from][i] === "free" || TABLE[from][i] === "reason");
      expect([...ordinaryTargets(from)].sort()).toEqual([...expected].sort());
    }
    expect(ordinaryTargets("SOLD")).toEqual([]);
  });

  it("names the offered, hold and signed statuses", () => {
    expect(OFFERED_STATUSES).toEqual(["AVAILABLE"]);
    expect(HOLD_STATUSES).toEqual(["UNDER_NEGOTIATION", "RESERVED"]);
    expect(SIGNED_STATUSES).toEqual(["SOLD", "LEASED"]);
  });
});
