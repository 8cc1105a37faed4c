// The project form's fields, labelled in the admin's language.
import type { getTranslations } from "next-intl/server";
import type { FieldSpec } from "@/components/staff/record-form";
import { Industry, ProjectStage } from "@/lib/generated/prisma/enums";
import { pick } from "@/lib/i18n/localized";
import type { ParkOption } from "@/lib/parks/admin-queries";

type T = Awaited<ReturnType<typeof getTranslations>>;

export function projectFields(tr: T, locale: string, parks: ParkOption[]): FieldSpec[] {
  const f = (k: string) => tr(`staff.records.fields.${k}`);
  return [
    { name: "nameZh", label: f("nameZh"), kind: "text", required: true, maxLength: 160 },
    { name: "nameEn", label: f("nameEn"), kind: "text", required: true, maxLength: 200 },
    { name: "companyZh", label: f("companyZh"), kind: "text", required: true, maxLength: 160 },
    { name: "companyEn", label: f("companyEn"), kind: "text", required: true, maxLength: 200 },
    { name: "industry", label: f("industry"), kind: "select", required: true, options: Object.values(Industry).map((v) => ({ value: v, label: tr(`industry.${v}`) })) },
    { name: "stage", label: f("stage"), kind: "select", required: true, options: Object.values(ProjectStage).map((v) => ({ value: v, label: tr(`projects.stage.${v}`) })) },
    { name: "parkCode", label: f("parkCode"), kind: "select", required: true, options: parks.map((p) => ({ value: p.code, label: pick(locale, p.nameZh, p.nameEn) })) },
    { name: "originCity", label: f("originCity"), kind: "text", maxLength: 100 },
    { name: "parcelCodes", label: f("parcelCodes"), kind: "textarea", hint: f("parcelCodesHint") },
    { name: "investmentCny", label: f("investmentCny"), kind: "number" },
    { name: "landAreaHa", label: f("landAreaHa"), kind: "number" },
    { name: "floorAreaM2", label: f("floorAreaM2"), kind: "number" },
    { name: "signedOn", label: f("signedOn"), kind: "date" },
    { name: "groundbreakingOn", label: f("groundbreakingOn"), kind: "date" },
    { name: "trialProductionOn", label: f("trialProductionOn"), kind: "date" },
    { name: "productionOn", label: f("productionOn"), kind: "date" },
    { name: "capacityZh", label: f("capacityZh"), kind: "text", maxLength: 300, wide: true },
    { name: "capacityEn", label: f("capacityEn"), kind: "text", maxLength: 400, wide: true },
    { name: "descriptionZh", label: f("descriptionZh"), kind: "textarea", required: true, maxLength: 4000 },
    { name: "descriptionEn", label: f("descriptionEn"), kind: "textarea", required: true, maxLength: 6000 },
  ];
}
