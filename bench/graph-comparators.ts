// What a GIS engineer would build instead of our in-memory blocks, timed on the same synthetic
// cadastre and the same precomputed adjacency (lib/land/adjacency.ts):
//  - pgRouting's pgr_connectedComponents in PostgreSQL 15, over the adjacency table filtered by
//    status in SQL (Debian `postgresql-15-pgrouting`); isolated available parcels are blocks of
//    one, which pgRouting does not return (it sees edges only), so they are counted in SQL too.
//  - a union-find over the same filtered edges in this process: the practical floor for
//    "which available parcels are contiguous", with no filters, sizes, sorting or paging.
// Both count blocks of any size, as our default search (available land, no filter) does.
import pg from "pg";
import type { AdjacencyEdge } from "../lib/land/adjacency";
import { pg15ExtensionAvailable, startCluster } from "./postgis";
import type { SyntheticParcel } from "./synthetic-cadastre";

export interface ComparatorTiming {
  p50: number;
  p95: number;
  blocks: number;
}

const summary = (times: number[], blocks: number): ComparatorTiming => {
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!, blocks };
};

export const pgRoutingAvailable = (): boolean => pg15ExtensionAvailable("pgrouting");

/** Union-find with path halving and union by size over the edges whose two ends are available. */
export function timeUnionFind(parcels: SyntheticParcel[], edges: AdjacencyEdge[], runs = 15): ComparatorTiming {
  const index = new Map(parcels.map((p, i) => [p.code, i]));
  const a = Int32Array.from(edges, (e) => index.get(e.a)!);
  const b = Int32Array.from(edges, (e) => index.get(e.b)!);
  const available = Uint8Array.from(parcels, (p) => (p.status === "AVAILABLE" ? 1 : 0));
  const parent = new Int32Array(parcels.length);
  const size = new Int32Array(parcels.length);
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const times: number[] = [];
  let blocks = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    blocks = 0;
    for (let i = 0; i < parent.length; i++) {
      parent[i] = i;
      size[i] = 1;
      blocks += available[i]!;
    }
    for (let e = 0; e < a.length; e++) {
      const x = a[e]!, y = b[e]!;
      if (!available[x] || !available[y]) continue;
      let rx = find(x), ry = find(y);
      if (rx === ry) continue;
      if (size[rx]! < size[ry]!) [rx, ry] = [ry, rx];
      parent[ry] = rx;
      size[rx]! += size[ry]!;
      blocks--;
    }
    times.push(performance.now() - t);
  }
  return summary(times, blocks);
}

const COMPONENTS_SQL = `
WITH cc AS (
  SELECT component, node FROM pgr_connectedComponents(
    'SELECT e.id, e.a AS source, e.b AS target, 1.0::float8 AS cost, 1.0::float8 AS reverse_cost
       FROM edge e JOIN node na ON na.n = e.a JOIN node nb ON nb.n = e.b
      WHERE na.status = ''AVAILABLE'' AND nb.status = ''AVAILABLE''')
)
SELECT (SELECT count(DISTINCT component) FROM cc)
     + (SELECT count(*) FROM node n WHERE n.status = 'AVAILABLE' AND NOT EXISTS (SELECT 1 FROM cc WHERE cc.node = n.n)) AS blocks`;

/** pgr_connectedComponents on a throw-away PostgreSQL 15 cluster holding the same graph. */
export async function timePgRouting(parcels: SyntheticParcel[], edges: AdjacencyEdge[], runs = 7): Promise<ComparatorTiming> {
  const cluster = startCluster(57_000 + Math.floor(Math.random() * 900));
  const client = new pg.Client({ connectionString: cluster.url });
  try {
    await client.connect();
    await client.query("CREATE EXTENSION pgrouting CASCADE");
    await client.query("CREATE TABLE node (n int PRIMARY KEY, status text NOT NULL)");
    await client.query("CREATE TABLE edge (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL)");
    const index = new Map(parcels.map((p, i) => [p.code, i]));
    for (let i = 0; i < parcels.length; i += 50_000) {
      const chunk = parcels.slice(i, i + 50_000);
      await client.query("INSERT INTO node SELECT * FROM unnest($1::int[], $2::text[])", [chunk.map((_, k) => i + k), chunk.map((p) => p.status)]);
    }
    for (let i = 0; i < edges.length; i += 50_000) {
      const chunk = edges.slice(i, i + 50_000);
      await client.query("INSERT INTO edge SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[])", [
        chunk.map((_, k) => i + k),
        chunk.map((e) => index.get(e.a)!),
        chunk.map((e) => index.get(e.b)!),
      ]);
    }
    await client.query("CREATE INDEX ON node (status)");
    await client.query("ANALYZE node");
    await client.query("ANALYZE edge");
    // pgRouting builds its Boost graph from the edge query's result in memory: at a million
    // parcels the default 4 MB work_mem spills the hash joins and sorts to disk.
    await client.query("SET work_mem = '1GB'");
    const times: number[] = [];
    let blocks = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const res = await client.query<{ blocks: string }>(COMPONENTS_SQL);
      times.push(performance.now() - t);
      blocks = Number(res.rows[0]!.blocks);
    }
    return summary(times, blocks);
  } finally {
    await client.end().catch(() => undefined);
    cluster.stop();
  }
}
