// The routing choice (lib/leads/round-robin.ts) and the escalation levels (lib/leads/escalation-rule.ts): pure rules.
import { describe, expect, it } from "vitest";
import { escalationLevelsDue, ESCALATION_DAYS } from "@/lib/leads/escalation-rule";
import { assignmentStamp, chooseAssignee } from "@/lib/leads/round-robin";

const at = (iso: string) => new Date(iso);

describe("chooseAssignee", () => {
  it("nobody to choose from: null", () => {
    expect(chooseAssignee([])).toBeNull();
  });

  it("never-assigned officers first (by id), then the one assigned longest ago", () => {
    const c = [
      { id: "c", lastAssignedAt: at("2026-12-01T02:00:00Z") },
      { id: "b", lastAssignedAt: null },
      { id: "a", lastAssignedAt: at("2026-12-01T01:00:00Z") },
      { id: "d", lastAssignedAt: null },
    ];
    expect(chooseAssignee(c)?.id).toBe("b");
    expect(chooseAssignee(c.filter((x) => x.lastAssignedAt))?.id).toBe("a");
  });

  it("equal times: the smaller id, whatever the order given", () => {
    const t = at("2026-12-01T01:00:00Z");
    expect(chooseAssignee([{ id: "y", lastAssignedAt: t }, { id: "x", lastAssignedAt: t }])?.id).toBe("x");
    expect(chooseAssignee([{ id: "x", lastAssignedAt: t }, { id: "y", lastAssignedAt: t }])?.id).toBe("x");
  });

  it("applied in turn with its stamps, gives each of 4 officers one lead per round", () => {
    const officers = ["o1", "o2", "o3", "o4"].map((id) => ({ id, lastAssignedAt: null as Date | null }));
    const order: string[] = [];
    // Every request computed "now" before queueing for the lock, so the times go backwards.
    for (let i = 0; i < 12; i++) {
      const now = at(`2026-12-01T01:00:${String(59 - i).padStart(2, "0")}Z`);
      const chosen = chooseAssignee(officers)!;
      chosen.lastAssignedAt = assignmentStamp(now, officers);
      order.push(chosen.id);
    }
    expect(order).toEqual(["o1", "o2", "o3", "o4", "o1", "o2", "o3", "o4", "o1", "o2", "o3", "o4"]);
  });
});

describe("assignmentStamp", () => {
  it("is now when now is after every earlier stamp, else 1 ms after the latest", () => {
    const now = at("2026-12-01T01:00:00.000Z");
    expect(assignmentStamp(now, [{ id: "a", lastAssignedAt: null }, { id: "b", lastAssignedAt: at("2026-12-01T00:59:59.999Z") }])).toEqual(now);
    expect(assignmentStamp(now, [{ id: "a", lastAssignedAt: now }])).toEqual(at("2026-12-01T01:00:00.001Z"));
    expect(assignmentStamp(now, [{ id: "a", lastAssignedAt: at("2026-12-01T01:00:05.000Z") }, { id: "b", lastAssignedAt: null }])).toEqual(at("2026-12-01T01:00:05.001Z"));
  });
});

describe("escalationLevelsDue", () => {
  it("levels 1, 2, 3 at 3, 5 and 7 working days untouched", () => {
    expect(ESCALATION_DAYS).toEqual([3, 5, 7]);
    expect([0, 2, 3, 4, 5, 6, 7, 30].map((d) => escalationLevelsDue(d, 0))).toEqual([[], [], [1], [1], [1, 2], [1, 2], [1, 2, 3], [1, 2, 3]]);
  });

  it("never repeats a recorded level; after a touch only the next levels can follow, each at its own count", () => {
    expect(escalationLevelsDue(3, 1)).toEqual([]);
    expect(escalationLevelsDue(4, 1)).toEqual([]);
    expect(escalationLevelsDue(5, 1)).toEqual([2]);
    expect(escalationLevelsDue(7, 1)).toEqual([2, 3]);
    expect(escalationLevelsDue(7, 2)).toEqual([3]);
    expect(escalationLevelsDue(100, 3)).toEqual([]);
  });
});
