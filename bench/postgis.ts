// The same synthetic available parcels clustered by PostGIS (ST_ClusterDBSCAN(geom, 0, 1):
// parcels that touch form one cluster), on Debian's PostgreSQL 15 + PostGIS when installed
// (`apt-get install postgresql-15-postgis-3`). Note the semantics differ slightly: PostGIS
// joins parcels touching at a corner, our rule needs 1 m of shared boundary.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { SyntheticParcel } from "./synthetic-cadastre";

const BIN = "/usr/lib/postgresql/15/bin";

/** Debian's PostgreSQL 15 with this extension installed (`postgis`, `pgrouting`). */
export function pg15ExtensionAvailable(extension: string): boolean {
  return fs.existsSync(path.join(BIN, "postgres")) && fs.existsSync(`/usr/share/postgresql/15/extension/${extension}.control`);
}

export const postgisAvailable = (): boolean => pg15ExtensionAvailable("postgis");

/** Starts a throw-away PostgreSQL 15 cluster (as the postgres user when run as root). */
export function startCluster(port: number): { url: string; stop: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-postgis-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "ignore" }) : execFileSync(cmd, args, { stdio: "ignore" });
  run(path.join(BIN, "initdb"), ["-D", `${dir}/data`, "-A", "trust", "-U", "postgres"]);
  run(path.join(BIN, "pg_ctl"), ["-D", `${dir}/data`, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-w", "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run(path.join(BIN, "pg_ctl"), ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function timePostgisClustering(parcels: SyntheticParcel[], runs = 7): Promise<{ p50: number; p95: number; clusters: number }> {
  const cluster = startCluster(56_000 + Math.floor(Math.random() * 900));
  const client = new pg.Client({ connectionString: cluster.url });
  try {
    await client.connect();
    await client.query("CREATE EXTENSION postgis");
    await client.query("CREATE TABLE parcel (id text PRIMARY KEY, status text NOT NULL, geom geometry(Polygon, 4326) NOT NULL)");
    for (let i = 0; i < parcels.length; i += 10_000) {
      const chunk = parcels.slice(i, i + 10_000);
      await client.query(
        "INSERT INTO parcel SELECT id, st, ST_GeomFromGeoJSON(g) FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, st, g)",
        [chunk.map((p) => p.code), chunk.map((p) => p.status), chunk.map((p) => JSON.stringify(p.geometry))],
      );
    }
    await client.query("CREATE INDEX ON parcel USING gist (geom)");
    await client.query("ANALYZE parcel");
    const sql = "SELECT count(DISTINCT c) AS n FROM (SELECT ST_ClusterDBSCAN(geom, 0, 1) OVER () AS c FROM parcel WHERE status = 'AVAILABLE') s";
    const times: number[] = [];
    let clusters = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const res = await client.query<{ n: string }>(sql);
      times.push(performance.now() - t);
      clusters = Number(res.rows[0]!.n);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(runs / 2)]!, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!, clusters };
  } finally {
    await client.end().catch(() => undefined);
    cluster.stop();
  }
}
