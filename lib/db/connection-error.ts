// Turns a failed connection into one line that says what to fix. Users meet this when
// DATABASE_URL is wrong; a stack trace there helps nobody.
import pg from "pg";

interface PgLikeError {
  code?: string;
  message?: string;
}

/** A URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export function describeConnectionError(error: unknown, url: string): string {
  const e = (error ?? {}) as PgLikeError;
  let where = redactUrl(url);
  let host = "?";
  let database = "?";
  let user = "?";
  try {
    const u = new URL(url);
    host = `${u.hostname}:${u.port || "5432"}`;
    database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(none)";
    user = decodeURIComponent(u.username) || "(none)";
  } catch {
    return `DATABASE_URL is not a valid URL (${where}); expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`;
  }
  where = `DATABASE_URL (${where})`;
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${host}: connection refused. Start the server or fix the host/port in ${where}.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the database host in ${where}. Check the host name.`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return `Timed out connecting to PostgreSQL at ${host}. Check the host, port and firewall in ${where}.`;
    case "28P01":
      return `PostgreSQL rejected the password for user "${user}". Fix the credentials in ${where}.`;
    case "28000":
      return `PostgreSQL does not allow user "${user}" to connect (pg_hba.conf or role). Fix ${where} or the server's access rules.`;
    case "3D000":
      return `Database "${database}" does not exist on ${host}. Create it (createdb ${database}) or fix ${where}.`;
    default:
      return `Cannot connect to PostgreSQL with ${where}: ${e.message ?? String(error)}.`;
  }
}

/** Opens and closes one connection; resolves to null when fine, else the one-line reason. */
export async function checkConnection(url: string, timeoutMs = 5000): Promise<string | null> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  } catch (error) {
    return describeConnectionError(error, url);
  }
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const e = error as PgLikeError;
    if (e.message && /timeout/i.test(e.message) && !e.code) e.code = "CONNECT_TIMEOUT";
    return describeConnectionError(e, url);
  } finally {
    await client.end().catch(() => undefined);
  }
}
