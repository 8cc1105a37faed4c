// The end-to-end tier runs the real portal the way a new user starts it (scripts/serve.ts,
// i.e. `npm start`), driven by Debian's Chromium through playwright-core.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import type { TestProject } from "vitest/node";
import { findChromium } from "./browser";
import { freePort } from "../setup/free-port";
import { startPortal } from "../setup/portal-process";
import { localSecretsFile, readLocalSecrets } from "../../lib/db/local-secrets";

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

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  // The portal starts with or without a browser: most checks are plain HTTP (404s, sitemap,
  // headers, hostile input); only the tests that drive Chromium skip (or fail, in CI) without it.
  project.provide("chromiumPath", chromium ?? "");

  // Boot exactly as `npm start` does on a fresh clone (embedded database, migrations, seed,
  // build, the portal's HTTP server), only with its own data folder and ports.
  fs.rmSync(DIR, { recursive: true, force: true });
  const [port, pgPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const mail = await startMailServer(smtpPort, path.resolve(DIR, "mail"));
  let portal;
  try {
    portal = await startPortal(port, {
      DATABASE_URL: "",
      EMBEDDED_PG_DIR: `${DIR}/postgres`,
      EMBEDDED_PG_PORT: String(pgPort),
      MAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_REPLY_TO: "invest@jiangmen.example",
    });
  } catch (error) {
    mail.close();
    throw error;
  }
  const { baseUrl, stop } = portal;
  project.provide("baseUrl", baseUrl);
  // The portal made the embedded server's random password and kept it beside its folder.
  const password = readLocalSecrets(localSecretsFile(`${DIR}/postgres`)).EMBEDDED_PG_PASSWORD ?? "";
  project.provide("e2eDatabaseUrl", `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/portal`);
  project.provide("mailDir", path.resolve(DIR, "mail"));
  return async () => {
    mail.close();
    await stop();
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
    // Written under a temporary name and renamed once complete: a test polling the folder saw a
    // half-written message (headers, no link yet) while the stream was still arriving.
    onData(stream, _session, callback) {
      const name = `${++n}.eml`;
      const partial = path.join(dir, `.${name}.partial`);
      const file = fs.createWriteStream(partial);
      stream.pipe(file);
      stream.on("end", () => file.end(() => fs.rename(partial, path.join(dir, name), (error) => callback(error ?? undefined))));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

