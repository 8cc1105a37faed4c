import { describe, expect, it } from "vitest";
import { filterParks, parkFilterSchema } from "@/lib/parks/directory-filter";
import type { ParkCardDto } from "@/lib/parks/queries";

const park = (code: string, over: Partial<ParkCardDto>): ParkCardDto => ({
  code,
  nameZh: code,
  nameEn: code,
  county: "XINHUI",
  clusterGroup: null,
  level: "SPECIALTY",
  plannedAreaKm2: null,
  industries: [],
  parentCode: null,
  available: { parcels: 0, areaM2: 0 },
  totalParcels: 0,
  ...over,
});

const parks = [
  park("a", { industries: ["NEW_ENERGY_BATTERY"], available: { parcels: 3, areaM2: 1 } }),
  park("b", { county: "HESHAN", level: "COOPERATION_ZONE" }),
  park("c", { county: null, level: "CLUSTER", industries: ["NEW_ENERGY_BATTERY", "SILICON_ENERGY"] }),
];
const codes = (f: Record<string, string>) => filterParks(parks, parkFilterSchema.parse(f)).map((p) => p.code);

describe("park directory filter", () => {
  it("an empty URL lists every park", () => expect(codes({})).toEqual(["a", "b", "c"]));
  it("filters by county, level, industry and land on offer", () => {
    expect(codes({ county: "HESHAN" })).toEqual(["b"]);
    expect(codes({ level: "CLUSTER" })).toEqual(["c"]);
    expect(codes({ industry: "NEW_ENERGY_BATTERY" })).toEqual(["a", "c"]);
    expect(codes({ industry: "NEW_ENERGY_BATTERY", land: "1" })).toEqual(["a"]);
  });
  it("rejects values that are not in the lists", () => {
    expect(parkFilterSchema.safeParse({ county: "SHENZHEN" }).success).toBe(false);
  });
});
