// Decides which PostgreSQL the process uses: DATABASE_URL when set, otherwise the embedded
// server under EMBEDDED_PG_DIR. Used by scripts/serve.ts and scripts/db.ts.
import { env } from "../env";
import { checkConnection } from "./connection-error";
import { startEmbeddedPostgres } from "./embedded";
import { localSecrets, localSecretsFile } from "./local-secrets";

export const EMBEDDED_DATABASE = "portal";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** A reason the database cannot be used, meant to be printed as is (one line). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

export async function openDatabase(): Promise<OpenDatabase> {
  const settings = env();
  if (settings.DATABASE_URL) {
    const problem = await checkConnection(settings.DATABASE_URL);
    if (problem) throw new DatabaseUnavailableError(problem);
    return { url: settings.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  try {
    // The superuser password is random, made once per clone and kept in the git-ignored
    // secrets file, not a fixed word anyone on the machine could guess.
    const { EMBEDDED_PG_PASSWORD } = localSecrets(localSecretsFile(settings.EMBEDDED_PG_DIR), ["EMBEDDED_PG_PASSWORD"]);
    const server = await startEmbeddedPostgres({
      dir: settings.EMBEDDED_PG_DIR,
      password: EMBEDDED_PG_PASSWORD,
      port: settings.EMBEDDED_PG_PORT,
      database: EMBEDDED_DATABASE,
    });
    return { url: server.url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    throw new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
