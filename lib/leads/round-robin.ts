// Choosing who gets a new lead, as a pure rule (lib/leads/routing.ts runs it under a lock).
// Round-robin by "assigned longest ago": every officer's last assignment time is kept on the
// User row, so the rotation survives restarts and is shared by every app instance.

export interface RoutingCandidate {
  id: string;
  /** when this officer was last given a lead by routing; null = never */
  lastAssignedAt: Date | null;
}

/** The candidate assigned longest ago: never-assigned first, then the oldest time, ties by id. */
export function chooseAssignee<T extends RoutingCandidate>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (best === null || before(c, best)) best = c;
  }
  return best;
}

function before(a: RoutingCandidate, b: RoutingCandidate): boolean {
  const ta = a.lastAssignedAt?.getTime() ?? -Infinity;
  const tb = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (ta !== tb) return ta < tb;
  return a.id < b.id;
}

/**
 * The time to record for this assignment: `now`, but always after every candidate's last
 * assignment. Requests that computed `now` before waiting for the routing lock can reach it
 * out of order; without this, a late writer could stamp an officer with an earlier time than
 * the others and hand them a second lead before everyone had one. Milliseconds: what the
 * database keeps (timestamp(3)).
 */
export function assignmentStamp(now: Date, candidates: readonly RoutingCandidate[]): Date {
  let latest = now.getTime();
  for (const c of candidates) {
    const t = c.lastAssignedAt?.getTime();
    if (t !== undefined && t >= latest) latest = t + 1;
  }
  return new Date(latest);
}
