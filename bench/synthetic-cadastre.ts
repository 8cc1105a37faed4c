// A synthetic city-scale cadastre for benchmarks: super-blocks of 6 x 5 parcels (80 m
// squares, ~9.6 mu each) separated by 30 m roads, statuses and readiness drawn from a seeded
// generator so every run measures the same data.
import type { ParcelStatus } from "../lib/generated/prisma/enums";
import { makeLocalProjection, type PolygonGeometry } from "../lib/land/geometry";
import { READINESS_ITEMS } from "../lib/land/readiness";
import { createRng } from "../seeds/random";

export interface SyntheticParcel {
  code: string;
  geometry: PolygonGeometry;
  status: ParcelStatus;
  priceCnyPerMu: number | null;
  handoverOn: string | null;
  readiness: Record<string, string | null>;
}

const PARCEL_M = 80;
const BLOCK_COLS = 6;
const BLOCK_ROWS = 5;
const ROAD_M = 30;
const STATUS_WEIGHTS: [ParcelStatus, number][] = [
  ["AVAILABLE", 0.55],
  ["RESERVED", 0.1],
  ["UNDER_NEGOTIATION", 0.07],
  ["SOLD", 0.17],
  ["LEASED", 0.06],
  ["NOT_OFFERED", 0.05],
];

export function syntheticCadastre(count: number, seed = 7): SyntheticParcel[] {
  const rng = createRng(`bench:${seed}`);
  const rnd = () => rng.next();
  const proj = makeLocalProjection([113.05, 22.45]);
  const perBlock = BLOCK_COLS * BLOCK_ROWS;
  const blocksPerSide = Math.ceil(Math.sqrt(Math.ceil(count / perBlock)));
  const blockW = BLOCK_COLS * PARCEL_M + ROAD_M;
  const blockH = BLOCK_ROWS * PARCEL_M + ROAD_M;
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const out: SyntheticParcel[] = [];
  for (let b = 0; out.length < count; b++) {
    const bx = (b % blocksPerSide) * blockW;
    const by = Math.floor(b / blocksPerSide) * blockH;
    // Whole super-blocks lean one way (new land mostly available, old land mostly sold).
    const lean = rnd();
    for (let k = 0; k < perBlock && out.length < count; k++) {
      const x = bx + (k % BLOCK_COLS) * PARCEL_M;
      const y = by + Math.floor(k / BLOCK_COLS) * PARCEL_M;
      const ring = [[x, y], [x + PARCEL_M, y], [x + PARCEL_M, y + PARCEL_M], [x, y + PARCEL_M], [x, y]].map((p) => {
        const [lng, lat] = proj.toLngLat(p as [number, number]);
        return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7] as [number, number];
      });
      let r = lean < 0.5 ? rnd() * 0.6 : rnd();
      let status: ParcelStatus = "NOT_OFFERED";
      for (const [s, w] of STATUS_WEIGHTS) {
        if (r < w) {
          status = s;
          break;
        }
        r -= w;
      }
      const readiness: Record<string, string | null> = {};
      for (const item of READINESS_ITEMS) {
        const v = rnd();
        readiness[item.key] = v < 0.7 ? day(-400 + Math.floor(v * 300)) : v < 0.92 ? day(Math.floor(v * 500)) : null;
      }
      out.push({
        code: `SYN-${String(b).padStart(5, "0")}-${String(k).padStart(2, "0")}`,
        geometry: { type: "Polygon", coordinates: [ring] },
        status,
        priceCnyPerMu: rnd() < 0.05 ? null : 150_000 + Math.floor(rnd() * 30) * 10_000,
        handoverOn: rnd() < 0.03 ? null : day(-60 + Math.floor(rnd() * 720)),
        readiness,
      });
    }
  }
  return out;
}
