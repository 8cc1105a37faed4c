// ILLUSTRATIVE parcel geometry and attributes for one park. Jiangmen's cadastre is not public, so
// the seed invents plausible land near each park's real location; the data and UI label it so
// (Parcel.geometryIllustrative). Pure functions: the loader turns the drafts into rows.
import type { County, LandUse, ParcelStatus } from "../lib/generated/prisma/enums";
import { assignAttributes, DEFAULT_AS_OF, type ParcelAttributes, type Readiness } from "./cadastre-attributes";
import { layoutPark, type LngLat } from "./cadastre-layout";
import type { Rng } from "./random";

export { DEFAULT_AS_OF, type Readiness, type LngLat };

/** GeoJSON Polygon (RFC 7946): WGS84 [lng, lat], closed rings, exterior counter-clockwise. */
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: LngLat[][];
}

export interface CadastreZoneInput {
  code: string;
  allowedLandUses: LandUse[];
}

export interface ParkCadastreInput {
  parkCode: string;
  /** Parcel codes start with it, e.g. "XH-SM" -> "XH-SM-B03-P02". */
  codePrefix: string;
  center: LngLat;
  /** Spread over the grid in order, each over a contiguous run of super-blocks. */
  zones: CadastreZoneInput[];
  superBlocks: { cols: number; rows: number };
  /** Super-blocks whose every parcel is AVAILABLE and whose area is >= 520 mu. */
  fullyAvailableBlocks: number;
  /** Reference date for "ready"/"planned" and handover windows; default DEFAULT_AS_OF. */
  asOf?: string;
  /** Sets the price level; without it a Jiangmen-wide average is used. */
  county?: County;
}

export interface ParcelDraft extends ParcelAttributes {
  code: string;
  parkCode: string;
  zoneCode: string;
  geometry: PolygonGeometry;
  landUse: LandUse;
  status: ParcelStatus;
}

/** A block of parcels between roads; reported so callers and tests need not re-derive it. */
export interface SuperBlockDraft {
  code: string; // e.g. "XH-SM-B03"
  zoneCode: string;
  fullyAvailable: boolean;
  /** The block's outline; its parcels tile it exactly. */
  geometry: PolygonGeometry;
  parcelCodes: string[];
}

export interface ParkCadastre {
  parkCode: string;
  /** Illustrative park boundary: the block grid plus ~150 m, a few corners chamfered. */
  boundary: PolygonGeometry;
  parcels: ParcelDraft[];
  superBlocks: SuperBlockDraft[];
  /** Bearing of the street grid, degrees counter-clockwise from east. */
  rotationDeg: number;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const polygon = (ring: LngLat[]): PolygonGeometry => ({ type: "Polygon", coordinates: [ring] });

export function generateParkCadastre(input: ParkCadastreInput, rng: Rng): ParkCadastre {
  const { parkCode, codePrefix, zones, superBlocks: grid } = input;
  const asOf = input.asOf ?? DEFAULT_AS_OF;
  if (zones.length === 0) throw new Error(`cadastre: park "${parkCode}" has no zones`);
  for (const zone of zones) {
    if (zone.allowedLandUses.length === 0) {
      throw new Error(`cadastre: zone "${zone.code}" of park "${parkCode}" allows no land use`);
    }
  }

  // Separate streams: zone lists or asOf can change without moving a single parcel boundary.
  const layout = layoutPark(input.center, grid, input.fullyAvailableBlocks, rng.fork("layout"));

  // Number and zone blocks along the grid's longer axis so each zone is one contiguous strip.
  const alongCols = grid.cols >= grid.rows;
  const blocks = layout.blocks
    .slice()
    .sort((a, b) => (alongCols ? a.col - b.col || a.row - b.row : a.row - b.row || a.col - b.col));
  const zoneOf = (i: number): CadastreZoneInput => zones[Math.floor((i * zones.length) / blocks.length)] as CadastreZoneInput;

  const attributes = assignAttributes(
    blocks.map((b, i) => ({
      age: b.age,
      fullyAvailable: b.fullyAvailable,
      allowedLandUses: zoneOf(i).allowedLandUses,
      parcelAreasM2: b.parcels.map((p) => p.areaM2),
    })),
    { asOf, county: input.county },
    rng.fork("attributes"),
  );

  const parcels: ParcelDraft[] = [];
  const superBlocks: SuperBlockDraft[] = blocks.map((block, bi) => {
    const blockCode = `${codePrefix}-B${pad2(bi + 1)}`;
    const zoneCode = zoneOf(bi).code;
    const parcelCodes = block.parcels.map((parcel, pi) => {
      const code = `${blockCode}-P${pad2(pi + 1)}`;
      const attrs = (attributes[bi] as ParcelAttributes[])[pi] as ParcelAttributes;
      parcels.push({ code, parkCode, zoneCode, geometry: polygon(parcel.ring), ...attrs });
      return code;
    });
    return { code: blockCode, zoneCode, fullyAvailable: block.fullyAvailable, geometry: polygon(block.ring), parcelCodes };
  });

  return { parkCode, boundary: polygon(layout.boundary), parcels, superBlocks, rotationDeg: layout.rotationDeg };
}
