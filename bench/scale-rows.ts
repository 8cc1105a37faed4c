// The synthetic cadastre as LandRow objects (what the index is built from) and the same
// parcels' fields for a bulk load, shared by the in-process scale bench and the DB loader.
import { bboxOf, centroidOf, polygonAreaM2 } from "../lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "../lib/land/readiness";
import type { LandRow } from "../lib/search/land-index";
import { syntheticCapacities } from "./land-finder";
import type { SyntheticParcel } from "./synthetic-cadastre";

const date = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The rows the loader builds for the bench's one park and zone (ids equal codes, as load() writes them). */
export function syntheticRows(parcels: readonly SyntheticParcel[], parkId = "bench-park", zoneId = "bench-zone"): LandRow[] {
  return parcels.map((p, i) => ({
    id: p.code,
    code: p.code,
    parkId,
    zoneId,
    county: "XINHUI",
    landUse: "INDUSTRIAL_M1",
    status: p.status,
    areaM2: polygonAreaM2(p.geometry),
    priceCnyPerMu: p.priceCnyPerMu,
    handoverOn: date(p.handoverOn),
    lastVerifiedOn: new Date("2026-11-01"),
    readiness: Object.fromEntries(READINESS_ITEMS.map((it) => [it.key, date(p.readiness[it.key])])) as Record<ReadinessKey, Date | null>,
    industries: ["NEW_ENERGY_BATTERY"],
    bbox: bboxOf(p.geometry) as [number, number, number, number],
    centroid: centroidOf(p.geometry) as [number, number],
    ...syntheticCapacities(i),
  }));
}
