// The portal started the way `npm start` starts it (scripts/serve.ts: database, migrations,
// seed if empty, build if stale, the portal's HTTP server), as a child process: for the e2e tier and the
// HTTP benchmark. No NODE_ENV or secrets are passed on, as on a fresh clone.
import { spawn, type ChildProcess } from "node:child_process";

export interface PortalProcess {
  baseUrl: string;
  /** the serve.ts process (the portal's server is its child) */
  pid: number;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms (last: ${last})`);
}

/** Starts the portal on `port` with these settings added to the environment; resolves once ready (database answering). */
export async function startPortal(port: number, settings: Record<string, string>, timeoutMs = 300_000): Promise<PortalProcess> {
  const env: Record<string, string | undefined> = { ...process.env, ...settings, PORT: String(port) };
  for (const key of ["NODE_ENV", "NEXTAUTH_SECRET", "IP_HASH_SALT"]) if (!(key in settings)) delete env[key];
  // tsx as a loader, not its CLI: the CLI SIGKILLs its child when that does not confirm a
  // signal within 30 ms (easily missed on a loaded machine), orphaning the server and database.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    // serve.ts stops Next, then the embedded PostgreSQL if it started one.
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${baseUrl}/api/ready`, child, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid!, stop };
}
