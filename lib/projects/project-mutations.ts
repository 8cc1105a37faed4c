// The admins' enterprise project writes: one transaction each with the version check
// (updateMany where {id, version}; a count of 0 is a conflict carrying the current values),
// the parcels resolved by code inside the project's park, and one AuditLog row.
import { changedFields, writeAudit } from "../audit/write";
import type { Db } from "../db/client";
import { conflict, notFound, validation } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { type CreateProjectInput, type ProjectValues, type UpdateProjectInput, projectValuesOf } from "./project-schemas";

type Tx = Prisma.TransactionClient;

export interface WriteBy {
  actor: { id: string };
  requestId: string;
}

export interface ProjectWritten {
  id: string;
  code: string;
  version: number;
}

export type ProjectCurrent = ProjectValues & { version: number };

export const PROJECT_SELECT = {
  id: true,
  code: true,
  version: true,
  nameZh: true,
  nameEn: true,
  companyZh: true,
  companyEn: true,
  industry: true,
  investmentCny: true,
  capacityZh: true,
  capacityEn: true,
  floorAreaM2: true,
  landAreaHa: true,
  stage: true,
  originCity: true,
  park: { select: { code: true } },
  parcels: { select: { code: true } },
  signedOn: true,
  groundbreakingOn: true,
  trialProductionOn: true,
  productionOn: true,
  descriptionZh: true,
  descriptionEn: true,
} satisfies Prisma.EnterpriseProjectSelect;

type ProjectRow = Prisma.EnterpriseProjectGetPayload<{ select: typeof PROJECT_SELECT }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
/** `date` columns hold a calendar day: stored as that day's UTC midnight, as the seed does. */
const dateOf = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** A stored project as the form's values (what the audit row and the conflict panel compare). */
export function projectValues(row: ProjectRow): ProjectCurrent {
  return {
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    companyZh: row.companyZh,
    companyEn: row.companyEn,
    industry: row.industry,
    investmentCny: row.investmentCny === null ? null : row.investmentCny.toString(),
    capacityZh: row.capacityZh,
    capacityEn: row.capacityEn,
    floorAreaM2: row.floorAreaM2,
    landAreaHa: row.landAreaHa,
    stage: row.stage,
    originCity: row.originCity,
    parkCode: row.park.code,
    parcelCodes: row.parcels.map((p) => p.code).sort(),
    signedOn: day(row.signedOn),
    groundbreakingOn: day(row.groundbreakingOn),
    trialProductionOn: day(row.trialProductionOn),
    productionOn: day(row.productionOn),
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    version: row.version,
  };
}

const transaction = <T>(db: Db, fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * The park's id and the parcels' ids. Each code must name a parcel of that park that is not
 * offered as available (a factory stands there: the investor search must not offer it) and is
 * not another project's site. Every problem is named by its codes.
 */
async function resolveSite(tx: Tx, values: ProjectValues, projectId: string | null): Promise<{ parkId: string; parcelIds: string[] }> {
  const park = await tx.park.findUnique({ where: { code: values.parkCode }, select: { id: true } });
  if (!park) throw validation({ parkCode: "unknownPark" });
  if (!values.parcelCodes.length) return { parkId: park.id, parcelIds: [] };
  const parcels = await tx.parcel.findMany({
    where: { code: { in: values.parcelCodes } },
    select: { id: true, code: true, parkId: true, status: true, projects: { select: { id: true } } },
  });
  const found = new Map(parcels.map((p) => [p.code, p]));
  const missing = values.parcelCodes.filter((c) => !found.get(c) || found.get(c)!.parkId !== park.id);
  if (missing.length) throw validation({ parcelCodes: `parcelsNotInPark:${missing.join(",")}` });
  const available = parcels.filter((p) => p.status === "AVAILABLE").map((p) => p.code);
  if (available.length) throw validation({ parcelCodes: `parcelsAvailable:${available.sort().join(",")}` });
  const taken = parcels.filter((p) => p.projects.some((other) => other.id !== projectId)).map((p) => p.code);
  if (taken.length) throw validation({ parcelCodes: `parcelsTaken:${taken.sort().join(",")}` });
  return { parkId: park.id, parcelIds: parcels.map((p) => p.id) };
}

function columns(values: ProjectValues) {
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    companyZh: values.companyZh,
    companyEn: values.companyEn,
    industry: values.industry,
    investmentCny: values.investmentCny === null ? null : BigInt(values.investmentCny),
    capacityZh: values.capacityZh,
    capacityEn: values.capacityEn,
    floorAreaM2: values.floorAreaM2,
    landAreaHa: values.landAreaHa,
    stage: values.stage,
    originCity: values.originCity,
    signedOn: dateOf(values.signedOn),
    groundbreakingOn: dateOf(values.groundbreakingOn),
    trialProductionOn: dateOf(values.trialProductionOn),
    productionOn: dateOf(values.productionOn),
    descriptionZh: values.descriptionZh,
    descriptionEn: values.descriptionEn,
  };
}

export async function createProject(db: Db, by: WriteBy, input: CreateProjectInput): Promise<ProjectWritten> {
  const values = projectValuesOf(input);
  try {
    return await transaction(db, async (tx) => {
      // "new" is the new-project page's own address (/staff/projects/new).
      if (input.code === "new" || (await tx.enterpriseProject.findUnique({ where: { code: input.code }, select: { id: true } }))) throw validation({ code: "codeTaken" });
      const site = await resolveSite(tx, values, null);
      const project = await tx.enterpriseProject.create({
        data: { code: input.code, ...columns(values), parkId: site.parkId, sourceArticles: [], parcels: { connect: site.parcelIds.map((id) => ({ id })) } },
        select: { id: true, code: true, version: true },
      });
      await writeAudit(tx, { actorId: by.actor.id, requestId: by.requestId, action: "project.create", entity: "EnterpriseProject", entityId: project.id, after: { code: project.code, ...values, version: project.version } });
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validation({ code: "codeTaken" });
    throw error;
  }
}

export async function updateProject(db: Db, by: WriteBy, input: UpdateProjectInput): Promise<ProjectWritten> {
  const values = projectValuesOf(input);
  return transaction(db, async (tx) => {
    const row = await tx.enterpriseProject.findUnique({ where: { id: input.projectId }, select: PROJECT_SELECT });
    if (!row) throw notFound();
    const stored = projectValues(row);
    if (row.version !== input.version) throw conflict("stale", stored);
    const { version: _v, ...storedValues } = stored;
    void _v;
    const diff = changedFields(storedValues as unknown as Record<string, unknown>, values as unknown as Record<string, unknown>);
    if (!diff) return { id: row.id, code: row.code, version: row.version };
    const site = await resolveSite(tx, values, row.id);
    const { count } = await tx.enterpriseProject.updateMany({
      where: { id: row.id, version: row.version },
      data: { ...columns(values), parkId: site.parkId, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.enterpriseProject.findUnique({ where: { id: row.id }, select: PROJECT_SELECT });
      throw conflict("stale", now ? projectValues(now) : undefined);
    }
    // The version check above holds the row: the site list is replaced under it.
    if ("parcelCodes" in diff.after) await tx.enterpriseProject.update({ where: { id: row.id }, data: { parcels: { set: site.parcelIds.map((id) => ({ id })) } } });
    await writeAudit(tx, {
      actorId: by.actor.id,
      requestId: by.requestId,
      action: "project.update",
      entity: "EnterpriseProject",
      entityId: row.id,
      before: { ...diff.before, version: row.version },
      after: { ...diff.after, version: row.version + 1 },
    });
    return { id: row.id, code: row.code, version: row.version + 1 };
  });
}

