// The utility capacities a parcel may state, with their upper bounds: one list for the staff
// parcel form (lib/land/parcel-schemas.ts) and the cadastre import (lib/cadastre/attributes.ts),
// so a figure the form accepts always imports back and the reverse.
// Whole kVA, m³ and tonnes a day; the voltage level in kV may be 0.4 or 10.5.
export const CAPACITY_COLUMNS = [
  { field: "powerKva", max: 10_000_000, int: true },
  { field: "powerVoltageKv", max: 1000, int: false },
  { field: "gasM3PerDay", max: 100_000_000, int: true },
  { field: "waterTPerDay", max: 10_000_000, int: true },
  { field: "wastewaterTPerDay", max: 10_000_000, int: true },
] as const;

export type CapacityField = (typeof CAPACITY_COLUMNS)[number]["field"];

export const CAPACITY_MAX = Object.fromEntries(CAPACITY_COLUMNS.map((c) => [c.field, c.max])) as Record<CapacityField, number>;
