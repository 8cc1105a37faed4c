// Everything the park page shows, in one round of parallel queries.
import type { Db } from "../db/client";
import type { ClusterGroup, County, Industry, LandUse, ParcelStatus, ParkLevel, ProjectStage } from "../generated/prisma/enums";
import type { PolygonGeometry } from "../land/geometry";
import type { FigureDto } from "./queries";
import { publicContact, type ParkContact } from "./contact";

export interface ProjectDto {
  code: string;
  nameZh: string;
  nameEn: string;
  companyZh: string;
  companyEn: string;
  industry: Industry;
  investmentCny: number | null;
  capacityZh: string | null;
  capacityEn: string | null;
  stage: ProjectStage;
  descriptionZh: string;
  descriptionEn: string;
  sourceArticles: string[];
  park: { code: string; nameZh: string; nameEn: string };
}

export interface ParkDetailDto {
  code: string;
  nameZh: string;
  nameEn: string;
  level: ParkLevel;
  county: County | null;
  clusterGroup: ClusterGroup | null;
  plannedAreaKm2: number | null;
  /** approximate centre (WGS-84): where the park's distances are measured from */
  centerLng: number;
  centerLat: number;
  industries: Industry[];
  descriptionZh: string;
  descriptionEn: string;
  infrastructureZh: string | null;
  infrastructureEn: string | null;
  /** null: no real contact is known (the page points to the inquiry form) */
  contact: ParkContact | null;
  parent: { code: string; nameZh: string; nameEn: string } | null;
  children: { code: string; nameZh: string; nameEn: string }[];
  zones: { code: string; nameZh: string; nameEn: string; industries: Industry[]; allowedLandUses: LandUse[] }[];
  figures: FigureDto[];
  projects: ProjectDto[];
  parcels: { code: string; status: ParcelStatus; geometry: PolygonGeometry }[];
}

export const projectSelect = {
  code: true,
  nameZh: true,
  nameEn: true,
  companyZh: true,
  companyEn: true,
  industry: true,
  investmentCny: true,
  capacityZh: true,
  capacityEn: true,
  stage: true,
  descriptionZh: true,
  descriptionEn: true,
  sourceArticles: true,
  park: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

export function toProjectDto<T extends { investmentCny: bigint | null }>(p: T): Omit<T, "investmentCny"> & { investmentCny: number | null } {
  return { ...p, investmentCny: p.investmentCny === null ? null : Number(p.investmentCny) };
}

export async function getParkDetail(db: Db, code: string): Promise<ParkDetailDto | null> {
  const park = await db.park.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      level: true,
      county: true,
      clusterGroup: true,
      plannedAreaKm2: true,
      centerLng: true,
      centerLat: true,
      industries: true,
      descriptionZh: true,
      descriptionEn: true,
      infrastructureZh: true,
      infrastructureEn: true,
      contactNameZh: true,
      contactNameEn: true,
      contactPhone: true,
      contactEmail: true,
      parent: { select: { code: true, nameZh: true, nameEn: true } },
      children: { select: { code: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } },
      zones: { select: { code: true, nameZh: true, nameEn: true, industries: true, allowedLandUses: true }, orderBy: { code: "asc" } },
    },
  });
  if (!park) return null;
  const { id, contactNameZh, contactNameEn, contactPhone, contactEmail, ...rest } = park;
  const [figures, projects, parcels] = await Promise.all([
    db.parkFigure.findMany({
      where: { parkId: id },
      select: { key: true, labelZh: true, labelEn: true, value: true, unit: true, asOf: true, article: { select: { id: true, titleZh: true, titleEn: true, publisher: true, publishedOn: true } } },
      orderBy: { sortOrder: "asc" },
    }),
    db.enterpriseProject.findMany({ where: { parkId: id }, select: projectSelect, orderBy: { code: "asc" } }),
    db.parcel.findMany({ where: { parkId: id }, select: { code: true, status: true, geometry: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    ...rest,
    contact: publicContact({ nameZh: contactNameZh, nameEn: contactNameEn, phone: contactPhone, email: contactEmail }),
    figures: figures.map(({ article, ...f }) => ({ ...f, source: { ...article, publishedOn: article.publishedOn.toISOString().slice(0, 10) } })),
    projects: projects.map(toProjectDto),
    parcels: parcels.map((p) => ({ code: p.code, status: p.status, geometry: p.geometry as unknown as PolygonGeometry })),
  };
}

export async function listProjects(db: Db): Promise<ProjectDto[]> {
  const rows = await db.enterpriseProject.findMany({ select: projectSelect, orderBy: [{ park: { sortOrder: "asc" } }, { code: "asc" }] });
  return rows.map(toProjectDto);
}
