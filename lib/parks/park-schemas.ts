// The admins' park and zone forms: one schema each, used by the forms in the browser and by
// the actions on the server. Browser-safe. Every field the form shows is sent every time, so a
// blank optional field means "clear it" (null), not "leave as it was".
import { z } from "zod";
import { ClusterGroup, County, Industry, LandUse, ParkLevel } from "../generated/prisma/enums";
import { choiceList, fields, optionalChoice, optionalPositive, optionalText, requiredChoice, requiredText } from "../validation/fields";
import { coordinate, optionalEmail, optionalPhone, recordCode, recordId, version } from "../validation/record-fields";

// The Jiangmen area with a margin: a centre outside it is a typo (or latitude and longitude swapped).
export const JIANGMEN_BOUNDS = { minLng: 111.8, maxLng: 113.6, minLat: 21.3, maxLat: 23.0 } as const;

const parkFields = {
  nameZh: requiredText(1, 120),
  nameEn: requiredText(1, 160),
  shortNameZh: optionalText(40),
  shortNameEn: optionalText(60),
  county: optionalChoice(County),
  clusterGroup: optionalChoice(ClusterGroup),
  level: requiredChoice(ParkLevel),
  /** the parent park's code; blank: none */
  parentCode: optionalText(60),
  industries: choiceList(Industry),
  plannedAreaKm2: optionalPositive({ max: 5000 }),
  descriptionZh: requiredText(1, 4000),
  descriptionEn: requiredText(1, 6000),
  infrastructureZh: optionalText(2000),
  infrastructureEn: optionalText(3000),
  contactNameZh: optionalText(100),
  contactNameEn: optionalText(160),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  addressZh: optionalText(300),
  addressEn: optionalText(400),
  centerLng: coordinate(JIANGMEN_BOUNDS.minLng, JIANGMEN_BOUNDS.maxLng),
  centerLat: coordinate(JIANGMEN_BOUNDS.minLat, JIANGMEN_BOUNDS.maxLat),
};

export const createParkSchema = fields({ code: recordCode, ...parkFields });
export const updateParkSchema = fields({ parkId: recordId, version, ...parkFields });

const zoneFields = {
  nameZh: requiredText(1, 120),
  nameEn: requiredText(1, 160),
  industries: choiceList(Industry),
  /** at least one: every parcel of the zone must have a use the zone allows */
  allowedLandUses: choiceList(LandUse).refine((l) => l.length > 0, { error: "required" }),
  descriptionZh: optionalText(2000),
  descriptionEn: optionalText(3000),
};

export const createZoneSchema = fields({ parkId: recordId, code: recordCode, ...zoneFields });
export const updateZoneSchema = fields({ zoneId: recordId, version, ...zoneFields });

export type CreateParkInput = z.output<typeof createParkSchema>;
export type UpdateParkInput = z.output<typeof updateParkSchema>;
export type CreateZoneInput = z.output<typeof createZoneSchema>;
export type UpdateZoneInput = z.output<typeof updateZoneSchema>;

/** What the park form edits, as stored (null for a cleared field): the audit row and the conflict panel show this. */
export interface ParkValues {
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  county: County | null;
  clusterGroup: ClusterGroup | null;
  level: ParkLevel;
  parentCode: string | null;
  industries: Industry[];
  plannedAreaKm2: number | null;
  descriptionZh: string;
  descriptionEn: string;
  infrastructureZh: string | null;
  infrastructureEn: string | null;
  contactNameZh: string | null;
  contactNameEn: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  addressZh: string | null;
  addressEn: string | null;
  centerLng: number;
  centerLat: number;
}

export interface ZoneValues {
  nameZh: string;
  nameEn: string;
  industries: Industry[];
  allowedLandUses: LandUse[];
  descriptionZh: string | null;
  descriptionEn: string | null;
}

export const PARK_KEYS = Object.keys(parkFields) as (keyof ParkValues)[];
export const ZONE_KEYS = Object.keys(zoneFields) as (keyof ZoneValues)[];

/** The parsed form as stored values: undefined (blank) becomes null. */
export function parkValuesOf(input: CreateParkInput | UpdateParkInput): ParkValues {
  return Object.fromEntries(PARK_KEYS.map((k) => [k, (input as Record<string, unknown>)[k] ?? null])) as unknown as ParkValues;
}

export function zoneValuesOf(input: CreateZoneInput | UpdateZoneInput): ZoneValues {
  return Object.fromEntries(ZONE_KEYS.map((k) => [k, (input as Record<string, unknown>)[k] ?? null])) as unknown as ZoneValues;
}

