// Does the database answer right now? Bounded by DB_CONNECT_TIMEOUT_MS in total, so that a
// readiness probe (docker-compose's healthcheck has 5 s) gets its answer before it gives up.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { RETRY_AFTER_SECONDS } from "./unavailable-constants";

export type Readiness = { ok: true } | { ok: false; reason: string; retryAfterSeconds: number };

export async function checkDatabaseReady(timeoutMs = env().DB_CONNECT_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const answer = await Promise.race([db().$queryRaw`SELECT 1`.then(() => "ok" as const), timeout]);
    if (answer === "ok") return { ok: true };
    return { ok: false, reason: `The database did not answer within ${timeoutMs} ms.`, retryAfterSeconds: RETRY_AFTER_SECONDS };
  } catch {
    // Whatever the cause (stopped, refused, wrong password), the portal cannot serve yet.
    return { ok: false, reason: "The database is not answering.", retryAfterSeconds: RETRY_AFTER_SECONDS };
  } finally {
    clearTimeout(timer);
  }
}
