// The investor search sees every saved land change on its next request, from any app instance.
// Two app instances on one database: client 1 (`reader`) answers searches from its in-memory
// index; the writes come from elsewhere: the staff action (on the app's own client) and a
// second client (`writer`) for a geometry change, a zone's industries and a park's county,
// which no parcel's updatedAt records. Each case checks exactly the change, then restores it.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { bboxOf, centroidOf, polygonAreaM2, type PolygonGeometry } from "@/lib/land/geometry";
import { updateParcelAction } from "@/lib/land/parcel-actions";
import { EDITABLE_SELECT } from "@/lib/land/parcel-values";
import { chinaDay } from "@/lib/calendar/china-time";
import { codeOf, hasIndustry, toDay } from "@/lib/search/land-index";
import { findLandBlock, getLandIndex, lastRefreshKind, runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

let reader: Db;
let writer: Db;
const undo: (() => Promise<unknown>)[] = [];
const q = (input: Record<string, unknown> = {}) => landSearchSchema.parse(input);

beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  reader = seededDb();
  writer = seededDb();
});
afterEach(async () => {
  for (const fn of undo.splice(0).reverse()) await fn();
  await writer.$executeRawUnsafe(`TRUNCATE "AuditLog", "User", "StaffSession" CASCADE`);
  // The reader catches up with the restore too (and the next file starts from the seed).
  await getLandIndex(reader);
});
afterAll(async () => {
  await Promise.all([reader.$disconnect(), writer.$disconnect(), appDb().$disconnect()]);
});

/** A block of at least three available parcels, and one member of it. */
async function someBlock() {
  const { result } = await runLandSearch(reader, q({ sort: "area-desc" }));
  const block = result.results.find((b) => b.parcelCount >= 3)!;
  return { block, member: block.parcelCodes[1]! };
}

describe("the investor search after a write elsewhere", () => {
  it("a status change saved through the staff action: the parcel leaves its block, and its verified date moves", async () => {
    const { member } = await someBlock();
    const p = await writer.parcel.findUniqueOrThrow({ where: { code: member }, select: EDITABLE_SELECT });
    undo.push(() => writer.parcel.update({ where: { id: p.id }, data: { ...p, id: undefined, code: undefined } }));
    const admin = await createStaff(writer, { role: "ADMIN" });
    const saved = await as(admin, () => updateParcelAction({ parcelId: p.id, version: String(p.version), status: "RESERVED", priceCnyPerMu: String(p.priceCnyPerMu ?? ""), plotRatioMin: String(p.plotRatioMin ?? ""), plotRatioMax: String(p.plotRatioMax ?? ""),
      ...Object.fromEntries((["roadReadyOn", "waterReadyOn", "drainageReadyOn", "powerReadyOn", "telecomReadyOn", "gasReadyOn", "heatingReadyOn", "cableReadyOn", "sewageReadyOn", "levelledOn", "handoverOn"] as const).map((k) => [k, p[k]?.toISOString().slice(0, 10) ?? ""])), verified: "on" }));
    expect(saved.ok).toBe(true);
    expect(await findLandBlock(reader, q(), member)).toBeNull();
    expect(lastRefreshKind(reader)).toBe("patched");
    const { index } = await runLandSearch(reader, q());
    const i = index.codes.indexOf(member);
    expect(index.status[i]).toBe(codeOf.status("RESERVED"));
    expect(index.verified[i]).toBe(toDay(chinaDay(new Date())));
    // With reserved land included it is found again.
    expect((await findLandBlock(reader, q({ reserved: "1" }), member))?.parcelCodes).toContain(member);
  });

  it("a geometry change (moved far away: new box and area): patched from the change log, the parcel stands alone", async () => {
    const { member, block } = await someBlock();
    const p = await writer.parcel.findUniqueOrThrow({ where: { code: member }, select: { id: true, geometry: true, areaM2: true, minLng: true, minLat: true, maxLng: true, maxLat: true, centroidLng: true, centroidLat: true } });
    const edges = await writer.parcelAdjacency.findMany({ where: { OR: [{ parcelAId: p.id }, { parcelBId: p.id }] } });
    expect(edges.length).toBeGreaterThan(0);
    undo.push(async () => {
      const { id, geometry, ...rest } = p;
      await writer.parcel.update({ where: { id }, data: { ...rest, geometry: geometry as object } });
      await writer.parcelAdjacency.createMany({ data: edges });
    });
    const geom = p.geometry as unknown as PolygonGeometry;
    const moved: PolygonGeometry = { type: "Polygon", coordinates: geom.coordinates.map((ring) => ring.map(([lng, lat]) => [lng, lat! + 1] as [number, number])) };
    const [minLng, minLat, maxLng, maxLat] = bboxOf(moved);
    const [centroidLng, centroidLat] = centroidOf(moved);
    await writer.$transaction([
      writer.parcel.update({ where: { id: p.id }, data: { geometry: moved as object, areaM2: polygonAreaM2(moved), minLng, minLat, maxLng, maxLat, centroidLng, centroidLat } }),
      // Nothing lies a degree north of Jiangmen: the moved parcel has no neighbours.
      writer.parcelAdjacency.deleteMany({ where: { OR: [{ parcelAId: p.id }, { parcelBId: p.id }] } }),
    ]);
    const alone = await findLandBlock(reader, q(), member);
    expect(lastRefreshKind(reader)).toBe("patched");
    expect(alone).toMatchObject({ parcelCodes: [member], areaM2: polygonAreaM2(moved), bbox: [minLng, minLat, maxLng, maxLat] });
    const rest = block.parcelCodes.filter((c) => c !== member);
    for (const c of rest) expect((await findLandBlock(reader, q(), c))!.parcelCodes).not.toContain(member);
  });

  it("a zone's industries: its parcels are found by the new industry, and only they", async () => {
    const zone = await writer.zone.findFirstOrThrow({ where: { parcels: { some: { status: "AVAILABLE" } } }, orderBy: { code: "asc" }, select: { id: true, code: true, industries: true, park: { select: { industries: true } } } });
    const fresh = (["LOW_ALTITUDE", "HYDROGEN", "PAPER", "GLASS"] as const).find((x) => !zone.industries.includes(x) && !zone.park.industries.includes(x))!;
    undo.push(() => writer.zone.update({ where: { id: zone.id }, data: { industries: zone.industries } }));
    const inZone = await runLandSearch(reader, q({ zone: zone.code, view: "parcels" }));
    expect(inZone.result.total).toBeGreaterThan(0);
    expect((await runLandSearch(reader, q({ zone: zone.code, industry: fresh, view: "parcels" }))).result.total).toBe(0);
    const anyBefore = (await runLandSearch(reader, q({ industry: fresh, view: "parcels" }))).result.total;
    await writer.zone.update({ where: { id: zone.id }, data: { industries: [fresh] } });
    const after = await runLandSearch(reader, q({ zone: zone.code, industry: fresh, view: "parcels" }));
    expect(lastRefreshKind(reader)).toBe("patched");
    expect(after.result.total).toBe(inZone.result.total);
    expect(after.result.results.map((b) => b.key)).toEqual(inZone.result.results.map((b) => b.key));
    expect((await runLandSearch(reader, q({ industry: fresh, view: "parcels" }))).result.total).toBe(anyBefore + inZone.result.total);
    const i = after.index.codes.indexOf(after.result.results[0]!.key);
    expect(hasIndustry(after.index.industries[i]!, fresh)).toBe(true);
  });

  it("a park's county: its parcels move to the new county in the search", async () => {
    const park = await writer.park.findFirstOrThrow({ where: { county: "XINHUI", parcels: { some: { status: "AVAILABLE" } } }, orderBy: { code: "asc" }, select: { id: true, code: true, county: true } });
    undo.push(() => writer.park.update({ where: { id: park.id }, data: { county: park.county } }));
    const all = await runLandSearch(reader, q({ park: park.code, view: "parcels" }));
    expect((await runLandSearch(reader, q({ park: park.code, county: "ENPING", view: "parcels" }))).result.total).toBe(0);
    await writer.park.update({ where: { id: park.id }, data: { county: "ENPING" } });
    const enping = await runLandSearch(reader, q({ park: park.code, county: "ENPING", view: "parcels" }));
    expect(lastRefreshKind(reader)).toBe("patched");
    expect(enping.result.total).toBe(all.result.total);
    expect((await runLandSearch(reader, q({ park: park.code, county: "XINHUI", view: "parcels" }))).result.total).toBe(0);
  });

  it("no write: the next search is a cache hit (the fingerprint is stable across reads)", async () => {
    await runLandSearch(reader, q());
    await writer.$executeRawUnsafe(`UPDATE "LandRevision" SET revision = revision + 1 WHERE id = 1`);
    await runLandSearch(reader, q());
    // The revision moved but nothing else did: patched with no rows, never a rebuild.
    expect(lastRefreshKind(reader)).toBe("patched");
    await runLandSearch(reader, q());
    expect(lastRefreshKind(reader)).toBe("hit");
  });
});
