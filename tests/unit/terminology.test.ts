// One name per thing across every Chinese message file: a contiguous block is 连片地块 on the
// search, block, inquiry, alert and staff pages alike (an older draft said 地块组 in places,
// so an investor met two words for one thing).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function zhFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? zhFiles(p) : e.name.endsWith("zh.json") ? [p] : [];
  });
}

describe("Chinese terminology", () => {
  const files = zhFiles("messages");
  it("reads every Chinese message file", () => {
    expect(files).toContain(path.join("messages", "zh.json"));
    expect(files).toContain(path.join("messages", "investor", "finder.zh.json"));
    expect(files).toContain(path.join("messages", "staff", "lead.zh.json"));
  });
  it.each(files)("%s names a block 连片地块, never 地块组", (file) => {
    const lines = fs.readFileSync(file, "utf8").split("\n").map((l, i) => [i + 1, l] as const).filter(([, l]) => l.includes("地块组"));
    expect(lines).toEqual([]);
  });
});
