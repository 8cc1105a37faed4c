// The end-to-end tier runs the real portal the way a new user starts it (scripts/serve.ts,
// i.e. `npm start`), driven by Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import type { TestProject } from "vitest/node";
import { findChromium } from "./browser";
import { freePort } from "../setup/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    e2eDatabaseUrl: string;
    /** folder where the test mail server writes each message it receives (n.eml) */
    mailDir: string;
  }
}

const DIR = ".data/e2e";

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not healthy within ${timeoutMs} ms (last: ${last})`);
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  project.provide("chromiumPath", chromium ?? "");
  project.provide("baseUrl", "");
  project.provide("e2eDatabaseUrl", "");
  project.provide("mailDir", "");
  if (!chromium) return;

  // Boot exactly as `npm start` does on a fresh clone (embedded database, migrations, seed,
  // build, next start), only with its own data folder and ports.
  fs.rmSync(DIR, { recursive: true, force: true });
  const [port, pgPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const mail = await startMailServer(smtpPort, path.resolve(DIR, "mail"));
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: "",
    PORT: String(port),
    EMBEDDED_PG_DIR: `${DIR}/postgres`,
    EMBEDDED_PG_PORT: String(pgPort),
    MAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_REPLY_TO: "invest@jiangmen.example",
  };
  // As on a fresh clone: no secrets, no NODE_ENV (vitest sets "test").
  for (const key of ["NODE_ENV", "NEXTAUTH_SECRET", "IP_HASH_SALT"]) delete env[key];
  const server: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/api/health`, server, 300_000);
  } catch (error) {
    server.kill("SIGTERM");
    mail.close();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", `postgresql://postgres:postgres@127.0.0.1:${pgPort}/portal`);
  project.provide("mailDir", path.resolve(DIR, "mail"));
  return async () => {
    mail.close();
    // serve.ts stops Next, then the embedded PostgreSQL.
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
}

/** A local SMTP server standing in for the mail relay: each message lands in `dir` as n.eml. */
async function startMailServer(port: number, dir: string): Promise<SMTPServer> {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const file = fs.createWriteStream(path.join(dir, `${++n}.eml`));
      stream.pipe(file);
      stream.on("end", () => file.end(() => callback()));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

