// A parcel's editable values as the staff form shows them (plain strings, numbers and ISO
// dates), read from a row. The form's defaults, a conflict's "current values" and the audit
// row's before/after are all this one shape, so what the admin compares is what was saved.
import type { Prisma } from "../generated/prisma/client";
import type { ParcelStatus } from "../generated/prisma/enums";
import { READINESS_ITEMS, type ReadinessColumn } from "./readiness";

/** The utility capacities (null = not stated), in the form's order. */
export const CAPACITY_FIELDS = ["powerKva", "powerVoltageKv", "gasM3PerDay", "waterTPerDay", "wastewaterTPerDay"] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];
const CAPACITY_SELECT = Object.fromEntries(CAPACITY_FIELDS.map((f) => [f, true])) as Record<CapacityField, true>;

const readinessSelect = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, true])) as Record<ReadinessColumn, true>;

export const EDITABLE_SELECT = {
  id: true,
  code: true,
  version: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  priceCnyPerMu: true,
  plotRatioMin: true,
  plotRatioMax: true,
  ...CAPACITY_SELECT,
  handoverOn: true,
  lastVerifiedOn: true,
  updatedAt: true,
  ...readinessSelect,
} satisfies Prisma.ParcelSelect;

export type EditableRow = Prisma.ParcelGetPayload<{ select: typeof EDITABLE_SELECT }>;

/** The fields an edit may change, in the form's order (the audit diff keeps it). */
export type EditableValues = {
  status: ParcelStatus;
  priceCnyPerMu: number | null;
  plotRatioMin: number | null;
  plotRatioMax: number | null;
  handoverOn: string | null;
  lastVerifiedOn: string;
} & Record<CapacityField, number | null> & Record<ReadinessColumn, string | null>;

export interface ParcelValues extends EditableValues {
  id: string;
  code: string;
  version: number;
  statusReason: string | null;
  statusChangedAt: string | null;
  updatedAt: string;
}

/** A PostgreSQL `date` as YYYY-MM-DD (Prisma hands it over as UTC midnight). */
export const isoDay = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
/** YYYY-MM-DD -> the Date a `date` column takes. */
export const dayDate = (s: string | null | undefined): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);

export function editableValues(r: EditableRow): EditableValues {
  return {
    status: r.status,
    priceCnyPerMu: r.priceCnyPerMu,
    plotRatioMin: r.plotRatioMin,
    plotRatioMax: r.plotRatioMax,
    ...(Object.fromEntries(CAPACITY_FIELDS.map((f) => [f, r[f]])) as Record<CapacityField, number | null>),
    ...(Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, isoDay(r[i.column])])) as Record<ReadinessColumn, string | null>),
    handoverOn: isoDay(r.handoverOn),
    lastVerifiedOn: isoDay(r.lastVerifiedOn)!,
  };
}

export function parcelValues(r: EditableRow): ParcelValues {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    statusReason: r.statusReason,
    statusChangedAt: r.statusChangedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    ...editableValues(r),
  };
}
