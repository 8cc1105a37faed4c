// The in-memory land index follows writes made by any app instance: two Prisma clients play
// two instances. Every change is undone at the end so the seeded dataset stays as loaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { codeOf } from "@/lib/search/land-index";
import { pruneLandChanges } from "@/lib/search/index-refresh";
import { findLandBlock, lastRefreshKind, runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";

let reader: Db;
let writer: Db;
const q = landSearchSchema.parse({ minArea: "500" });

beforeAll(() => {
  reader = seededDb();
  writer = seededDb();
});
afterAll(async () => {
  await Promise.all([reader.$disconnect(), writer.$disconnect()]);
});

describe("land index cache", () => {
  it("patches a status change made elsewhere into the index, without a rebuild", async () => {
    const before = await runLandSearch(reader, q);
    await runLandSearch(reader, q);
    expect(lastRefreshKind(reader)).toBe("hit");
    const block = before.result.results[0]!;
    const victim = block.parcelCodes[Math.floor(block.parcelCodes.length / 2)]!;
    try {
      await writer.parcel.update({ where: { code: victim }, data: { status: "SOLD", version: { increment: 1 } } });
      const after = await runLandSearch(reader, landSearchSchema.parse({}));
      expect(lastRefreshKind(reader)).toBe("patched");
      expect(after.result.total).toBeGreaterThan(0);
      expect(await findLandBlock(reader, q, victim)).toBeNull();
      expect(after.index.status[after.index.codes.indexOf(victim)]).toBe(codeOf.status("SOLD"));
    } finally {
      await writer.parcel.update({ where: { code: victim }, data: { status: "AVAILABLE" } });
    }
    const restored = await findLandBlock(reader, q, victim);
    expect(lastRefreshKind(reader)).toBe("patched");
    expect(restored?.parcelCodes.sort()).toEqual([...block.parcelCodes].sort());
  });

  it("patches a parcel's new shape from the change log; reloads only when the log was pruned past the cached revision", async () => {
    await runLandSearch(reader, q);
    const parcel = await writer.parcel.findFirstOrThrow({ select: { code: true, minLng: true }, orderBy: { code: "asc" } });
    try {
      await writer.parcel.update({ where: { code: parcel.code }, data: { minLng: parcel.minLng - 0.0001 } });
      const { index } = await runLandSearch(reader, q);
      expect(lastRefreshKind(reader)).toBe("patched");
      expect(index.bbox[index.positionOf(parcel.code) * 4]).toBeCloseTo(parcel.minLng - 0.0001, 9);
      // The log no longer covers what this reader has not seen: it cannot patch.
      await writer.parcel.update({ where: { code: parcel.code }, data: { minLng: parcel.minLng } });
      await pruneLandChanges(writer, new Date(Date.now() + 60_000));
      await runLandSearch(reader, q);
      expect(lastRefreshKind(reader)).toBe("reloaded");
    } finally {
      await writer.parcel.update({ where: { code: parcel.code }, data: { minLng: parcel.minLng } });
    }
    const { index } = await runLandSearch(reader, q);
    expect(lastRefreshKind(reader)).toBe("patched");
    expect(index.bbox[index.positionOf(parcel.code) * 4]).toBe(parcel.minLng);
  });
});
