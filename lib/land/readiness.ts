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
