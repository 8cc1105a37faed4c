// The search URL's new parameters: strict parsing with our messages, and the round trip.
import { describe, expect, it } from "vitest";
import enFinder from "@/messages/investor/finder.en.json";
import zhFinder from "@/messages/investor/finder.zh.json";
import { parseArea, selfIntersects } from "@/lib/search/area";
import { FINDER_MESSAGES } from "@/lib/search/finder-messages";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { localizedFieldErrors } from "@/lib/validation/localized-errors";

const parse = (qs: string) => landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(qs)));
const errorsOf = (qs: string) => {
  const r = parse(qs);
  return r.success ? {} : fieldErrorsOf(r.error);
};
const SQUARE = "p:113.0,22.5;113.1,22.5;113.1,22.6;113.0,22.6";

describe("drawn area parameter", () => {
  it("reads a circle and a polygon in the map's format", () => {
    expect(parse("area=c:113.08,22.58,5").data?.area).toEqual({ kind: "circle", lng: 113.08, lat: 22.58, radiusKm: 5 });
    expect(parse(`area=${encodeURIComponent(SQUARE)}`).data?.area).toEqual({
      kind: "polygon",
      ring: [[113.0, 22.5], [113.1, 22.5], [113.1, 22.6], [113.0, 22.6]],
    });
  });

  it("refuses bad input with the reason", () => {
    const cases: [string, string][] = [
      ["c:113.08,22.58", "finder.areaFormat"],
      ["c:113.08,22.58,abc", "finder.areaFormat"],
      ["c:113.08,22.58,1e3", "finder.areaFormat"],
      ["x:1,2,3", "finder.areaFormat"],
      ["p:113,22;113.1", "finder.areaTooFewVertices"],
      ["p:113,22;113.1,22.1;113.2,22", "ok"],
      ["p:113,22;113.1;113.2,22", "finder.areaFormat"],
      ["c:113.08,22.58,0", "finder.areaRadius"],
      ["c:113.08,22.58,100.5", "finder.areaRadius"],
      ["c:113.08,22.58,100", "ok"],
      ["c:190,22.58,5", "finder.areaCoordinates"],
      ["p:113,22;113.1,95;113.2,22", "finder.areaCoordinates"],
      // a bow tie: the edges (0-1) and (2-3) cross
      ["p:113,22;113.1,22.1;113.1,22;113,22.1", "finder.areaSelfIntersecting"],
      // a repeated corner
      ["p:113,22;113.1,22;113.1,22;113,22.1", "finder.areaSelfIntersecting"],
    ];
    for (const [area, expected] of cases) {
      const e = errorsOf(`area=${encodeURIComponent(area)}`);
      expect(e.area ?? "ok", area).toBe(expected);
    }
    const many = Array.from({ length: 51 }, (_, i) => `${113 + Math.cos(i / 8.1) / 10},${22 + Math.sin(i / 8.1) / 10}`).join(";");
    expect(errorsOf(`area=p:${many}`)).toEqual({ area: "finder.areaVertices" });
    expect(errorsOf("area=c:113,22,5&area=c:113,22,6")).toEqual({ area: "repeated" });
  });

  it("finds self-intersections and accepts a concave outline", () => {
    expect(selfIntersects([[0, 0], [2, 0], [2, 2], [1, 1], [0, 2]])).toBe(false); // concave, fine
    expect(selfIntersects([[0, 0], [2, 2], [2, 0], [0, 2]])).toBe(true);
    expect(selfIntersects([[0, 0], [2, 0], [1, 0], [1, 1]])).toBe(true); // folds back along itself
    expect(parseArea("p:0,0;1,0;0,1")).toMatchObject({ ok: true });
  });
});

describe("price, units, capacities, near", () => {
  it("reads the price as people in China type it", () => {
    expect(parse("maxPrice=25%E4%B8%87").data?.maxPrice).toBe(250_000);
    expect(parse("maxPrice=250%2C000").data?.maxPrice).toBe(250_000);
    expect(parse("maxPrice=%C2%A5250000").data?.maxPrice).toBe(250_000);
    expect(errorsOf("maxPrice=25%E4%B8%875")).toEqual({ maxPrice: "finder.priceFormat" });
    expect(errorsOf("maxPrice=0")).toEqual({ maxPrice: "mustBePositive" });
    expect(errorsOf("maxPrice=11%E4%BA%BF")).toEqual({ maxPrice: "tooLarge:1000000000" });
  });

  it("accepts the four area units and refuses others", () => {
    for (const u of ["mu", "ha", "m2", "acre"]) expect(parse(`unit=${u}`).data?.unit).toBe(u);
    expect(errorsOf("unit=sqft")).toEqual({ unit: "notAChoice" });
  });

  it("capacities are positive plain numbers", () => {
    expect(parse("minPowerKva=10%2C000&minWaterT=500&minGasM3=2000&minWastewaterT=300").data).toMatchObject({ minPowerKva: 10_000, minWaterT: 500, minGasM3: 2000, minWastewaterT: 300 });
    expect(errorsOf("minPowerKva=-5&minWaterT=abc")).toEqual({ minPowerKva: "mustBePositive", minWaterT: "mustBeNumber" });
  });

  it("near needs both a kind and a distance", () => {
    expect(parse("near=port&nearKm=30").data).toMatchObject({ near: "port", nearKm: 30 });
    expect(errorsOf("near=port")).toEqual({ nearKm: "finder.nearKmMissing" });
    expect(errorsOf("nearKm=30")).toEqual({ near: "finder.nearKindMissing" });
    expect(errorsOf("near=harbour&nearKm=30")).toEqual({ near: "notAChoice" });
    expect(errorsOf("near=port&nearKm=201")).toEqual({ nearKm: "tooLarge:200" });
  });

  it("round-trips every new filter through toSearchParams", () => {
    const qs = `unit=acre&minArea=5&maxPrice=25%E4%B8%87&minPowerKva=10000&minWaterT=500&minGasM3=2000&minWastewaterT=300&near=expressway&nearKm=12.5&area=${encodeURIComponent(SQUARE)}`;
    const q = parse(qs).data!;
    const again = parse(toSearchParams(q).toString()).data!;
    expect(again).toEqual(q);
    expect(toSearchParams(q).get("maxPrice")).toBe("250000");
    expect(toSearchParams(q).get("area")).toBe("p:113,22.5;113.1,22.5;113.1,22.6;113,22.6");
    // A coordinate near 0 is written out, not as 1e-7 (which the strict parser refuses).
    const tiny = parse("area=c:0.0000001,0,1").data!;
    expect(parse(toSearchParams(tiny).toString()).data).toEqual(tiny);
    const circle = parse("area=c:113.08,22.58,0.5").data!;
    expect(toSearchParams(circle).toString()).toBe("area=c%3A113.08%2C22.58%2C0.5");
  });
});

describe("messages in both languages", () => {
  it("every finder error has a Chinese and an English text, and the API answers with them", () => {
    for (const k of FINDER_MESSAGES) {
      expect(enFinder.errors[k], k).toBeTruthy();
      expect(zhFinder.errors[k], k).toBeTruthy();
    }
    expect(localizedFieldErrors({ area: "finder.areaRadius" }, "en")).toEqual({ area: enFinder.errors.areaRadius });
    expect(localizedFieldErrors({ area: "finder.areaRadius" }, "zh")).toEqual({ area: zhFinder.errors.areaRadius });
    expect(localizedFieldErrors({ maxPrice: "tooLarge:1000000000" }, "en")).toEqual({ maxPrice: "Enter a number of at most 1,000,000,000." });
  });

  it("the two languages have the same keys", () => {
    const keys = (o: object, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(zhFinder).sort()).toEqual(keys(enFinder).sort());
  });
});

describe("area figures in the chosen unit", () => {
  it("shows m² and acres with mu beside them, mu/ha as before", async () => {
    const { formatAreaIn } = await import("@/lib/search/area-display");
    expect(formatAreaIn("en", 40_468.564224, "acre")).toBe("10 acres (61 mu)");
    expect(formatAreaIn("zh", 40_468.564224, "acre")).toBe("10英亩（61亩）");
    expect(formatAreaIn("en", 20_000, "m2")).toBe("20,000 m² (30 mu)");
    expect(formatAreaIn("zh", 20_000, "m2")).toBe("20,000平方米（30亩）");
    expect(formatAreaIn("en", 20_000, "ha")).toBe("2 ha (30 mu)");
  });
});
