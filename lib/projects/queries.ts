// Reads for the admins' project pages: the list, and one project as its edit form shows it.
import type { DbClient } from "../db/client";
import type { ProjectStage } from "../generated/prisma/enums";
import { PROJECT_SELECT, projectValues, type ProjectCurrent } from "./project-mutations";

export interface AdminProjectRow {
  code: string;
  nameZh: string;
  nameEn: string;
  companyZh: string;
  companyEn: string;
  stage: ProjectStage;
  park: { code: string; nameZh: string; nameEn: string };
}

export interface AdminProject {
  id: string;
  code: string;
  values: ProjectCurrent;
}

/** A city's project list runs to dozens; the page shows them all up to this many. */
export const PROJECT_LIST_LIMIT = 1000;

export function listAdminProjects(db: DbClient): Promise<AdminProjectRow[]> {
  return db.enterpriseProject.findMany({
    select: { code: true, nameZh: true, nameEn: true, companyZh: true, companyEn: true, stage: true, park: { select: { code: true, nameZh: true, nameEn: true } } },
    orderBy: [{ park: { sortOrder: "asc" } }, { code: "asc" }],
    take: PROJECT_LIST_LIMIT,
  });
}

export async function getAdminProject(db: DbClient, code: string): Promise<AdminProject | null> {
  const row = await db.enterpriseProject.findUnique({ where: { code }, select: PROJECT_SELECT });
  return row ? { id: row.id, code: row.code, values: projectValues(row) } : null;
}
