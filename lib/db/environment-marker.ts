// Which kind of deployment a database belongs to. The portal writes PortalSetting
// environment = "production" when it starts with NODE_ENV=production (scripts/serve.ts), so the
// destructive commands (db:seed --force, db:reset) can refuse a production database even when
// they are run from a shell whose NODE_ENV says otherwise (an operator's laptop pointed at the
// live DATABASE_URL is exactly the mistake this guards against).
import type { DbClient } from "./client";

export const ENVIRONMENT_SETTING = "environment";
export const PRODUCTION = "production";

/** Refused: the message is one line, meant for the person at the terminal. */
export class ProductionDatabaseError extends Error {
  constructor(command: string, why: "marker" | "nodeEnv") {
    super(
      why === "marker"
        ? `Refusing ${command}: this database is marked as production (PortalSetting environment = production); it would delete live data.`
        : `Refusing ${command}: NODE_ENV is production; it would delete live data.`,
    );
    this.name = "ProductionDatabaseError";
  }
}

/** Records that this database serves production; nothing for other environments (a marker is never lowered). */
export async function markDatabaseEnvironment(db: DbClient, nodeEnv: string): Promise<boolean> {
  if (nodeEnv !== PRODUCTION) return false;
  await db.portalSetting.upsert({
    where: { key: ENVIRONMENT_SETTING },
    create: { key: ENVIRONMENT_SETTING, value: PRODUCTION },
    update: { value: PRODUCTION },
  });
  return true;
}

/** True when the marker is set. A database without the table yet (before the first migration) is not marked. */
export async function isMarkedProduction(db: DbClient): Promise<boolean> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('public."PortalSetting"') IS NOT NULL AS "exists"`;
  if (!table?.exists) return false;
  const rows = await db.$queryRaw<{ value: string }[]>`SELECT "value" FROM "PortalSetting" WHERE "key" = ${ENVIRONMENT_SETTING}`;
  return rows[0]?.value === PRODUCTION;
}

/** Throws ProductionDatabaseError when `command` would wipe a production database. */
export async function assertMayWipe(db: DbClient, nodeEnv: string, command: string): Promise<void> {
  if (nodeEnv === PRODUCTION) throw new ProductionDatabaseError(command, "nodeEnv");
  if (await isMarkedProduction(db)) throw new ProductionDatabaseError(command, "marker");
}
