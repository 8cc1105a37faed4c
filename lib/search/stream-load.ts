// The land index's columns straight from PostgreSQL: binary COPY of the parcels (in code
// order) and of the adjacency, decoded into typed arrays as the bytes arrive. At a million
// parcels, Prisma's findMany built a million objects, then a million LandRow objects, before
// the index copied them into columns: seconds and hundreds of MB for nothing kept.
// One REPEATABLE READ transaction, so parcels, edges, parks and zones are one snapshot.
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { field, readBinaryCopy, type BinaryRow } from "../db/copy-binary";
import type { ConnectionSettings } from "../db/connections";
import { rethrowDatabaseError } from "../db/unavailable";
import type { County, Industry, LandUse, ParcelStatus } from "../generated/prisma/enums";
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { CAPACITIES, codeOf, NO_DATE, type Capacity, type LandColumns } from "./land-index";

// Field positions in PARCELS_SQL.
const F = { id: 0, code: 1, park: 2, zone: 3, use: 4, status: 5, area: 6, price: 7, handover: 8, verified: 9, bbox: 10, centroid: 14, power: 16, voltage: 17, gas: 18, water: 19, wastewater: 20, readiness: 21 } as const;
const CAPACITY_FIELD: Record<Capacity, number> = { powerKva: F.power, waterTPerDay: F.water, gasM3PerDay: F.gas, wastewaterTPerDay: F.wastewater };
const FIELDS = F.readiness + READINESS_ITEMS.length;
const q = (c: string) => `"${c}"`;
// COLLATE "C": byte order, which is the index's `<` order for any code without characters
// beyond U+FFFF (checked while reading; the caller falls back to sorting rows otherwise).
// Park and zone as small numbers (position in PARKS_SQL / ZONES_SQL), so no id string is
// made per row for them.
const PARKS_SQL = `SELECT id, county::text AS county, coalesce(industries::text[], ARRAY[]::text[]) AS industries FROM "Park" ORDER BY id`;
const ZONES_SQL = `SELECT id, coalesce(industries::text[], ARRAY[]::text[]) AS industries FROM "Zone" ORDER BY id`;
// Enums as text: array_position(enum_range(...)) per row tripled the COPY's time in PostgreSQL.
const PARCELS_SQL = `COPY (SELECT p.id, p.code, pk.k, zk.k, p."landUse"::text, p.status::text,
    p."areaM2", p."priceCnyPerMu", p."handoverOn", p."lastVerifiedOn",
    p."minLng", p."minLat", p."maxLng", p."maxLat", p."centroidLng", p."centroidLat", p."powerKva", p."powerVoltageKv", p."gasM3PerDay", p."waterTPerDay", p."wastewaterTPerDay",
    ${READINESS_ITEMS.map((i) => `p.${q(i.column)}`).join(", ")}
  FROM "Parcel" p
  JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int - 1 AS k FROM "Park") pk ON pk.id = p."parkId"
  LEFT JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int - 1 AS k FROM "Zone") zk ON zk.id = p."zoneId"
  ORDER BY p.code COLLATE "C") TO STDOUT (FORMAT binary)`;
const EDGES_SQL = `COPY (SELECT "parcelAId", "parcelBId" FROM "ParcelAdjacency") TO STDOUT (FORMAT binary)`;

const bits = (industries: readonly string[]) => industries.reduce((sum, ind) => sum + codeOf.industryBit(ind as Industry), 0);

/**
 * The columns of every parcel and edge, or null when the codes' byte order is not the index's
 * order (the caller then builds the index from rows, which sorts them). `firstSql`, when given,
 * runs first in the same snapshot and its first row is returned as `first`.
 */
export async function streamLandColumns(settings: ConnectionSettings, firstSql?: string): Promise<{ columns: LandColumns | null; first?: Record<string, unknown> }> {
  const client = new pg.Client({ connectionString: settings.connectionString, connectionTimeoutMillis: settings.options.connectTimeoutMs ?? 10_000 });
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The sort by code and the stream of a million rows outlast the app's per-statement
    // timeout, which is meant for one request's queries, not this once-per-revision load.
    await client.query("SET LOCAL statement_timeout = '120s'");
    await client.query("SET LOCAL work_mem = '256MB'");
    const first = firstSql ? (await client.query<Record<string, unknown>>(firstSql)).rows[0] : undefined;
    const counts = await client.query<{ parcels: number; edges: number }>(`SELECT (SELECT count(*) FROM "Parcel")::int AS parcels, (SELECT count(*) FROM "ParcelAdjacency")::int AS edges`);
    const parks = (await client.query<{ id: string; county: string | null; industries: string[] }>(PARKS_SQL)).rows;
    const zones = (await client.query<{ id: string; industries: string[] }>(ZONES_SQL)).rows;
    const { parcels: n, edges: m } = counts.rows[0]!;
    const parkCounty = parks.map((p) => codeOf.county(p.county as County | null));
    const parkBits = parks.map((p) => bits(p.industries));
    const zoneBits = zones.map((z) => (z.industries.length > 0 ? bits(z.industries) : -1));
    const useCode = new Map<string, number>(), statusCode = new Map<string, number>();

    const c = allocate(n, m);
    // Position in PARKS_SQL / ZONES_SQL -> dense index in order of first appearance (as the
    // row constructor interns them), -1 until seen.
    const parkIndex = new Int32Array(parks.length).fill(-1), zoneIndex = new Int32Array(zones.length).fill(-1);
    const intern = (seen: Int32Array, list: string[], k: number, id: string) => {
      if (seen[k] === -1) seen[k] = list.push(id) - 1;
      return seen[k]!;
    };
    const readiness = READINESS_ITEMS.map((item, k) => ({ col: c.readiness[item.key], f: F.readiness + k }));
    const capacities = CAPACITIES.map((cap) => ({ col: c.capacity[cap], f: CAPACITY_FIELD[cap] }));
    const indexById = new Map<string, number>();
    let i = 0, sorted = true;
    const orNaN = (r: BinaryRow, f: number, read: (r: BinaryRow, f: number) => number) => (field.isNull(r, f) ? Number.NaN : read(r, f));
    const orNoDate = (r: BinaryRow, f: number) => (field.isNull(r, f) ? NO_DATE : field.day(r, f));
    const read = await readBinaryCopy(client.query(copyTo(PARCELS_SQL)), FIELDS, (r) => {
      if (i >= n) throw new Error("COPY: more parcels than counted");
      const id = field.text(r, F.id), code = field.text(r, F.code);
      if (i > 0 && !(c.codes[i - 1]! < code)) sorted = false;
      c.ids.push(id);
      c.codes.push(code);
      indexById.set(id, i);
      const pk = field.int4(r, F.park);
      c.park[i] = intern(parkIndex, c.parkIds, pk, parks[pk]!.id);
      const zk = field.isNull(r, F.zone) ? -1 : field.int4(r, F.zone);
      c.zone[i] = zk === -1 ? -1 : intern(zoneIndex, c.zoneIds, zk, zones[zk]!.id);
      const zb = zk === -1 ? -1 : zoneBits[zk]!;
      c.industries[i] = zb >= 0 ? zb : parkBits[pk]!;
      c.county[i] = parkCounty[pk]!;
      const use = field.text(r, F.use), status = field.text(r, F.status);
      c.landUse[i] = useCode.get(use) ?? useCode.set(use, codeOf.landUse(use as LandUse)).get(use)!;
      c.status[i] = statusCode.get(status) ?? statusCode.set(status, codeOf.status(status as ParcelStatus)).get(status)!;
      c.areaM2[i] = field.float8(r, F.area);
      c.price[i] = orNaN(r, F.price, field.int4);
      c.handover[i] = orNoDate(r, F.handover);
      c.verified[i] = orNoDate(r, F.verified);
      for (let k = 0; k < 4; k++) c.bbox[i * 4 + k] = field.float8(r, F.bbox + k);
      c.centroid[i * 2] = field.float8(r, F.centroid);
      c.centroid[i * 2 + 1] = field.float8(r, F.centroid + 1);
      for (const { col, f } of capacities) col[i] = orNaN(r, f, field.int4);
      c.powerVoltageKv[i] = orNaN(r, F.voltage, field.float8);
      for (const { col, f } of readiness) col[i] = orNoDate(r, f);
      i++;
    });
    if (read !== n) throw new Error(`COPY: ${read} parcels, counted ${n}`);
    let e = 0;
    await readBinaryCopy(client.query(copyTo(EDGES_SQL)), 2, (r) => {
      // An id the parcels did not list (impossible under the foreign keys) becomes -1: skipped.
      c.edgeFrom[e] = indexById.get(field.text(r, 0)) ?? -1;
      c.edgeTo[e] = indexById.get(field.text(r, 1)) ?? -1;
      e++;
    });
    await client.query("COMMIT");
    if (!sorted) return { columns: null, first };
    c.indexById = indexById;
    return { columns: c, first };
  } catch (error) {
    rethrowDatabaseError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The first row of one read-only statement, on a connection of its own with a 120 s timeout. */
export async function oneRow(settings: ConnectionSettings, sql: string): Promise<Record<string, unknown> | undefined> {
  const client = new pg.Client({ connectionString: settings.connectionString, connectionTimeoutMillis: settings.options.connectTimeoutMs ?? 10_000 });
  try {
    await client.connect();
    await client.query("SET statement_timeout = '120s'");
    return (await client.query<Record<string, unknown>>(sql)).rows[0];
  } catch (error) {
    rethrowDatabaseError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function allocate(n: number, m: number): LandColumns {
  return {
    // Filled by push: new Array(n) past 100,000 elements makes V8 keep a dictionary, not an array.
    ids: [],
    codes: [],
    parkIds: [],
    zoneIds: [],
    park: new Int32Array(n),
    zone: new Int32Array(n),
    county: new Uint8Array(n),
    landUse: new Uint8Array(n),
    status: new Uint8Array(n),
    industries: new Float64Array(n),
    areaM2: new Float64Array(n),
    price: new Float64Array(n),
    handover: new Int32Array(n),
    verified: new Int32Array(n),
    readiness: Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, new Int32Array(n)])) as Record<ReadinessKey, Int32Array>,
    bbox: new Float64Array(n * 4),
    capacity: Object.fromEntries(CAPACITIES.map((cap) => [cap, new Float64Array(n)])) as Record<Capacity, Float64Array>,
    powerVoltageKv: new Float64Array(n),
    centroid: new Float64Array(n * 2),
    edgeFrom: new Int32Array(m),
    edgeTo: new Int32Array(m),
  };
}
