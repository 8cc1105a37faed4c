// A fresh park for the cadastre import tests, far from the seeded parks (so the seed's parcels
// neither overlap nor touch it), and helpers to upload and export through the real routes.
import type { Db } from "@/lib/db/client";
import { POST } from "@/app/api/staff/cadastre/import/route";
import { GET as EXPORT } from "@/app/api/staff/cadastre/export/route";
import { makeLocalProjection, type PolygonGeometry } from "@/lib/land/geometry";
import { as, type TestStaff } from "./staff";

export const TEST_PARK = "cadastre-test-park";
export const ORIGIN: [number, number] = [112.2, 21.7];
const proj = makeLocalProjection(ORIGIN);

/** A w x h metre rectangle at (x, y) metres from the test park's origin, rounded to 1e-9°. */
export function rectAt(x: number, y: number, w = 100, h = 100): PolygonGeometry {
  const ring = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]].map((p) => proj.toLngLat(p as [number, number]).map((v) => Math.round(v * 1e9) / 1e9) as [number, number]);
  return { type: "Polygon", coordinates: [ring] };
}

export async function createTestPark(db: Db): Promise<string> {
  const park = await db.park.create({
    data: {
      code: TEST_PARK, nameZh: "导入测试园区", nameEn: "Import test park", level: "PLATFORM", descriptionZh: "测试", descriptionEn: "Test",
      centerLng: ORIGIN[0], centerLat: ORIGIN[1], boundary: rectAt(-1000, -1000, 3000, 3000) as object,
      zones: { create: [{ code: `${TEST_PARK}-z1`, nameZh: "一区", nameEn: "Zone 1", allowedLandUses: ["INDUSTRIAL_M1", "INDUSTRIAL_M2"] }] },
    },
    select: { id: true },
  });
  return park.id;
}

/** Removes everything the tests wrote for the park (adjacency cascades with its parcels). */
export async function dropTestPark(db: Db): Promise<void> {
  const park = await db.park.findUnique({ where: { code: TEST_PARK }, select: { id: true } });
  if (!park) return;
  const imports = await db.cadastreImport.findMany({ where: { parkId: park.id }, select: { id: true } });
  const parcels = await db.parcel.findMany({ where: { parkId: park.id }, select: { id: true } });
  await db.auditLog.deleteMany({ where: { entityId: { in: [...imports.map((i) => i.id), ...parcels.map((p) => p.id)] } } });
  await db.parcel.deleteMany({ where: { parkId: park.id } });
  await db.park.delete({ where: { id: park.id } });
}

export const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: "Feature", properties, geometry });
export const collection = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

export interface UploadLine {
  type: string;
  [k: string]: unknown;
}

export async function upload(
  staff: TestStaff | null,
  opts: { geojson: string; csv?: string; mode?: "dry-run" | "commit"; crs?: string; park?: string },
): Promise<{ status: number; lines: UploadLine[]; result: UploadLine | undefined; body: unknown }> {
  return as(staff, async () => {
    const form = new FormData();
    form.set("park", opts.park ?? TEST_PARK);
    form.set("crs", opts.crs ?? "EPSG:4326");
    form.set("mode", opts.mode ?? "dry-run");
    form.set("file", new File([opts.geojson], "parcels.geojson", { type: "application/geo+json" }));
    if (opts.csv) form.set("csv", new File([opts.csv], "attrs.csv", { type: "text/csv" }));
    const res = await POST(new Request("http://localhost/api/staff/cadastre/import", { method: "POST", body: form }));
    const text = await res.text();
    if (res.headers.get("content-type")?.includes("ndjson")) {
      const lines = text.trim().split("\n").map((l) => JSON.parse(l) as UploadLine);
      return { status: res.status, lines, result: lines.at(-1), body: null };
    }
    return { status: res.status, lines: [], result: undefined, body: JSON.parse(text) };
  });
}

export async function exportPark(staff: TestStaff | null, format: "geojson" | "csv", park = TEST_PARK): Promise<{ status: number; text: string }> {
  return as(staff, async () => {
    const res = await EXPORT(new Request(`http://localhost/api/staff/cadastre/export?park=${park}&format=${format}`));
    return { status: res.status, text: await res.text() };
  });
}
