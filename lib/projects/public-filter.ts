// Filters of the public projects page (URL: ?park=&industry=&stage=) and its grouping by park:
// pure, shared by the page and its tests. ~30 projects: filtering in memory beats a query.
import type { z } from "zod";
import { Industry, ProjectStage } from "../generated/prisma/enums";
import { fields, optionalChoice, optionalText } from "../validation/fields";
import type { ProjectDto } from "../parks/detail";

export const projectFilterSchema = fields({
  park: optionalText(80),
  industry: optionalChoice(Industry),
  stage: optionalChoice(ProjectStage),
});

export type ProjectFilter = z.infer<typeof projectFilterSchema>;

export function filterProjects(projects: readonly ProjectDto[], f: ProjectFilter): ProjectDto[] {
  return projects.filter((p) => (!f.park || p.park.code === f.park) && (!f.industry || p.industry === f.industry) && (!f.stage || p.stage === f.stage));
}

export interface ProjectGroup {
  park: ProjectDto["park"];
  projects: ProjectDto[];
}

/** Projects under their park, parks in the order the list comes in (the parks' own order). */
export function groupByPark(projects: readonly ProjectDto[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  for (const p of projects) {
    const g = groups.get(p.park.code) ?? { park: p.park, projects: [] };
    g.projects.push(p);
    groups.set(p.park.code, g);
  }
  return [...groups.values()];
}
