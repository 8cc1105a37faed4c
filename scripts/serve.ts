// `npm start`: database (embedded unless DATABASE_URL) -> migrations -> seed on first start
// -> production build when the sources changed -> the portal's HTTP server hosting Next
// (scripts/portal-server.ts, in place of `next start`). `npm run dev` does the same with Next
// in development mode; `npm run build` only builds. Ctrl-C stops the server first, then the
// embedded database, cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { DatabaseUnavailableError, openDatabase, type OpenDatabase } from "../lib/db/bootstrap";
import { markDatabaseEnvironment } from "../lib/db/environment-marker";
import { localSecrets, localSecretsFile } from "../lib/db/local-secrets";
import { migrate, MigrationError } from "../lib/db/migrate";
import { env, EnvError } from "../lib/env";
import { seedDatabase } from "../seeds/load";
import { DEV_STAFF, DEV_STAFF_PASSWORD, ensureDevStaff } from "../lib/auth/staff-accounts";

const dev = process.argv.includes("--dev");
const buildOnly = process.argv.includes("--build-only");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const portalServer = path.resolve("scripts/portal-server.ts");
const STAMP = path.resolve(".next/portal-source-stamp");
const SOURCES = ["app", "components", "lib", "messages", "i18n", "public", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];

/** Hash of the paths, sizes and mtimes of everything the build reads: cheap and good enough. */
function sourceStamp(): string {
  const hash = createHash("sha1");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(path.join("lib", "generated"))) return;
      for (const child of fs.readdirSync(p).sort()) walk(path.join(p, child));
    } else {
      hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

function buildIfStale(force = false): void {
  // A production image is built once at image build time and never changes afterwards.
  if (!force && env().NODE_ENV === "production" && fs.existsSync(".next/BUILD_ID")) return;
  const stamp = sourceStamp();
  const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === stamp;
  if (built) return;
  console.log("Building the portal (first start or sources changed)...");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  fs.writeFileSync(STAMP, stamp);
}

async function prepareDatabase(sessionSecret: string | undefined): Promise<OpenDatabase> {
  const database = await openDatabase();
  try {
    const result = await migrate(database.url);
    if (result.applied.length) console.log(`Applied migrations: ${result.applied.join(", ")}`);
    const prisma = createPrismaClient(database.url, 4);
    try {
      const seeded = await seedDatabase(prisma, { force: false });
      console.log(seeded.message);
      // From now on db:seed --force and db:reset refuse this database (lib/db/environment-marker.ts).
      if (await markDatabaseEnvironment(prisma, env().NODE_ENV)) console.log("Database marked as production: db:seed --force and db:reset refuse it.");
      // Local use only: staff accounts to sign in with (README). Never on an external database
      // or in production, where the first admin is made with `npm run staff:create-admin`.
      if (database.embedded && env().NODE_ENV !== "production") {
        const created = await ensureDevStaff(prisma, { sessionSecret });
        if (created.length) console.log(`Created local staff accounts: ${created.join(", ")}.`);
        console.log(`Local staff sign-in: ${DEV_STAFF.map((s) => s.email).join(", ")}, password "${DEV_STAFF_PASSWORD}" (the admin's TOTP key is in the README).`);
      }
    } finally {
      await prisma.$disconnect();
    }
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const settings = env();
  if (buildOnly) {
    buildIfStale(true);
    return;
  }
  // `next start` runs in production mode, which requires the secrets. A local start (fresh
  // clone, no env file) gets random ones, made once, so sessions survive restarts.
  const local = !settings.NEXTAUTH_SECRET || !settings.IP_HASH_SALT ? localSecrets(localSecretsFile(settings.EMBEDDED_PG_DIR), ["NEXTAUTH_SECRET", "IP_HASH_SALT"]) : undefined;
  const sessionSecret = settings.NEXTAUTH_SECRET ?? local?.NEXTAUTH_SECRET;
  const database = await prepareDatabase(sessionSecret);
  console.log(database.embedded ? `Embedded PostgreSQL ready (data in ${settings.EMBEDDED_PG_DIR}).` : "Using DATABASE_URL.");
  if (!dev) {
    try {
      buildIfStale();
    } catch (error) {
      await database.stop();
      throw error;
    }
  }
  // NODE_ENV as `next start` / `next dev` set it: Next and React choose their build by it.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NODE_ENV: dev ? "development" : "production" };
  if (local) {
    childEnv.NEXTAUTH_SECRET = sessionSecret;
    childEnv.IP_HASH_SALT = settings.IP_HASH_SALT ?? local.IP_HASH_SALT;
  }
  // A process of its own: NODE_ENV must be set before Next is loaded, and a crash of the server
  // still lets this one stop the database.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", portalServer, ...(dev ? ["--dev"] : [])], {
    // The IPC channel closes when this process dies, however it dies: the server then stops too.
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: childEnv,
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
  console.log(`Portal: http://localhost:${settings.PORT}`);
}

main().catch((error: unknown) => {
  const expected = error instanceof DatabaseUnavailableError || error instanceof MigrationError || error instanceof EnvError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});
