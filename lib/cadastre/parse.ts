// Reading an upload: the GeoJSON text (and an optional attribute CSV) into one record per
// feature, with the geometry converted to WGS84 from the declared coordinate system. Shape
// problems that make a geometry unusable are found here, before conversion: a ring in metres
// declared as degrees would otherwise "convert" to nonsense and hide the real mistake.
import Papa from "papaparse";
import type { PolygonGeometry, Ring } from "../land/geometry";
import { isProjected, normaliseCrs, toWgs84, type CrsCode } from "./crs";
import { ringNames, type Problem } from "./problems";

export const MAX_FEATURES = 20_000;
/**
 * Positions per parcel and per file. The polygon checks (kinks, validity, overlaps) cost the
 * square of a parcel's vertices and run on the server's one thread: 1,000 (a finely surveyed
 * curved boundary has a few hundred) keeps a worst-case file to seconds; the 10,000-parcel
 * benchmark file has 50,000 positions.
 */
export const MAX_POSITIONS_PER_FEATURE = 1_000;
export const MAX_POSITIONS_PER_FILE = 300_000;

export interface ParsedFeature {
  /** 1-based position in the file, as a GIS tool's attribute table counts */
  index: number;
  code: string | null;
  /** properties merged with the CSV row of the same code (CSV wins) */
  properties: Record<string, unknown>;
  /** converted to WGS84; null when the geometry cannot be used */
  geometry: PolygonGeometry | null;
  problems: Problem[];
}

export interface ParsedUpload {
  features: ParsedFeature[];
  fileProblems: Problem[];
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const round = (v: number) => Math.round(v * 1000) / 1000;

// Jiangmen's extent, used to tell degrees from metres and swapped axes.
export const JIANGMEN_BBOX = { minLng: 111.9, maxLng: 113.4, minLat: 21.4, maxLat: 22.9 } as const;
const inJiangmen = (lng: number, lat: number) =>
  lng >= JIANGMEN_BBOX.minLng && lng <= JIANGMEN_BBOX.maxLng && lat >= JIANGMEN_BBOX.minLat && lat <= JIANGMEN_BBOX.maxLat;

/** Structure of the rings as written (before conversion); null geometry when unusable. */
/** Positions in a Polygon's or MultiPolygon's coordinates (0 for anything else), without recursion limits to worry about: at most three levels are walked. */
function positionCount(coords: unknown): number {
  if (!Array.isArray(coords)) return 0;
  let n = 0;
  for (const a of coords) {
    if (!Array.isArray(a)) continue;
    for (const b of a) {
      if (!Array.isArray(b)) continue;
      // Polygon: b is a position; MultiPolygon: b is a ring of positions.
      n += Array.isArray(b[0]) ? b.length : 1;
    }
  }
  return n;
}

function readRings(geometry: unknown, problems: Problem[]): number[][][] | null {
  if (geometry === null || geometry === undefined) {
    problems.push({ code: "noGeometry" });
    return null;
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let coords = g.coordinates;
  // A MultiPolygon of one part is how many GIS tools save every polygon: take the part.
  if (g.type === "MultiPolygon" && Array.isArray(coords) && coords.length === 1) coords = coords[0];
  else if (g.type !== "Polygon") {
    problems.push({ code: "notPolygon", params: { type: String(g.type ?? "?") } });
    return null;
  }
  if (!Array.isArray(coords) || coords.length === 0) {
    problems.push({ code: "noRings" });
    return null;
  }
  // The validity checks compare edges pairwise: a parcel of tens of thousands of vertices would
  // hold the server for minutes. No surveyed parcel needs more than this.
  const positions = (coords as unknown[]).reduce<number>((n, ring) => n + (Array.isArray(ring) ? ring.length : 0), 0);
  if (positions > MAX_POSITIONS_PER_FEATURE) {
    problems.push({ code: "tooManyPositions", params: { count: positions, max: MAX_POSITIONS_PER_FEATURE } });
    return null;
  }
  let usable = true;
  (coords as unknown[]).forEach((ring, r) => {
    const names = ringNames(r);
    if (!Array.isArray(ring)) {
      problems.push({ code: "tooFewPositions", params: { ...names, count: 0 } });
      usable = false;
      return;
    }
    const bad = ring.findIndex((p: unknown) => !Array.isArray(p) || p.length < 2 || !isNum(p[0]) || !isNum(p[1]));
    if (bad >= 0) {
      problems.push({ code: "badPosition", params: { ...names, index: bad + 1 } });
      usable = false;
      return;
    }
    if (ring.length < 4) {
      problems.push({ code: "tooFewPositions", params: { ...names, count: ring.length } });
      usable = false;
    }
    const first = ring[0] as number[], last = ring[ring.length - 1] as number[];
    if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
      problems.push({ code: "unclosedRing", params: names });
      usable = false;
    }
  });
  return usable ? (coords as number[][][]) : null;
}

/** Metres declared as degrees, degrees declared as metres, swapped axes: one problem each. */
function unitProblem(rings: number[][][], crs: CrsCode): Problem | null {
  const [x, y] = rings[0]![0]!;
  const sample = { x: round(x!), y: round(y!), crs };
  const degreesLike = rings.every((ring) => ring.every(([a, b]) => Math.abs(a!) <= 180 && Math.abs(b!) <= 180));
  if (isProjected(crs)) return degreesLike ? { code: "looksGeographic", params: sample } : null;
  // (22.6, 113.1) is latitude first: asked before "metres", since 113 is no latitude either.
  if (rings.every((ring) => ring.every(([a, b]) => inJiangmen(b!, a!)))) return { code: "swappedLatLng", params: sample };
  return degreesLike && rings.every((ring) => ring.every(([, b]) => Math.abs(b!) <= 90)) ? null : { code: "looksProjected", params: sample };
}

function convert(rings: number[][][], crs: CrsCode): PolygonGeometry {
  const to = toWgs84(crs);
  // 1e-9° is 0.1 mm: enough for any survey, and it keeps export -> import byte-stable.
  const r9 = (v: number) => Math.round(v * 1e9) / 1e9;
  const coordinates: Ring[] = rings.map((ring) =>
    ring.map((p) => {
      const [lng, lat] = to(p);
      return [r9(lng), r9(lat)];
    }),
  );
  return { type: "Polygon", coordinates };
}

function outsideJiangmen(g: PolygonGeometry): Problem | null {
  for (const ring of g.coordinates) {
    for (const [lng, lat] of ring) {
      if (!inJiangmen(lng, lat)) return { code: "outsideJiangmen", params: { lng: round(lng * 1e3) / 1e3, lat: round(lat * 1e3) / 1e3 } };
    }
  }
  return null;
}

/** The CSV's rows by code (a header row; `code` names the parcel). */
interface CsvRows {
  byCode: Map<string, Record<string, string>>;
  rowOf: Map<string, number>;
}

function readCsv(text: string, fileProblems: Problem[]): CsvRows {
  const out = new Map<string, Record<string, string>>();
  const firstRow = new Map<string, number>();
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  const fatal = parsed.errors.find((e) => e.type !== "FieldMismatch");
  if (fatal) {
    fileProblems.push({ code: "csvNotReadable", params: { detail: `${fatal.message} (row ${(fatal.row ?? 0) + 2})` } });
    return { byCode: out, rowOf: firstRow };
  }
  if (!parsed.meta.fields?.includes("code")) {
    fileProblems.push({ code: "csvNoCode" });
    return { byCode: out, rowOf: firstRow };
  }
  parsed.data.forEach((row, i) => {
    const code = (row.code ?? "").trim();
    const rowNo = i + 2; // the header is row 1
    if (!code) return;
    if (firstRow.has(code)) fileProblems.push({ code: "csvDuplicate", params: { row: rowNo, code, first: firstRow.get(code)! } });
    else {
      firstRow.set(code, rowNo);
      out.set(code, row);
    }
  });
  return { byCode: out, rowOf: firstRow };
}

export function parseUpload(geojson: string, crs: CrsCode, csv?: string | null): ParsedUpload {
  const fileProblems: Problem[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(geojson.replace(/^\uFEFF/, ""));
  } catch (error) {
    fileProblems.push({ code: "notJson", params: { detail: (error as Error).message.slice(0, 160) } });
    return { features: [], fileProblems };
  }
  const fc = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (typeof fc !== "object" || fc === null || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    fileProblems.push({ code: "notFeatureCollection", params: { type: String((fc as { type?: unknown } | null)?.type ?? "?") } });
    return { features: [], fileProblems };
  }
  // An old-style (2008) `crs` member is how QGIS and ArcGIS say what they wrote: trust it enough
  // to refuse a contradicting choice, rather than silently convert from the wrong system.
  const declared = fc.crs?.properties?.name;
  if (typeof declared === "string") {
    const fileCrs = normaliseCrs(declared);
    const same = fileCrs === crs || (fileCrs === "EPSG:4326" && crs === "EPSG:4490") || (fileCrs === "EPSG:4490" && crs === "EPSG:4326");
    if (fileCrs && !same) fileProblems.push({ code: "crsMismatch", params: { fileCrs, crs } });
  }
  const items = fc.features as unknown[];
  if (items.length === 0) fileProblems.push({ code: "noFeatures" });
  if (items.length > MAX_FEATURES) {
    fileProblems.push({ code: "tooManyFeatures", params: { count: items.length, max: MAX_FEATURES } });
    return { features: [], fileProblems };
  }
  const total = items.reduce<number>((n, item) => n + positionCount((item as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates), 0);
  if (total > MAX_POSITIONS_PER_FILE) {
    fileProblems.push({ code: "tooManyPositionsInFile", params: { count: total, max: MAX_POSITIONS_PER_FILE } });
    return { features: [], fileProblems };
  }
  const { byCode: csvRows, rowOf } = csv ? readCsv(csv, fileProblems) : { byCode: new Map<string, Record<string, string>>(), rowOf: new Map<string, number>() };
  const used = new Set<string>();
  const features = items.map((item, i): ParsedFeature => {
    const problems: Problem[] = [];
    const f = item as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (typeof f !== "object" || f === null || f.type !== "Feature") {
      return { index: i + 1, code: null, properties: {}, geometry: null, problems: [{ code: "notFeature" }] };
    }
    const props = typeof f.properties === "object" && f.properties !== null ? { ...(f.properties as Record<string, unknown>) } : {};
    const rawCode = props.code;
    const code = typeof rawCode === "string" || typeof rawCode === "number" ? String(rawCode).trim() || null : null;
    const row = code ? csvRows.get(code) : undefined;
    if (row && code) {
      used.add(code);
      // The export guards cells against spreadsheet formulas with a leading apostrophe; undo it.
      for (const [k, v] of Object.entries(row)) if (k !== "code") props[k] = typeof v === "string" && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
    }
    const rings = readRings(f.geometry, problems);
    let geometry: PolygonGeometry | null = null;
    if (rings) {
      const unit = unitProblem(rings, crs);
      if (unit) problems.push(unit);
      else {
        geometry = convert(rings, crs);
        const outside = outsideJiangmen(geometry);
        if (outside) {
          problems.push(outside);
          geometry = null;
        }
      }
    }
    return { index: i + 1, code, properties: props, geometry, problems };
  });
  for (const code of csvRows.keys()) {
    if (!used.has(code)) fileProblems.push({ code: "csvOrphan", params: { row: rowOf.get(code) ?? 0, code } });
  }
  return { features, fileProblems };
}
