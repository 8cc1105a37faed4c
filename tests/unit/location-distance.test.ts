import { describe, expect, it } from "vitest";
import { distanceKm, driveEstimate, nearestByKind, nearestOfKind, logisticsPoints, LOGISTICS_KINDS } from "@/lib/location/distance";

describe("distanceKm", () => {
  it("is 0 for the same point and symmetric", () => {
    const a = { lng: 113.08, lat: 22.58 };
    expect(distanceKm(a, a)).toBe(0);
    const b = { lng: 113.3, lat: 23.39 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 12);
  });

  it("gives 111.2 km for one degree of latitude and cos(lat) of that for a degree of longitude", () => {
    expect(distanceKm({ lng: 113, lat: 22 }, { lng: 113, lat: 23 })).toBeCloseTo(111.195, 2);
    expect(distanceKm({ lng: 113, lat: 0 }, { lng: 114, lat: 0 })).toBeCloseTo(111.195, 2);
    // Along a parallel the great circle is slightly shorter than cos(lat) × 111.195.
    expect(distanceKm({ lng: 113, lat: 60 }, { lng: 114, lat: 60 })).toBeCloseTo(55.597, 1);
  });
});

describe("driveEstimate", () => {
  it("adds circuity, access time and rounds up to 5 minutes", () => {
    // 35 km straight -> 45.5 km road -> 10 + 39 = 49 min -> 50
    expect(driveEstimate(35)).toEqual({ straightKm: 35, roadKm: 45.5, minutes: 50 });
    // 0 km: just the access time
    expect(driveEstimate(0).minutes).toBe(10);
    // exactly on a 5-minute step stays there: 70/1.3 km -> 70 km road -> 10 + 60 = 70
    expect(driveEstimate(70 / 1.3).minutes).toBe(70);
  });
});

describe("nearest", () => {
  it("finds the Gaosha terminal as Jiangmen station's nearest port", () => {
    const n = nearestOfKind({ lng: 113.125, lat: 22.578 }, "port")!;
    expect(n.point.id).toBe("port-gaosha");
    // 0.012° of latitude (1.334 km) and 0.007° of longitude at 22.57° N (0.719 km)
    expect(n.straightKm).toBeCloseTo(1.516, 2);
  });

  it("returns one point per kind, in kind order, and null for a kind with no point", () => {
    const all = nearestByKind({ lng: 112.8, lat: 22.25 });
    expect(all.map((n) => n.point.kind)).toEqual([...LOGISTICS_KINDS]);
    expect(nearestOfKind({ lng: 0, lat: 0 }, "port", [])).toBeNull();
  });

  it("has unique ids and every kind present", () => {
    expect(new Set(logisticsPoints.map((p) => p.id)).size).toBe(logisticsPoints.length);
    for (const k of LOGISTICS_KINDS) expect(logisticsPoints.some((p) => p.kind === k)).toBe(true);
  });
});
