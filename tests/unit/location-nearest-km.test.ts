// nearestKmOfKind prunes by latitude and reuses cosines: its answer must be exactly the
// minimum of distanceKm over the kind's points (the index's "within N km" column depends on it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceKm, LOGISTICS_KINDS, logisticsPoints, nearestKmOfKind } from "@/lib/location/distance";

describe("nearestKmOfKind", () => {
  it("equals the minimum of distanceKm over each kind's points, bit for bit, from any sequence of sites", () => {
    const nearest = nearestKmOfKind(logisticsPoints);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 108, max: 120, noNaN: true }), fc.double({ min: 18, max: 26, noNaN: true })), { minLength: 1, maxLength: 50 }), (sites) => {
        for (const [lng, lat] of sites)
          for (const kind of LOGISTICS_KINDS) {
            const all = logisticsPoints.filter((p) => p.kind === kind).map((p) => distanceKm({ lng, lat }, p));
            expect(Object.is(nearest(lng, lat, kind), all.length ? Math.min(...all) : Infinity)).toBe(true);
          }
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
