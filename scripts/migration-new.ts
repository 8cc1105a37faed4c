// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the schema of the latest migration to prisma/schema.prisma.
// Each migration folder keeps a copy of the schema it produced (schema.prisma) because
// Prisma's diff from a live database or from the migrations folder does not work with the
// offline JS schema engine; a schema-to-schema diff does (it still wants a database to
// connect to, hence the throw-away embedded server).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";

async function main(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:diff -- <name_in_snake_case>");
  const latest = readMigrations().at(-1);
  const from = latest ? path.join(MIGRATIONS_DIR, latest.name, "schema.prisma") : null;
  if (from && !fs.existsSync(from)) throw new Error(`${from} is missing: it is needed to compute the diff.`);
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-diff-"));
  const server = await startEmbeddedPostgres({ dir: scratchDir, port: 54_000 + Math.floor(Math.random() * 900), database: "scratch" });
  try {
    const out = path.join(scratchDir, "migration.sql");
    const args = ["prisma", "migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", "prisma/schema.prisma", "--script", "-o", out];
    const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: server.url } });
    if (run.status !== 0) throw new Error("prisma migrate diff failed (see above).");
    const sql = fs.readFileSync(out, "utf8");
    if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
      console.log("No schema changes: nothing written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await server.stop();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
