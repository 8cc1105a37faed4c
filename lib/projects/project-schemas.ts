// The admins' enterprise project form: one schema for the browser and the action. Browser-safe.
// Every field is sent every time: a blank optional field clears it (null).
import { z } from "zod";
import { Industry, ProjectStage } from "../generated/prisma/enums";
import { fields, optionalIsoDate, optionalPositive, optionalText, requiredChoice, requiredText } from "../validation/fields";
import { codeList, recordCode, recordId, version } from "../validation/record-fields";

/** A project stands on a few parcels; a longer list is a paste gone wrong. */
export const MAX_PROJECT_PARCELS = 200;

const projectFields = {
  nameZh: requiredText(1, 160),
  nameEn: requiredText(1, 200),
  companyZh: requiredText(1, 160),
  companyEn: requiredText(1, 200),
  industry: requiredChoice(Industry),
  /** CNY, whole yuan */
  investmentCny: optionalPositive({ max: 1e13, int: true }),
  capacityZh: optionalText(300),
  capacityEn: optionalText(400),
  floorAreaM2: optionalPositive({ max: 1e8 }),
  landAreaHa: optionalPositive({ max: 1e5 }),
  stage: requiredChoice(ProjectStage),
  originCity: optionalText(100),
  /** the park's code */
  parkCode: requiredText(1, 60),
  /** the parcels the project stands on, by code, in the project's park */
  parcelCodes: codeList(MAX_PROJECT_PARCELS),
  signedOn: optionalIsoDate(),
  groundbreakingOn: optionalIsoDate(),
  trialProductionOn: optionalIsoDate(),
  productionOn: optionalIsoDate(),
  descriptionZh: requiredText(1, 4000),
  descriptionEn: requiredText(1, 6000),
};

/** The milestones in the order a project passes them: a later one dated before an earlier one is a typo. */
export const MILESTONES = ["signedOn", "groundbreakingOn", "trialProductionOn", "productionOn"] as const;

function milestonesInOrder<T extends Partial<Record<(typeof MILESTONES)[number], string | undefined>>>(v: T, ctx: z.RefinementCtx) {
  let last: { key: string; date: string } | null = null;
  for (const key of MILESTONES) {
    const date = v[key];
    if (!date) continue;
    if (last && date < last.date) ctx.addIssue({ code: "custom", path: [key], message: `dateBefore:${last.key}` });
    last = { key, date };
  }
}

export const createProjectSchema = fields({ code: recordCode, ...projectFields }).superRefine(milestonesInOrder);
export const updateProjectSchema = fields({ projectId: recordId, version, ...projectFields }).superRefine(milestonesInOrder);

export type CreateProjectInput = z.output<typeof createProjectSchema>;
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;

/** What the form edits, as the audit row and the conflict panel show it: dates as YYYY-MM-DD, the investment as a decimal string. */
export interface ProjectValues {
  nameZh: string;
  nameEn: string;
  companyZh: string;
  companyEn: string;
  industry: Industry;
  investmentCny: string | null;
  capacityZh: string | null;
  capacityEn: string | null;
  floorAreaM2: number | null;
  landAreaHa: number | null;
  stage: ProjectStage;
  originCity: string | null;
  parkCode: string;
  parcelCodes: string[];
  signedOn: string | null;
  groundbreakingOn: string | null;
  trialProductionOn: string | null;
  productionOn: string | null;
  descriptionZh: string;
  descriptionEn: string;
}

export const PROJECT_KEYS = Object.keys(projectFields) as (keyof ProjectValues)[];

export function projectValuesOf(input: CreateProjectInput | UpdateProjectInput): ProjectValues {
  const out = Object.fromEntries(PROJECT_KEYS.map((k) => [k, (input as Record<string, unknown>)[k] ?? null])) as Record<string, unknown>;
  out.investmentCny = input.investmentCny === undefined ? null : String(input.investmentCny);
  // Order does not matter to anyone: sorted, so a re-ordered paste is no change.
  out.parcelCodes = [...input.parcelCodes].sort();
  return out as unknown as ProjectValues;
}
