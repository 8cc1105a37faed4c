// The import's per-feature checks, one fixture feature per problem, asserting the exact problem
// (code, parameters and the English text people read), and the plan's create/update/unchanged.
import { describe, expect, it } from "vitest";
import type { ExistingParcel, CheckContext } from "../../lib/cadastre/checks";
import { checkFeatures } from "../../lib/cadastre/checks";
import { fromWgs84, type CrsCode } from "../../lib/cadastre/crs";
import { parseUpload } from "../../lib/cadastre/parse";
import { buildReport, planFeatures } from "../../lib/cadastre/plan";
import { problemText } from "../../lib/cadastre/problems";
import type { PolygonGeometry } from "../../lib/land/geometry";
import { polygonM, rect } from "./fixtures/land-grid";

const good = { landUse: "INDUSTRIAL_M1", status: "AVAILABLE", zone: "Z1" };
const feature = (properties: Record<string, unknown>, geometry: unknown = rect(0, 0, 100, 100)) => ({ type: "Feature", properties, geometry });
const fc = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

const existing = (code: string, geometry: PolygonGeometry, status: ExistingParcel["values"]["status"] = "AVAILABLE"): ExistingParcel => ({
  id: `id-${code}`,
  code,
  version: 3,
  geometry,
  values: {
    zoneCode: "Z1", landUse: "INDUSTRIAL_M1", status, statusReason: null, priceCnyPerMu: 200000, plotRatioMin: 1, plotRatioMax: 2,
    handoverOn: null, lastVerifiedOn: "2026-11-01", roadReadyOn: null, waterReadyOn: null, drainageReadyOn: null, powerReadyOn: null,
    telecomReadyOn: null, gasReadyOn: null, heatingReadyOn: null, cableReadyOn: null, sewageReadyOn: null, levelledOn: null,
    powerKva: null, powerVoltageKv: null, gasM3PerDay: null, waterTPerDay: null, wastewaterTPerDay: null,
  },
});

function ctx(over: Partial<CheckContext> = {}): CheckContext {
  return {
    zones: new Map([["Z1", { allowedLandUses: ["INDUSTRIAL_M1", "INDUSTRIAL_M2"] }]]),
    existing: new Map(),
    otherParks: new Map(),
    neighbours: [],
    boundary: rect(-1000, -1000, 3000, 3000),
    mayOverride: false,
    ...over,
  };
}

async function problemsOf(text: string, c = ctx(), crs: CrsCode = "EPSG:4326") {
  const parsed = parseUpload(text, crs);
  const checked = await checkFeatures(parsed.features, c);
  return { file: parsed.fileProblems.map((p) => problemText(p, "en")), features: checked.map((f) => f.problems.map((p) => problemText(p, "en"))), checked, parsed };
}

describe("per-feature problems", () => {
  it("a clean feature has none", async () => {
    expect((await problemsOf(fc(feature({ code: "A-1", ...good })))).features).toEqual([[]]);
  });

  it.each([
    ["not a Polygon", feature({ code: "A-1", ...good }, { type: "LineString", coordinates: [[113, 22.5], [113.1, 22.5]] }), "Geometry is a LineString; it must be a Polygon (one polygon per parcel)"],
    ["unclosed ring", feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [[[113.08, 22.58], [113.081, 22.58], [113.081, 22.581], [113.08, 22.581]]] }), "The exterior ring is not closed: its first and last positions differ"],
    ["too few positions", feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [[[113.08, 22.58], [113.081, 22.58], [113.08, 22.58]]] }), "The exterior ring has 3 positions; a closed ring needs at least 4"],
    ["swapped lat/lng", feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [rect(0, 0, 100, 100).coordinates[0]!.map(([x, y]) => [y, x])] }), "Coordinates (e.g. 22.58, 113.08) look like latitude and longitude swapped: GeoJSON puts longitude first"],
    ["outside Jiangmen", feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [[[116, 23], [116.01, 23], [116.01, 23.01], [116, 23]]] }), "Converted coordinates (e.g. 116, 23) fall outside Jiangmen (111.9–113.4°E, 21.4–22.9°N)"],
    ["metres declared as degrees", feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [rect(0, 0, 100, 100).coordinates[0]!.map((p) => fromWgs84("EPSG:4547")(p).map((v) => Math.round(v)))] }), "Coordinates (e.g. 405387, 2498318) look like projected metres but EPSG:4326 (degrees) was declared: choose the survey's coordinate system, e.g. EPSG:4547"],
    ["self-intersecting", feature({ code: "A-1", ...good }, polygonM([[0, 0], [100, 100], [100, 0], [0, 100]])), "The polygon intersects itself (1 crossing(s), e.g. at 113.080486, 22.580452)"],
    ["missing code", feature({ ...good }), "The parcel code (code) is missing"],
    ["invalid code", feature({ ...good, code: "A 1;" }), "Parcel code A 1; is not valid: at most 40 letters, digits or - _ . /"],
    ["missing landUse on a new parcel", feature({ code: "A-1", status: "AVAILABLE" }), "The new parcel lacks the required field landUse"],
    ["invalid status", feature({ ...good, code: "A-1", status: "GONE" }), "Field status has the invalid value GONE; allowed: AVAILABLE, RESERVED, UNDER_NEGOTIATION, SOLD, LEASED, NOT_OFFERED"],
    ["invalid date", feature({ ...good, code: "A-1", powerReadyOn: "2026-02-30" }), "Field powerReadyOn value 2026-02-30 is not a date (YYYY-MM-DD)"],
    ["invalid price", feature({ ...good, code: "A-1", priceCnyPerMu: "12.5" }), "Price 12.5 is not valid: a whole number of CNY per mu from 0 to 100000000"],
    ["invalid plot ratio", feature({ ...good, code: "A-1", plotRatioMax: 25 }), "Field plotRatioMax value 25 is not valid: plot ratios run from 0 to 20"],
    ["plot ratios reversed", feature({ ...good, code: "A-1", plotRatioMin: 3, plotRatioMax: 2 }), "Plot ratio minimum 3 is above the maximum 2"],
    ["zone of another park", feature({ ...good, code: "A-1", zone: "OTHER" }), "Zone code OTHER is not a zone of this park"],
    ["land use the zone forbids", feature({ ...good, code: "A-1", landUse: "LOGISTICS_W" }), "Zone Z1 does not allow land use LOGISTICS_W"],
  ])("%s", async (_name, f, expected) => {
    expect((await problemsOf(fc(f))).features[0]).toEqual([expected]);
  });

  it("degrees declared as Gauss-Kruger metres", async () => {
    const r = await problemsOf(fc(feature({ code: "A-1", ...good })), ctx(), "EPSG:4547");
    expect(r.features[0]).toEqual(["Coordinates (e.g. 113.08, 22.58) look like degrees but the projected system EPSG:4547 (metres) was declared"]);
  });

  it("names a duplicate code and a code of another park", async () => {
    const r = await problemsOf(fc(feature({ code: "A-1", ...good }), feature({ code: "A-1", ...good }, rect(200, 0, 100, 100)), feature({ code: "B-9", ...good }, rect(400, 0, 100, 100))), ctx({ otherParks: new Map([["B-9", "other-park"]]) }));
    // Both copies are told, each naming the other.
    expect(r.features).toEqual([["Parcel code A-1 appears twice in the file (feature 2 has it too)"], ["Parcel code A-1 appears twice in the file (feature 1 has it too)"], ["Parcel code B-9 already belongs to another park (other-park)"]]);
  });

  it("names every problem of a feature at once: a repeated code, a wrong field, an overlap and land outside the park", async () => {
    const r = await problemsOf(fc(feature({ code: "A-1", ...good }), feature({ code: "A-1", ...good, landUse: "CASINO" }, rect(1950, 0, 100, 100))), ctx({ neighbours: [{ code: "OLD-1", geometry: rect(1960, 0, 100, 100) }] }));
    expect(r.features[1]).toEqual([
      "Parcel code A-1 appears twice in the file (feature 1 has it too)",
      "Field landUse has the invalid value CASINO; allowed: INDUSTRIAL_M1, INDUSTRIAL_M2, INDUSTRIAL_M3, NEW_INDUSTRIAL_M0, LOGISTICS_W, SUPPORT_SERVICES",
      "Overlaps existing parcel OLD-1 by about 9023 m², beyond the survey tolerance",
      "About 5013 m² lie outside the park's boundary, beyond the survey tolerance",
    ]);
  });

  // Areas are turf's (a sphere of the Earth's mean radius, as polygonAreaM2): 0.3% above the
  // fixture's local-plane metres at 22.6°N, so a 10 m x 100 m overlap measures 1003 m².
  it("names an overlap with a stored parcel beyond the tolerance, and not a 0.3 m one", async () => {
    const c = ctx({ neighbours: [{ code: "OLD-1", geometry: rect(90, 0, 100, 100) }, { code: "OLD-2", geometry: rect(-99.7, 0, 100, 100) }] });
    const r = await problemsOf(fc(feature({ code: "A-1", ...good })), c);
    expect(r.features[0]).toEqual(["Overlaps existing parcel OLD-1 by about 1003 m², beyond the survey tolerance"]);
  });

  it("does not count an overlap with a parcel this file redraws, but names overlaps inside the file", async () => {
    const c = ctx({ neighbours: [{ code: "A-2", geometry: rect(50, 0, 100, 100) }] });
    const r = await problemsOf(fc(feature({ code: "A-1", ...good }), feature({ code: "A-2", ...good }, rect(100, 0, 100, 100)), feature({ code: "A-3", ...good }, rect(150, 0, 100, 100))), c);
    expect(r.features).toEqual([[], ["Overlaps parcel A-3 of this file by about 5013 m², beyond the survey tolerance"], ["Overlaps parcel A-2 of this file by about 5013 m², beyond the survey tolerance"]]);
  });

  it("names land outside the park's boundary", async () => {
    const r = await problemsOf(fc(feature({ code: "A-1", ...good }, rect(1950, 0, 100, 100))), ctx());
    expect(r.features[0]).toEqual(["About 5013 m² lie outside the park's boundary, beyond the survey tolerance"]);
  });

  it("applies the status rules: sold -> available needs the override and a reason", async () => {
    const e = new Map([["A-1", existing("A-1", rect(0, 0, 100, 100), "SOLD")]]);
    const f = fc(feature({ code: "A-1", status: "AVAILABLE" }));
    expect((await problemsOf(f, ctx({ existing: e }))).features[0]).toEqual(["Moving the status from SOLD to AVAILABLE needs the override permission"]);
    expect((await problemsOf(f, ctx({ existing: e, mayOverride: true }))).features[0]).toEqual(["Moving the status from SOLD to AVAILABLE needs a reason in the statusReason column"]);
    expect((await problemsOf(fc(feature({ code: "A-1", status: "AVAILABLE", statusReason: "contract annulled 2026-12" })), ctx({ existing: e, mayOverride: true }))).features[0]).toEqual([]);
  });

  it("refuses a status change of a parcel a lead holds, naming the lead; other fields of it still import", async () => {
    const e = new Map([["A-1", existing("A-1", rect(0, 0, 100, 100), "UNDER_NEGOTIATION")]]);
    const held = new Map([["A-1", "JM-2026-000123"]]);
    expect((await problemsOf(fc(feature({ code: "A-1", status: "AVAILABLE" })), ctx({ existing: e, held, mayOverride: true }))).features[0]).toEqual([
      "The parcel is held for lead JM-2026-000123: change its status (UNDER_NEGOTIATION → AVAILABLE) from that lead's page, not by import",
    ]);
    expect((await problemsOf(fc(feature({ code: "A-1", status: "UNDER_NEGOTIATION", priceCnyPerMu: 300000 })), ctx({ existing: e, held }))).features[0]).toEqual([]);
  });

  it("refuses a parcel of more than 1,000 positions (the checks cost their square), and a file of more than 300,000", async () => {
    const ring = rect(0, 0, 100, 100).coordinates[0]!;
    // 1,001 positions along the square's edges: the shape is fine, the count is not.
    const [a, b] = [ring[0]!, ring[1]!];
    const dense = [...Array.from({ length: 999 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / 999, a[1] + ((b[1] - a[1]) * i) / 999]), ...ring.slice(1)];
    expect(dense).toHaveLength(1_003);
    const one = await problemsOf(fc(feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [dense] })));
    expect(one.features[0]).toEqual(["The parcel has 1003 positions, more than the 1000 allowed: simplify its boundary (e.g. QGIS Simplify at 0.1 m)"]);
    const many = Array.from({ length: 301 }, (_, i) => feature({ code: `B-${i}`, ...good }, { type: "Polygon", coordinates: [dense.slice(0, 1_000)] }));
    const file = await problemsOf(fc(...many));
    expect(file.file).toEqual(["The file has 301000 positions in all, more than the 300000 allowed: split it or simplify the boundaries"]);
    expect(file.features).toEqual([]);
  });

  it("says every problem in Chinese too", async () => {
    const r = await problemsOf(fc(feature({ ...good, code: "A-1", zone: "OTHER" })));
    expect(problemText(r.checked[0]!.problems[0]!, "zh")).toBe("片区编号 OTHER 不属于该园区");
  });

  it("refuses a file that is not a FeatureCollection, and a contradicting crs member", async () => {
    expect((await problemsOf("{]")).file[0]).toMatch(/^The file is not valid JSON: /);
    expect((await problemsOf(JSON.stringify({ type: "Feature" }))).file).toEqual(["The file is not a GeoJSON FeatureCollection (top-level type is Feature)"]);
    const withCrs = JSON.stringify({ type: "FeatureCollection", crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4547" } }, features: [feature({ code: "A-1", ...good })] });
    expect((await problemsOf(withCrs)).file).toEqual(["The file declares coordinate system EPSG:4547 but EPSG:4326 was chosen on upload: check and choose again"]);
  });

  it("takes attributes from a CSV by code and names CSV rows without a feature", async () => {
    const parsed = parseUpload(fc(feature({ code: "A-1" })), "EPSG:4326", "\uFEFFcode,landUse,status,zone\nA-1,industrial_m2,AVAILABLE,Z1\nA-9,INDUSTRIAL_M1,SOLD,Z1\n");
    expect(parsed.features[0]!.properties).toEqual({ code: "A-1", landUse: "industrial_m2", status: "AVAILABLE", zone: "Z1" });
    expect(parsed.fileProblems.map((p) => problemText(p, "en"))).toEqual(["Attribute CSV row 3: parcel code A-9 has no feature in the GeoJSON"]);
    expect((await checkFeatures(parsed.features, ctx()))[0]!.values.landUse).toBe("INDUSTRIAL_M2");
  });

  it("converts a Gauss-Kruger survey to the same WGS84 ring within 0.1 m (1e-6°)", async () => {
    const ring = rect(0, 0, 100, 100).coordinates[0]!;
    const projected = fc(feature({ code: "A-1", ...good }, { type: "Polygon", coordinates: [ring.map((p) => fromWgs84("EPSG:4526")(p))] }));
    const r = await problemsOf(projected, ctx(), "EPSG:4526");
    expect(r.features[0]).toEqual([]);
    r.parsed.features[0]!.geometry!.coordinates[0]!.forEach(([lng, lat], i) => {
      expect(Math.abs(lng - ring[i]![0])).toBeLessThan(1e-6);
      expect(Math.abs(lat - ring[i]![1])).toBeLessThan(1e-6);
    });
  });
});

describe("plan", () => {
  it("creates new codes, updates changed ones, leaves identical ones alone", async () => {
    const e = new Map([["A-1", existing("A-1", rect(0, 0, 100, 100))], ["A-2", existing("A-2", rect(100, 0, 100, 100))], ["A-3", existing("A-3", rect(200, 0, 100, 100))]]);
    const text = fc(
      feature({ code: "A-1", priceCnyPerMu: 200000 }),
      feature({ code: "A-2", priceCnyPerMu: 210000 }, rect(100, 0, 100, 100)),
      feature({ code: "A-3" }, rect(200, 0, 100, 90)),
      feature({ code: "A-4", ...good }, rect(300, 0, 100, 100)),
    );
    const parsed = parseUpload(text, "EPSG:4326");
    const checked = await checkFeatures(parsed.features, ctx({ existing: e }));
    const planned = planFeatures(checked, e);
    expect(planned.map((p) => [p.code, p.action, p.geometryChanged, p.changed])).toEqual([
      ["A-1", "unchanged", false, []],
      ["A-2", "update", false, ["priceCnyPerMu"]],
      ["A-3", "update", true, []],
      ["A-4", "create", true, ["zoneCode", "landUse", "status"]],
    ]);
    const report = buildReport(checked, planned, parsed.fileProblems);
    expect(report.summary).toEqual({ features: 4, create: 1, update: 2, unchanged: 1, withProblems: 0, fileProblems: 0 });
    expect(report.clean).toBe(true);
    expect(report.rows.map((r) => [r.code, r.action, r.changed])).toEqual([["A-2", "update", ["priceCnyPerMu"]], ["A-3", "update", ["geometry"]], ["A-4", "create", []]]);
  });
});

describe("import adjacency", () => {
  it("the indexed path for large imports finds exactly computeAdjacencyFor's edges", async () => {
    const { adjacencyOf, INDEXED_ADJACENCY_FROM } = await import("../../lib/cadastre/commit");
    const { computeAdjacencyFor } = await import("../../lib/land/adjacency");
    // A 20 x 15 grid of 50 m squares with a 0.3 m gap every 4th column (still adjacent) and a
    // 2 m road every 7th row (not): 300 changed parcels beside 40 stored ones.
    const shapes = [];
    for (let r = 0; r < 17; r++) {
      for (let c = 0; c < 20; c++) shapes.push({ id: `p${String(r).padStart(2, "0")}-${String(c).padStart(2, "0")}`, geometry: rect(c * 50 + Math.floor(c / 4) * 0.3, r * 50 + Math.floor(r / 7) * 2, 50, 50) });
    }
    const changed = shapes.slice(0, 300), near = shapes.slice(260);
    expect(changed.length).toBeGreaterThanOrEqual(INDEXED_ADJACENCY_FROM);
    const indexed = adjacencyOf(changed, near);
    expect(indexed).toEqual(computeAdjacencyFor(changed, near));
    // 17 rows: 19 horizontal pairs each (323), 16 row boundaries less the 2 roads (14 x 20 = 280),
    // less the 58 pairs among rows 15-16 only (stored parcels, no changed one): 545.
    expect(indexed).toHaveLength(323 + 280 - 58);
  });
});
