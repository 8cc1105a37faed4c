import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getParkDetail, listProjects } from "@/lib/parks/detail";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("getParkDetail", () => {
  it("returns the park with its zones, parcels, projects and sourced figures", async () => {
    const park = await getParkDetail(db, "xinhui-smart-manufacturing");
    expect(park).not.toBeNull();
    expect(park!.county).toBe("XINHUI");
    expect(park!.parcels.length).toBe(await db.parcel.count({ where: { park: { code: "xinhui-smart-manufacturing" } } }));
    expect(park!.zones.map((z) => z.nameZh).join()).toMatch(/凤山湖/);
    expect(park!.projects.map((p) => p.companyZh).join()).toMatch(/中创新航/);
    const calb = park!.projects.find((p) => p.companyZh.includes("中创新航"))!;
    expect(calb.investmentCny).toBe(20_000_000_000);
    for (const f of park!.figures) expect(f.source.id).toMatch(/^00[0-4]$/);
  });

  it("links a park to its parent and children", async () => {
    const cluster = await db.park.findFirstOrThrow({ where: { level: "CLUSTER" }, select: { code: true } });
    const detail = await getParkDetail(db, cluster.code);
    expect(detail!.children.length).toBeGreaterThan(5);
    const child = await getParkDetail(db, detail!.children[0]!.code);
    expect(child!.parent?.code).toBe(cluster.code);
  });

  it("answers null for an unknown park", async () => {
    expect(await getParkDetail(db, "no-such-park")).toBeNull();
  });
});

describe("listProjects", () => {
  it("lists every enterprise project with its park, investment as a number", async () => {
    const projects = await listProjects(db);
    expect(projects).toHaveLength(await db.enterpriseProject.count());
    expect(projects.every((p) => p.park.code.length > 0)).toBe(true);
    expect(projects.some((p) => typeof p.investmentCny === "number")).toBe(true);
  });
});
