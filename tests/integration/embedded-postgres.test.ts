// The embedded PostgreSQL's superuser password and folder: random per cluster (not the fixed
// "postgres"), a cluster made with the old fixed password is moved to the new one on its first
// start, and a password the cluster does not know stops the start with what to do.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { LEGACY_PASSWORD, startEmbeddedPostgres } from "@/lib/db/embedded";
import { localSecrets, localSecretsFile, readLocalSecrets } from "@/lib/db/local-secrets";
import { freePort } from "../setup/free-port";

const base = path.resolve(`.data/test-embedded-${process.pid}`);
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function passwordWorks(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe("28P01");
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe("startEmbeddedPostgres", () => {
  it("runs with the caller's password only, in a folder closed to other users", async () => {
    const dir = path.join(base, "fresh", "postgres");
    const password = randomBytes(16).toString("hex");
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "portal", password });
    try {
      expect(new URL(server.url).password).toBe(password);
      expect(await passwordWorks(server.port, password)).toBe(true);
      expect(await passwordWorks(server.port, LEGACY_PASSWORD)).toBe(false);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      await server.stop();
    }
  });

  it("moves a cluster made with the old fixed password to the new one, once", async () => {
    const dir = path.join(base, "legacy", "postgres");
    const port = await freePort();
    const old = await startEmbeddedPostgres({ dir, port, database: "portal", password: LEGACY_PASSWORD });
    await old.stop();
    fs.chmodSync(dir, 0o777); // as earlier versions left it
    const password = randomBytes(16).toString("hex");
    const server = await startEmbeddedPostgres({ dir, port, database: "portal", password });
    try {
      expect(await passwordWorks(port, password)).toBe(true);
      expect(await passwordWorks(port, LEGACY_PASSWORD)).toBe(false);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      await server.stop();
    }
  });

  it("refuses a password the cluster does not know, saying what to do, and leaves no server running", async () => {
    const dir = path.join(base, "wrong", "postgres");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir, port, database: "portal", password: randomBytes(16).toString("hex") });
    await first.stop();
    await expect(startEmbeddedPostgres({ dir, port, database: "portal", password: "not-the-one" })).rejects.toThrow(
      /does not accept the password kept in the local secrets file .*delete .*postgres to start with a fresh database/,
    );
    // The port is free again: the refused start stopped its server.
    const again = await startEmbeddedPostgres({ dir: path.join(base, "wrong-2", "postgres"), port, database: "portal" });
    await again.stop();
  });
});

describe("local secrets", () => {
  it("makes each secret once, keeps the others, and is readable by its owner only", () => {
    const file = localSecretsFile(path.join(base, "secrets", "postgres"));
    expect(file).toBe(path.join(base, "secrets", "local-secrets.json"));
    const first = localSecrets(file, ["NEXTAUTH_SECRET", "IP_HASH_SALT"]);
    const second = localSecrets(file, ["EMBEDDED_PG_PASSWORD"]);
    expect(second.EMBEDDED_PG_PASSWORD).toMatch(/^[0-9a-f]{64}$/);
    expect(readLocalSecrets(file)).toEqual({ ...first, ...second });
    expect(localSecrets(file, ["EMBEDDED_PG_PASSWORD", "NEXTAUTH_SECRET"])).toEqual({ ...first, ...second });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
