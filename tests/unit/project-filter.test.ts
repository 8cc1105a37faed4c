import { describe, expect, it } from "vitest";
import type { ProjectDto } from "@/lib/parks/detail";
import { filterProjects, groupByPark, projectFilterSchema } from "@/lib/projects/public-filter";

const park = (code: string) => ({ code, nameZh: code, nameEn: code });
const project = (code: string, parkCode: string, industry: ProjectDto["industry"], stage: ProjectDto["stage"]): ProjectDto => ({
  code, nameZh: code, nameEn: code, companyZh: "", companyEn: "", industry, investmentCny: null, capacityZh: null, capacityEn: null, stage,
  descriptionZh: "", descriptionEn: "", sourceArticles: [], park: park(parkCode),
});
const list = [
  project("a", "p1", "GLASS", "SIGNED"),
  project("b", "p2", "GLASS", "IN_PRODUCTION"),
  project("c", "p1", "PAPER", "IN_PRODUCTION"),
  project("d", "p3", "PAPER", "SIGNED"),
];

describe("projects page filter and grouping", () => {
  it("groups under each park in the order the parks first appear", () => {
    expect(groupByPark(list).map((g) => [g.park.code, g.projects.map((p) => p.code)])).toEqual([["p1", ["a", "c"]], ["p2", ["b"]], ["p3", ["d"]]]);
  });

  it("filters by park, industry and stage together", () => {
    const f = (raw: Record<string, string>) => filterProjects(list, projectFilterSchema.parse(raw)).map((p) => p.code);
    expect(f({})).toEqual(["a", "b", "c", "d"]);
    expect(f({ park: "p1" })).toEqual(["a", "c"]);
    expect(f({ industry: "PAPER", stage: "SIGNED" })).toEqual(["d"]);
    expect(f({ park: "p2", industry: "PAPER" })).toEqual([]);
  });

  it("refuses an unknown industry or stage (the page then shows everything)", () => {
    expect(projectFilterSchema.safeParse({ industry: "TOURISM" }).success).toBe(false);
    expect(projectFilterSchema.safeParse({ stage: "DREAMING" }).success).toBe(false);
  });
});
