// `npm run db:diff` computes the next migration from the schema snapshot kept beside the latest
// one: that snapshot must be exactly prisma/schema.prisma, or the next diff would redo (or miss)
// changes. Data-only migrations (the working-day calendar) copy the snapshot unchanged.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";

describe("migration snapshots", () => {
  it("the latest migration's schema.prisma is prisma/schema.prisma", () => {
    const latest = readMigrations().at(-1)!;
    expect(fs.readFileSync(`prisma/migrations/${latest.name}/schema.prisma`, "utf8")).toBe(fs.readFileSync("prisma/schema.prisma", "utf8"));
  });
});
