// The park and zone forms' fields, labelled in the admin's language (the client form renders them).
import type { getTranslations } from "next-intl/server";
import type { FieldSpec } from "@/components/staff/record-form";
import { ClusterGroup, County, Industry, LandUse, ParkLevel } from "@/lib/generated/prisma/enums";
import type { ParkOption } from "@/lib/parks/admin-queries";
import { pick } from "@/lib/i18n/localized";

type T = Awaited<ReturnType<typeof getTranslations>>;

const options = (values: readonly string[], label: (v: string) => string) => values.map((value) => ({ value, label: label(value) }));

export function parkFields(tr: T, locale: string, parks: ParkOption[], selfCode?: string): FieldSpec[] {
  const f = (k: string) => tr(`staff.records.fields.${k}`);
  return [
    { name: "nameZh", label: f("nameZh"), kind: "text", required: true, maxLength: 120 },
    { name: "nameEn", label: f("nameEn"), kind: "text", required: true, maxLength: 160 },
    { name: "shortNameZh", label: f("shortNameZh"), kind: "text", maxLength: 40 },
    { name: "shortNameEn", label: f("shortNameEn"), kind: "text", maxLength: 60 },
    { name: "level", label: f("level"), kind: "select", required: true, options: options(Object.values(ParkLevel), (v) => tr(`parkLevel.${v}`)) },
    { name: "county", label: f("county"), kind: "select", options: options(Object.values(County), (v) => tr(`county.${v}`)) },
    { name: "clusterGroup", label: f("clusterGroup"), kind: "select", options: options(Object.values(ClusterGroup), (v) => tr(`clusterGroup.${v}`)) },
    {
      name: "parentCode",
      label: f("parentCode"),
      kind: "select",
      options: parks.filter((p) => p.code !== selfCode).map((p) => ({ value: p.code, label: pick(locale, p.nameZh, p.nameEn) })),
    },
    { name: "plannedAreaKm2", label: f("plannedAreaKm2"), kind: "number" },
    { name: "centerLng", label: f("centerLng"), kind: "number", required: true },
    { name: "centerLat", label: f("centerLat"), kind: "number", required: true },
    { name: "industries", label: f("industries"), kind: "checkboxes", options: options(Object.values(Industry), (v) => tr(`industry.${v}`)) },
    { name: "descriptionZh", label: f("descriptionZh"), kind: "textarea", required: true, maxLength: 4000 },
    { name: "descriptionEn", label: f("descriptionEn"), kind: "textarea", required: true, maxLength: 6000 },
    { name: "infrastructureZh", label: f("infrastructureZh"), kind: "textarea", maxLength: 2000 },
    { name: "infrastructureEn", label: f("infrastructureEn"), kind: "textarea", maxLength: 3000 },
    { name: "contactNameZh", label: f("contactNameZh"), kind: "text", maxLength: 100 },
    { name: "contactNameEn", label: f("contactNameEn"), kind: "text", maxLength: 160 },
    { name: "contactPhone", label: f("contactPhone"), kind: "tel", maxLength: 25 },
    { name: "contactEmail", label: f("contactEmail"), kind: "email", maxLength: 200 },
    { name: "addressZh", label: f("addressZh"), kind: "text", maxLength: 300, wide: true },
    { name: "addressEn", label: f("addressEn"), kind: "text", maxLength: 400, wide: true },
  ];
}

export function zoneFields(tr: T): FieldSpec[] {
  const f = (k: string) => tr(`staff.records.fields.${k}`);
  return [
    { name: "nameZh", label: f("nameZh"), kind: "text", required: true, maxLength: 120 },
    { name: "nameEn", label: f("nameEn"), kind: "text", required: true, maxLength: 160 },
    { name: "industries", label: f("industries"), kind: "checkboxes", options: options(Object.values(Industry), (v) => tr(`industry.${v}`)) },
    { name: "allowedLandUses", label: f("allowedLandUses"), kind: "checkboxes", options: options(Object.values(LandUse), (v) => tr(`landUse.${v}`)) },
    { name: "descriptionZh", label: f("descriptionZh"), kind: "textarea", maxLength: 2000 },
    { name: "descriptionEn", label: f("descriptionEn"), kind: "textarea", maxLength: 3000 },
  ];
}

export function codeField(tr: T): FieldSpec {
  return { name: "code", label: tr("staff.records.fields.code"), kind: "text", required: true, maxLength: 60, hint: tr("staff.records.fields.codeHint"), wide: true };
}
