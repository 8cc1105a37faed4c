// The "nine connections and one levelling" (九通一平) items, in one place: their keys (URL
// and messages), and the Parcel column holding each item's ready date.
export const READINESS_ITEMS = [
  { key: "road", column: "roadReadyOn" },
  { key: "water", column: "waterReadyOn" },
  { key: "drainage", column: "drainageReadyOn" },
  { key: "power", column: "powerReadyOn" },
  { key: "telecom", column: "telecomReadyOn" },
  { key: "gas", column: "gasReadyOn" },
  { key: "heating", column: "heatingReadyOn" },
  { key: "cable", column: "cableReadyOn" },
  { key: "sewage", column: "sewageReadyOn" },
  { key: "levelled", column: "levelledOn" },
] as const;

export type ReadinessKey = (typeof READINESS_ITEMS)[number]["key"];
export type ReadinessColumn = (typeof READINESS_ITEMS)[number]["column"];

export const READINESS_KEYS = READINESS_ITEMS.map((i) => i.key) as [ReadinessKey, ...ReadinessKey[]];

/**
 * How one item stands for a block of `total` parcels, from the count connected today and the
 * day the last member is due (null when some member has no date). A block found "by a date"
 * passes on planned dates, so showing only today's count ("gas 0/10", struck out) told the
 * investor the opposite of why the block was listed.
 */
export type ReadinessState =
  | { kind: "ready" }
  | { kind: "planned"; on: string }
  | { kind: "partial"; ready: number; total: number };

export function readinessState(readyCount: number, total: number, allReadyOn: string | null): ReadinessState {
  if (readyCount >= total) return { kind: "ready" };
  if (allReadyOn !== null) return { kind: "planned", on: allReadyOn };
  return { kind: "partial", ready: readyCount, total };
}

/** One parcel's items: connected on or before `today` (ISO day), and those with a later date. */
export function parcelReadiness(
  readiness: Record<ReadinessKey, string | null>,
  today: string,
): { ready: ReadinessKey[]; planned: { key: ReadinessKey; on: string }[] } {
  const ready: ReadinessKey[] = [];
  const planned: { key: ReadinessKey; on: string }[] = [];
  for (const { key } of READINESS_ITEMS) {
    const on = readiness[key];
    if (on === null) continue;
    if (on <= today) ready.push(key);
    else planned.push({ key, on });
  }
  return { ready, planned };
}
