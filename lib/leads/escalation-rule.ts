// When an untouched lead escalates, as a pure rule (lib/leads/escalation.ts applies it).
//
// Level L is reached when the lead has gone ESCALATION_DAYS[L-1] working days without an
// officer's action, counted from its last one (Inquiry.lastActivityAt). Each level is recorded
// once and never reset: levels are history. A touch restarts the count, so after a touch only
// the levels not yet recorded can follow, each once the lead is again untouched for that
// level's own number of days (a lead at level 1 that is touched reaches level 2 five working
// days after the touch, not two). Escalating does not count as activity.

/** Working days untouched for levels 1, 2 and 3. */
export const ESCALATION_DAYS = [3, 5, 7] as const;
export const MAX_ESCALATION_LEVEL = ESCALATION_DAYS.length;

/** The levels to record now: those reached by `untouchedDays` and above the highest recorded. */
export function escalationLevelsDue(untouchedDays: number, recordedLevel: number): number[] {
  const due: number[] = [];
  ESCALATION_DAYS.forEach((days, i) => {
    const level = i + 1;
    if (level > recordedLevel && untouchedDays >= days) due.push(level);
  });
  return due;
}
