// npm run land:import -- <park-code> <file.geojson> [--dry-run] [--crs EPSG:4547] [--csv attrs.csv] [--lang zh]
// The staff page's import from the command line, on DATABASE_URL or the embedded server. It
// runs as the system (no staff member): audit rows have no actor and actions ending in ".cli".
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { DatabaseUnavailableError, openDatabase } from "../lib/db/bootstrap";
import { DEFAULT_CRS, normaliseCrs } from "../lib/cadastre/crs";
import { reportLines } from "../lib/cadastre/report-text";
import { runImport } from "../lib/cadastre/run";
import { AppError } from "../lib/errors";

/** A mistake in the command line: one line saying what to type, no stack. */
class UsageError extends Error {}

const USAGE = "usage: npm run land:import -- <park-code> <file.geojson> [--dry-run] [--crs EPSG:4547] [--csv attrs.csv] [--lang zh|en]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith("--")) throw new Error(`${name} needs a value\n${USAGE}`);
  args.splice(i, 2);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const dryRun = args.includes("--dry-run");
  if (dryRun) args.splice(args.indexOf("--dry-run"), 1);
  const crsArg = option(args, "--crs");
  const csvPath = option(args, "--csv");
  const lang = option(args, "--lang") === "zh" ? "zh" : "en";
  const [parkCode, file, ...rest] = args;
  if (!parkCode || !file || rest.length) throw new Error(USAGE);
  const crs = crsArg ? normaliseCrs(crsArg) : DEFAULT_CRS;
  if (!crs) throw new UsageError(`unknown coordinate system ${crsArg}: use EPSG:4326, EPSG:4490, EPSG:4525, EPSG:4526, EPSG:4546, EPSG:4547 or GCJ-02`);
  const [geojson, csv] = await Promise.all([readFile(file, "utf8"), csvPath ? readFile(csvPath, "utf8") : Promise.resolve(null)]);

  const database = await openDatabase();
  const db = createPrismaClient(database.url, 4);
  try {
    let shown = "";
    const result = await runImport(
      db,
      { parkCode, fileName: basename(file), crs, geojson, csv, commit: !dryRun, actorId: null, mayOverride: true, via: "cli" },
      (e) => {
        const line = `${e.phase} ${e.done}/${e.total}`;
        if (process.stderr.isTTY && line !== shown) process.stderr.write(`\r${(shown = line)}   `);
      },
    );
    if (process.stderr.isTTY) process.stderr.write("\n");
    for (const line of reportLines(result.report, result.committed, lang)) console.log(line);
    return result.report.clean ? 0 : 2;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = error instanceof DatabaseUnavailableError || error instanceof AppError || error instanceof UsageError || (error instanceof Error && error.message.includes("usage:")) || (error as NodeJS.ErrnoException)?.code === "ENOENT";
    console.error(expected ? (error instanceof AppError && error.message === "parkNotFound" ? "No park has that code." : (error as Error).message) : error);
    process.exit(1);
  },
);
