// npm run db:migrate | db:seed [-- --force] | db:reset
// Works on DATABASE_URL, or on the embedded server (started for the command, then stopped).
import { createPrismaClient } from "../lib/db/client";
import { assertMayWipe, ProductionDatabaseError } from "../lib/db/environment-marker";
import { DatabaseUnavailableError, openDatabase } from "../lib/db/bootstrap";
import { migrate, MigrationError } from "../lib/db/migrate";
import { env, EnvError } from "../lib/env";
import { resetSchema } from "../lib/db/reset";
import { seedDatabase } from "../seeds/load";

async function main(command: string | undefined, flags: string[]): Promise<void> {
  if (!command || !["migrate", "seed", "reset"].includes(command)) {
    throw new Error("usage: tsx scripts/db.ts migrate | seed [--force] | reset");
  }
  const database = await openDatabase();
  try {
    if (command === "reset") {
      // Checked before anything is dropped (seedDatabase checks again for --force).
      const check = createPrismaClient(database.url, 1);
      try {
        await assertMayWipe(check, env().NODE_ENV, "db:reset");
      } finally {
        await check.$disconnect();
      }
      await resetSchema(database.url);
      console.log("Dropped every table of the portal.");
    }
    const result = await migrate(database.url);
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
        : `Database is up to date (${result.alreadyApplied.length} migration(s) applied before).`,
    );
    for (const name of result.modified) console.warn(`Warning: ${name} was changed after it was applied.`);
    if (command === "seed" || command === "reset") {
      const prisma = createPrismaClient(database.url, 4);
      try {
        const summary = await seedDatabase(prisma, { force: command === "reset" || flags.includes("--force"), command: command === "reset" ? "db:reset" : "db:seed --force" });
        console.log(summary.message);
      } finally {
        await prisma.$disconnect();
      }
    }
  } finally {
    await database.stop();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  // Expected failures (bad settings, unreachable database, failed migration) are one line
  // saying what to fix; anything else keeps its stack for the developer.
  const expected = error instanceof DatabaseUnavailableError || error instanceof MigrationError || error instanceof EnvError || error instanceof ProductionDatabaseError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});
