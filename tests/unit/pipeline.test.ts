// The pipeline's allowed moves: every one of the 7 x 7 pairs, written out as a table so that a
// changed rule shows up as a changed cell.
import { describe, expect, it } from "vitest";
import type { InquiryStage } from "@/lib/generated/prisma/enums";
import { allowedTargets, checkMove, LOST_REASONS, reopenTarget, STAGES } from "@/lib/leads/pipeline";

// Rows: from; columns: to, in the order of STAGES (NEW CONTACTED QUALIFIED SITE_VISIT NEGOTIATING SIGNED LOST).
// F forward, B back one, L lost (with a reason), R reopen, C correction; lower case: the refusal.
// s same, n back to NEW, b back too far, f signed final, o reopen elsewhere.
const OFFICER: Record<InquiryStage, string> = {
  NEW:         "s F F F F F L",
  CONTACTED:   "n s F F F F L",
  QUALIFIED:   "n B s F F F L",
  SITE_VISIT:  "n b B s F F L",
  NEGOTIATING: "n b b B s F L",
  SIGNED:      "f f f f f s f",
  // lost from QUALIFIED: reopens there and nowhere else
  LOST:        "o o R o o o s",
};
const KIND = { F: "forward", B: "back", L: "lost", R: "reopen", C: "correctSigned" } as const;
const REFUSAL = { s: "same", n: "backToNew", b: "backTooFar", f: "signedFinal", o: "reopenElsewhere", g: "signedOnlyToNegotiating" } as const;

function expectCell(cell: string, result: ReturnType<typeof checkMove>, label: string) {
  if (cell in KIND) expect(result, label).toMatchObject({ ok: true, kind: KIND[cell as keyof typeof KIND] });
  else expect(result, label).toMatchObject({ ok: false, reason: REFUSAL[cell as keyof typeof REFUSAL] });
}

describe("checkMove", () => {
  it("answers every pair of stages as the table says (an officer; lost from QUALIFIED)", () => {
    let checked = 0;
    for (const from of STAGES) {
      const row = OFFICER[from].split(" ");
      expect(row).toHaveLength(7);
      STAGES.forEach((to, i) => {
        expectCell(row[i]!, checkMove({ from, to, lostFrom: "QUALIFIED", lostReason: "PRICE" }), `${from} -> ${to}`);
        checked++;
      });
    }
    expect(checked).toBe(49);
  });

  it("lets a supervisor correct a signing back to NEGOTIATING only", () => {
    const row = "g g g g C s g".split(" ");
    STAGES.forEach((to, i) => expectCell(row[i]!, checkMove({ from: "SIGNED", to, mayCorrectSigned: true, lostReason: "PRICE" }), `SIGNED -> ${to}`));
    // The permission changes nothing else.
    expect(checkMove({ from: "QUALIFIED", to: "NEW", mayCorrectSigned: true })).toMatchObject({ ok: false, reason: "backToNew" });
  });

  it("needs a reason to lose a lead, and text for OTHER", () => {
    for (const from of ["NEW", "CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING"] as const) {
      expect(checkMove({ from, to: "LOST" })).toMatchObject({ ok: false, reason: "lostNeedsReason" });
      expect(checkMove({ from, to: "LOST", lostReason: "OTHER" })).toMatchObject({ ok: false, reason: "otherNeedsNote" });
      expect(checkMove({ from, to: "LOST", lostReason: "OTHER", lostNote: "   " })).toMatchObject({ ok: false, reason: "otherNeedsNote" });
      expect(checkMove({ from, to: "LOST", lostReason: "OTHER", lostNote: "went bankrupt" })).toMatchObject({ ok: true, kind: "lost" });
      for (const reason of LOST_REASONS.filter((r) => r !== "OTHER")) {
        expect(checkMove({ from, to: "LOST", lostReason: reason }), `${from} ${reason}`).toMatchObject({ ok: true, kind: "lost" });
      }
    }
    expect(LOST_REASONS).toHaveLength(9);
  });

  it("reopens a lost lead to the stage it was lost from, else CONTACTED", () => {
    for (const lostFrom of ["NEW", "CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING"] as const) {
      expect(reopenTarget(lostFrom)).toBe(lostFrom);
      expect(allowedTargets("LOST", { lostFrom })).toEqual([lostFrom]);
    }
    for (const unknown of [null, undefined, "SIGNED", "LOST"] as const) expect(reopenTarget(unknown)).toBe("CONTACTED");
    expect(checkMove({ from: "LOST", to: "CONTACTED" })).toMatchObject({ ok: true, kind: "reopen" });
    const refused = checkMove({ from: "LOST", to: "SIGNED", lostFrom: "SITE_VISIT" });
    expect(refused).toMatchObject({ ok: false, reason: "reopenElsewhere", to: "SITE_VISIT" });
  });

  it("names both stages in a refusal's message", () => {
    const r = checkMove({ from: "NEGOTIATING", to: "CONTACTED" });
    expect(r).toMatchObject({ ok: false, reason: "backTooFar" });
    if (!r.ok) expect(r.message).toBe("Cannot move from Negotiating back to Contacted: a lead goes back one stage at a time (Site visit).");
    const s = checkMove({ from: "SIGNED", to: "LOST", lostReason: "PRICE" });
    if (!s.ok) expect(s.message).toBe("Cannot move from Signed to Lost: Signed is final; an admin can correct a signing made by mistake (back to Negotiating).");
    expect(s.ok).toBe(false);
  });

  it("lists the stages the page offers", () => {
    expect(allowedTargets("NEW")).toEqual(["CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING", "SIGNED", "LOST"]);
    expect(allowedTargets("SITE_VISIT")).toEqual(["QUALIFIED", "NEGOTIATING", "SIGNED", "LOST"]);
    expect(allowedTargets("SIGNED")).toEqual([]);
    expect(allowedTargets("SIGNED", { mayCorrectSigned: true })).toEqual(["NEGOTIATING"]);
  });
});
