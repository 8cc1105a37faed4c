// The second-round search filters on the seeded cadastre, through runLandSearch (the loader,
// the cached index and its patching after a write): capacities with exact counts, the distance
// to a logistics kind and the drawn area checked against the parcels' stored centroids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { distanceKm, logisticsPoints } from "@/lib/location/distance";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { withOnlyCapacities } from "./helpers/capacities";
import { seededDb } from "./helpers/database";

let db: Db;
let restore: () => Promise<void>;
let a: string[], b: string[]; // parcel codes of two blocks of the plain search
beforeAll(async () => {
  db = seededDb();
  const all = (await run("sort=area-desc")).results.filter((x) => x.parcelCount >= 2);
  a = all[0]!.parcelCodes;
  b = all[1]!.parcelCodes;
  restore = await withOnlyCapacities(db, {
    [a[0]!]: { powerKva: 6_000, waterTPerDay: 200 },
    [a[1]!]: { powerKva: 5_000, gasM3PerDay: 1_500 },
    [b[0]!]: { powerKva: 20_000, wastewaterTPerDay: 800 },
  });
});
afterAll(async () => {
  await restore();
  await db.$disconnect();
});

const run = async (qs: string) => (await runLandSearch(db, landSearchSchema.parse(searchParamsToObject(new URLSearchParams(qs))))).result;

describe("capacity filters (block sums)", () => {
  it("counts exactly the blocks whose members' stated capacities add up", async () => {
    expect((await run("minPowerKva=11000")).total).toBe(2); // a: 6,000 + 5,000; b: 20,000
    const one = await run("minPowerKva=11001");
    expect(one.total).toBe(1);
    expect(one.results[0]!.parcelCodes).toContain(b[0]!);
    expect((await run("minPowerKva=20001")).total).toBe(0);
    expect((await run("minWaterT=200")).total).toBe(1);
    expect((await run("minGasM3=1500&minPowerKva=11000")).total).toBe(1);
    expect((await run("minWastewaterT=801")).total).toBe(0);
  });

  it("shows the sums and how many members state them", async () => {
    const r = await run("minPowerKva=11000&minWaterT=1");
    expect(r.total).toBe(1);
    const block = r.results[0]!;
    expect(block.parcelCodes).toEqual(a);
    expect(block.capacities.powerKva).toEqual({ sum: 11_000, stated: 2 });
    expect(block.capacities.waterTPerDay).toEqual({ sum: 200, stated: 1 });
    expect(block.capacities.wastewaterTPerDay).toEqual({ sum: 0, stated: 0 });
  });

  it("follows a capacity edit (the cached index is patched)", async () => {
    await db.parcel.update({ where: { code: a[0]! }, data: { powerKva: 6_001 } });
    expect((await run("minPowerKva=11001")).total).toBe(2);
    await db.parcel.update({ where: { code: a[0]! }, data: { powerKva: 6_000 } });
    expect((await run("minPowerKva=11001")).total).toBe(1);
  });
});

describe("distance and drawn area on the stored centroids", () => {
  it("near=port&nearKm=10 keeps exactly the available parcels within 10 km of a port", async () => {
    const ports = logisticsPoints.filter((p) => p.kind === "port");
    const parcels = await db.parcel.findMany({ where: { status: "AVAILABLE" }, select: { centroidLng: true, centroidLat: true } });
    const expected = parcels.filter((p) => Math.min(...ports.map((q) => distanceKm({ lng: p.centroidLng, lat: p.centroidLat }, q))) <= 10).length;
    const r = await run("near=port&nearKm=10&view=parcels");
    expect(r.total).toBe(expected);
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBeLessThan(parcels.length);
  });

  it("a drawn circle keeps exactly the available parcels whose centroid is inside", async () => {
    const one = await db.parcel.findFirstOrThrow({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { centroidLng: true, centroidLat: true } });
    const centre = { lng: one.centroidLng, lat: one.centroidLat };
    const parcels = await db.parcel.findMany({ where: { status: "AVAILABLE" }, select: { centroidLng: true, centroidLat: true } });
    const expected = parcels.filter((p) => distanceKm(centre, { lng: p.centroidLng, lat: p.centroidLat }) <= 3).length;
    const r = await run(`view=parcels&area=c:${centre.lng},${centre.lat},3`);
    expect(r.total).toBe(expected);
    expect(r.total).toBeGreaterThan(0);
  });
});
