// As root, the embedded server runs as `postgres`, which must pass through every folder above
// its binaries and data: a clone under `mktemp -d` (mode 0700) is closed to it. The cluster's
// own folder, on the other hand, is open to that one user only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { foldersClosedToOthers, secureClusterFolder } from "@/lib/db/embedded";

let made: string | undefined;
afterEach(() => {
  if (made) fs.rmSync(made, { recursive: true, force: true });
});

describe("foldersClosedToOthers", () => {
  it("finds the private folder above a clone, and nothing once it is open", () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), "jm-perm-"));
    fs.chmodSync(made, 0o700);
    const inner = path.join(made, "fresh", ".data", "postgres");
    fs.mkdirSync(inner, { recursive: true, mode: 0o755 });
    fs.chmodSync(inner, 0o777);
    expect(foldersClosedToOthers(inner)).toContain(made);
    fs.chmodSync(made, 0o701);
    expect(foldersClosedToOthers(inner)).not.toContain(made);
  });
});

describe("secureClusterFolder", () => {
  const isRoot = process.getuid?.() === 0;

  it("closes the cluster's folder to everyone but the user who runs the server (mode 0700)", () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), "jm-perm-"));
    const root = path.join(made, "postgres");
    fs.mkdirSync(root);
    fs.chmodSync(root, 0o777); // what earlier versions left behind
    secureClusterFolder(root, false);
    const st = fs.statSync(root);
    expect(st.mode & 0o777).toBe(0o700);
    expect(st.uid).toBe(process.getuid?.());
  });

  it.skipIf(!isRoot)("as root, hands the folder to the postgres user the server runs as", () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), "jm-perm-"));
    const root = path.join(made, "postgres");
    fs.mkdirSync(root, { mode: 0o777 });
    secureClusterFolder(root, true);
    const st = fs.statSync(root);
    expect(st.mode & 0o777).toBe(0o700);
    expect(st.uid).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()));
    expect(st.gid).toBe(Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()));
  });
});
