// The dry run's per-feature checks, pure: everything the database knows (the park's parcels and
// zones, codes of other parks, parcels nearby) comes in as plain data, so each check is
// unit-tested with a fixture feature. Spatial tests use turf (kinks, validity) and polyclip-ts
// (the overlap and outside-the-park areas), allowing the survey tolerance of adjacency.
import booleanValid from "@turf/boolean-valid";
import kinks from "@turf/kinks";
import turfArea from "@turf/area";
import Flatbush from "flatbush";
import { intersection, difference, type Geom } from "polyclip-ts";
import type { LandUse, ParcelStatus } from "../generated/prisma/enums";
import { ADJACENCY_TOLERANCE_M } from "../land/adjacency";
import { bboxOf, expandBBox, metresPerDegree, polygonAreaM2, type PolygonGeometry } from "../land/geometry";
import { checkParcelTransition } from "../land/status-transitions";
import { CODE_PATTERN, parseAttributes, type ParcelValues } from "./attributes";
import type { ParsedFeature } from "./parse";
import type { Problem } from "./problems";

/** A parcel of the park as stored, in the import's terms. */
export interface ExistingParcel {
  id: string;
  code: string;
  version: number;
  geometry: PolygonGeometry;
  values: Required<ParcelValues>;
}

export interface CheckContext {
  zones: Map<string, { allowedLandUses: readonly LandUse[] }>;
  /** this park's parcels by code */
  existing: Map<string, ExistingParcel>;
  /** codes in the file that belong to another park -> that park's code */
  otherParks: Map<string, string>;
  /** stored parcels (any park) near the file's features */
  neighbours: readonly { code: string; geometry: PolygonGeometry }[];
  boundary: PolygonGeometry | null;
  /** the importing actor holds parcel.override */
  mayOverride: boolean;
  /** codes of this park's parcels a lead holds now -> that lead's reference */
  held?: Map<string, string>;
  toleranceM?: number;
}

export interface CheckedFeature {
  index: number;
  code: string | null;
  geometry: PolygonGeometry | null;
  values: ParcelValues;
  problems: Problem[];
}

const geom = (g: PolygonGeometry) => g.coordinates as unknown as Geom;
const areaOf = (g: Geom) => turfArea({ type: "MultiPolygon", coordinates: g as unknown as number[][][][] });

/** Boundary length of the exterior ring in ground metres. */
export function perimeterM(g: PolygonGeometry): number {
  const ring = g.coordinates[0]!;
  let total = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!, [x1, y1] = ring[i + 1]!;
    const k = metresPerDegree((y0 + y1) / 2);
    total += Math.hypot((x1 - x0) * k.x, (y1 - y0) * k.y);
  }
  return total;
}

function geometryProblems(g: PolygonGeometry): Problem[] {
  const crossings = kinks(g).features;
  if (crossings.length > 0) {
    const [lng, lat] = crossings[0]!.geometry.coordinates;
    return [{ code: "selfIntersecting", params: { count: crossings.length, lng: lng!.toFixed(6), lat: lat!.toFixed(6) } }];
  }
  if (!booleanValid(g) || polygonAreaM2(g) < 0.01) return [{ code: "invalidPolygon" }];
  return [];
}

function attributeProblems(f: ParsedFeature, values: ParcelValues, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const current = f.code ? ctx.existing.get(f.code) : undefined;
  if (!current) {
    // An invalid value was named already; "missing" is for an absent or empty one.
    for (const field of ["landUse", "status"] as const) {
      const given = f.properties[field];
      if (given === undefined || given === null || String(given).trim() === "") problems.push({ code: "missingField", params: { field } });
    }
  }
  const zoneCode = values.zoneCode !== undefined ? values.zoneCode : (current?.values.zoneCode ?? null);
  const landUse = values.landUse ?? current?.values.landUse;
  if (zoneCode) {
    const zone = ctx.zones.get(zoneCode);
    if (!zone) problems.push({ code: "unknownZone", params: { zone: zoneCode } });
    else if (landUse && zone.allowedLandUses.length > 0 && !zone.allowedLandUses.includes(landUse)) {
      problems.push({ code: "landUseNotAllowed", params: { zone: zoneCode, landUse } });
    }
  }
  if (current && values.status && values.status !== current.values.status) {
    const reason = values.statusReason !== undefined ? values.statusReason : null;
    const t = checkParcelTransition({ from: current.values.status, to: values.status as ParcelStatus, reason, mayOverride: ctx.mayOverride });
    if (!t.ok && t.reason !== "unchanged") {
      problems.push({ code: t.reason === "needsOverride" ? "statusNeedsOverride" : "statusNeedsReason", params: { from: t.from, to: t.to } });
    }
    // Land promised to a lead moves with the lead (its page holds, signs and releases), never
    // behind its back from a file.
    const heldFor = ctx.held?.get(current.code);
    if (heldFor) problems.push({ code: "statusHeld", params: { from: current.values.status, to: values.status, lead: heldFor } });
  }
  return problems;
}

function overlapArea(a: PolygonGeometry, b: PolygonGeometry): number {
  return areaOf(intersection(geom(a), geom(b)));
}

/** Overlaps beyond tolerance × the shorter perimeter: the band a survey error could explain. */
async function spatialProblems(checked: CheckedFeature[], ctx: CheckContext, onProgress?: Progress): Promise<void> {
  const tol = ctx.toleranceM ?? ADJACENCY_TOLERANCE_M;
  const inFile = new Set(checked.map((c) => c.code).filter((c): c is string => c !== null));
  // Stored parcels updated by this file are replaced, so only the others can be overlapped.
  const others = ctx.neighbours.filter((n) => !inFile.has(n.code));
  // Every feature with a usable shape is measured, whatever else is wrong with it (a wrong
  // field or a repeated code), so the dry run names all of a feature's problems at once; only
  // a self-intersecting or otherwise invalid polygon cannot be measured.
  const shapes = checked.filter((c) => c.geometry && !c.problems.some((p) => UNMEASURABLE.has(p.code)));
  const all = [...shapes.map((c) => ({ code: c.code ?? `#${c.index}`, geometry: c.geometry!, own: c })), ...others.map((o) => ({ ...o, own: null }))];
  if (all.length === 0) return;
  const boxes = all.map((s) => bboxOf(s.geometry));
  const index = new Flatbush(all.length);
  for (const b of boxes) index.add(...expandBBox(b, tol));
  index.finish();
  const perimeters = all.map((s) => perimeterM(s.geometry));
  for (let i = 0; i < shapes.length; i++) {
    const c = shapes[i]!;
    // Give the event loop a turn now and then, so a streamed progress line goes out.
    if (i % YIELD_EVERY === 0) {
      onProgress?.(i, shapes.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const j of index.search(...boxes[i]!)) {
      if (j === i) continue;
      const other = all[j]!;
      // Pairs inside the file are measured once, from the earlier feature, and told to both.
      if (other.own && j < i) continue;
      // The overlap cannot exceed the bboxes' common rectangle: most neighbours share an edge,
      // their rectangles meet in a line, and polyclip never has to run (exact, not a guess).
      const [a0, b0, a1, b1] = boxes[i]!, [c0, d0, c1, d1] = boxes[j]!;
      const k = metresPerDegree((b0 + b1) / 2);
      const common = Math.max(0, (Math.min(a1, c1) - Math.max(a0, c0)) * k.x) * Math.max(0, (Math.min(b1, d1) - Math.max(b0, d0)) * k.y);
      if (common * 1.01 <= tol * Math.min(perimeters[i]!, perimeters[j]!)) continue;
      const area = overlapArea(c.geometry!, other.geometry);
      if (area <= tol * Math.min(perimeters[i]!, perimeters[j]!)) continue;
      const shown = Math.round(area);
      if (other.own) {
        c.problems.push({ code: "overlapsFeature", params: { other: other.code, area: shown } });
        other.own.problems.push({ code: "overlapsFeature", params: { other: c.code ?? `#${c.index}`, area: shown } });
      } else c.problems.push({ code: "overlapsParcel", params: { other: other.code, area: shown } });
    }
    if (ctx.boundary) {
      const outside = areaOf(difference(geom(c.geometry!), geom(ctx.boundary)));
      if (outside > tol * perimeters[i]!) c.problems.push({ code: "outsidePark", params: { area: Math.round(outside) } });
    }
  }
  onProgress?.(shapes.length, shapes.length);
}

const UNMEASURABLE = new Set(["selfIntersecting", "invalidPolygon"]);

export type Progress = (done: number, total: number) => void;
const YIELD_EVERY = 250;

export async function checkFeatures(features: readonly ParsedFeature[], ctx: CheckContext, onProgress?: Progress): Promise<CheckedFeature[]> {
  const firstIndex = new Map<string, number>();
  const checked = features.map((f): CheckedFeature => {
    const problems = [...f.problems];
    if (f.code === null) {
      if (problems[0]?.code !== "notFeature") problems.push({ code: "missingCode" });
    } else if (!CODE_PATTERN.test(f.code)) problems.push({ code: "invalidCode", params: { code: f.code.slice(0, 60) } });
    else if (firstIndex.has(f.code)) problems.push({ code: "duplicateCode", params: { code: f.code, first: firstIndex.get(f.code)! } });
    else {
      firstIndex.set(f.code, f.index);
      const park = ctx.otherParks.get(f.code);
      if (park) problems.push({ code: "codeInOtherPark", params: { code: f.code, park } });
    }
    const { values, problems: attr } = parseAttributes(f.properties);
    problems.push(...attr, ...attributeProblems(f, values, ctx));
    if (f.geometry) problems.push(...geometryProblems(f.geometry));
    return { index: f.index, code: f.code, geometry: f.geometry, values, problems };
  });
  // A repeated code is a problem of every copy: the first is told which feature repeats it.
  const repeatOf = new Map<string, number>();
  for (const c of checked) for (const p of c.problems) if (p.code === "duplicateCode" && c.code && !repeatOf.has(c.code)) repeatOf.set(c.code, c.index);
  for (const c of checked) {
    if (c.code && repeatOf.has(c.code) && firstIndex.get(c.code) === c.index) c.problems.unshift({ code: "duplicateCode", params: { code: c.code, first: repeatOf.get(c.code)! } });
  }
  await spatialProblems(checked, ctx, onProgress);
  return checked;
}
