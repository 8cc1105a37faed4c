// Loads the synthetic cadastre into the bench database with COPY FROM (pg-copy-streams): a
// million parcels through Prisma's createMany took over half an hour (100,000 took 160 s).
// Rows are written already aged a day, as a real cadastre was written long before the app
// starts (the status-change timing then measures the patch path, not a rebuild).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "../lib/db/client";
import { computeAdjacency, type AdjacencyEdge } from "../lib/land/adjacency";
import { bboxOf, centroidOf, polygonAreaM2 } from "../lib/land/geometry";
import { READINESS_ITEMS } from "../lib/land/readiness";
import { syntheticCapacities } from "./land-finder";
import type { SyntheticParcel } from "./synthetic-cadastre";

// COPY's text format: tab-separated, \N for NULL (no value here holds a tab, newline or backslash).
const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? "\\N" : String(v));
const ROWS_PER_CHUNK = 5_000;

async function copyRows(url: string, sql: string, count: number, line: (i: number) => string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks = function* () {
      for (let i = 0; i < count; i += ROWS_PER_CHUNK) {
        let text = "";
        for (let k = i; k < Math.min(count, i + ROWS_PER_CHUNK); k++) text += line(k) + "\n";
        yield text;
      }
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  } finally {
    await client.end();
  }
}

export async function copyLoad(db: Db, url: string, parcels: SyntheticParcel[]): Promise<{ edges: AdjacencyEdge[]; seconds: number }> {
  const started = performance.now();
  const park = await db.park.create({
    data: { code: "bench", nameZh: "基准园区", nameEn: "Benchmark park", level: "SPECIALTY", county: "XINHUI", industries: ["NEW_ENERGY_BATTERY"], descriptionZh: "-", descriptionEn: "-", centerLng: 113.05, centerLat: 22.45 },
  });
  const zone = await db.zone.create({ data: { code: "bench-z", parkId: park.id, nameZh: "区", nameEn: "Zone", industries: ["NEW_ENERGY_BATTERY"], allowedLandUses: ["INDUSTRIAL_M1"] } });
  const aged = new Date(Date.now() - 86_400_000).toISOString();
  const columns = ["id", "code", "parkId", "zoneId", "geometry", "areaM2", "minLng", "minLat", "maxLng", "maxLat", "centroidLng", "centroidLat", "landUse", "status",
    "priceCnyPerMu", "handoverOn", "lastVerifiedOn", "powerKva", "powerVoltageKv", "waterTPerDay", "gasM3PerDay", "wastewaterTPerDay", ...READINESS_ITEMS.map((i) => i.column), "updatedAt"];
  await copyRows(url, `COPY "Parcel" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, parcels.length, (i) => {
    const p = parcels[i]!;
    const cap = syntheticCapacities(i);
    return [p.code, p.code, park.id, zone.id, JSON.stringify(p.geometry), polygonAreaM2(p.geometry), ...bboxOf(p.geometry), ...centroidOf(p.geometry), "INDUSTRIAL_M1", p.status,
      p.priceCnyPerMu, p.handoverOn, "2026-11-01", cap.powerKva, cap.powerVoltageKv, cap.waterTPerDay, cap.gasM3PerDay, cap.wastewaterTPerDay,
      ...READINESS_ITEMS.map((it) => p.readiness[it.key] ?? null), aged].map(cell).join("\t");
  });
  const edges = computeAdjacency(parcels.map((p) => ({ id: p.code, geometry: p.geometry })));
  await copyRows(url, `COPY "ParcelAdjacency" ("parcelAId", "parcelBId", "sharedLengthM") FROM STDIN`, edges.length, (i) => [edges[i]!.a, edges[i]!.b, edges[i]!.sharedLengthM].map(cell).join("\t"));
  await db.$executeRawUnsafe(`ANALYZE "Parcel"`);
  await db.$executeRawUnsafe(`ANALYZE "ParcelAdjacency"`);
  return { edges, seconds: (performance.now() - started) / 1000 };
}
