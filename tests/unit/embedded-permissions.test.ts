// As root, the embedded server runs as `postgres`, which must pass through every folder above
// its binaries and data: a clone under `mktemp -d` (mode 0700) is closed to it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { foldersClosedToOthers } from "@/lib/db/embedded";

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
