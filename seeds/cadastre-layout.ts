// Illustrative parcel geometry: a rotated grid of super-blocks between roads, each block cut into
// parcels that share exact vertices. Real cadastral data is not public; this only has to look and
// behave like it (adjacency, contiguous areas, realistic sizes) near the park's real location.
import type { Rng } from "./random";

export type LngLat = [number, number];

export const SQM_PER_MU = 10000 / 15; // 1 mu = 666.67 m²
/** Margin between the outermost parcels and the park boundary (room for the ring road). */
export const BOUNDARY_MARGIN_M = 150;
/** Whole site, boundary included, must fit in this square. */
const MAX_SITE_M = 3500;
const MAX_GRID_M = MAX_SITE_M - 2 * BOUNDARY_MARGIN_M;
/** Sides of a block that must hold >= 520 mu: 620 m x 620 m = 577 mu, ample for geodesic drift. */
const FULL_BLOCK_MIN_SIDE_M = 620;
const BLOCK_MIN_SIDE_M = 350;
/** A cut endpoint this close to one from the other side of a shared line reuses that vertex. */
const SNAP_M = 10;

export interface LayoutParcel {
  /** Closed, counter-clockwise, rounded to 7 decimals; shared vertices are the same numbers. */
  ring: LngLat[];
  areaM2: number; // in the local plane
}

export interface LayoutBlock {
  col: number;
  row: number;
  /** 0 = developed first, 1 = prepared last; drives status and readiness. */
  age: number;
  fullyAvailable: boolean;
  ring: LngLat[];
  areaM2: number;
  parcels: LayoutParcel[];
}

export interface ParkLayout {
  rotationDeg: number;
  boundary: LngLat[];
  blocks: LayoutBlock[];
}

interface Vertex {
  u: number;
  v: number;
  lngLat?: LngLat; // rounded once, then reused by every parcel touching the vertex
}

/**
 * Grid frame (u, v) in metres -> WGS84, as an equirectangular projection about the park centre.
 * Metres per degree use the WGS84 ellipsoid series at the centre latitude. The only error is that
 * the east-west scale drifts by tan(lat)*dLat across the site: ~1e-4 relative over +-1.75 km at
 * 22.5 N, i.e. < 0.2 m, far below what illustrative geometry needs. The map is affine, so straight
 * edges stay straight and shared vertices stay shared, which is what actually matters.
 */
function makeProjector(center: LngLat, rotationRad: number): (p: Vertex) => LngLat {
  const [lng0, lat0] = center;
  const phi = (lat0 * Math.PI) / 180;
  const mPerDegLat = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  const mPerDegLng = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
  const cos = Math.cos(rotationRad);
  const sin = Math.sin(rotationRad);
  return (p) => {
    if (!p.lngLat) {
      const x = p.u * cos - p.v * sin;
      const y = p.u * sin + p.v * cos;
      p.lngLat = [round7(lng0 + x / mPerDegLng), round7(lat0 + y / mPerDegLat)];
    }
    return p.lngLat;
  };
}

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;

function closedRing(vertices: Vertex[], project: (p: Vertex) => LngLat): LngLat[] {
  const ring = vertices.map((p) => [...project(p)] as LngLat);
  ring.push([...(ring[0] as LngLat)] as LngLat);
  return ring;
}

function planarArea(vertices: Vertex[]): number {
  let twice = 0;
  for (let i = 0; i < vertices.length; i++) {
    const a = vertices[i] as Vertex;
    const b = vertices[(i + 1) % vertices.length] as Vertex;
    twice += a.u * b.v - b.u * a.v;
  }
  return twice / 2;
}

/**
 * Column widths (or row heights). Columns holding a fully-available block get at least
 * FULL_BLOCK_MIN_SIDE_M; if the sum overflows the site, ordinary columns shrink first.
 */
function blockSides(count: number, needsFull: boolean[], budget: number, rng: Rng): number[] {
  const floors = needsFull.map((full) => (full ? FULL_BLOCK_MIN_SIDE_M : BLOCK_MIN_SIDE_M));
  const sides = needsFull.map((full) => (full ? rng.float(640, 880) : rng.float(380, 860)));
  for (const pass of [false, true]) {
    const excess = sides.reduce((a, b) => a + b, 0) - budget;
    if (excess <= 0) break;
    const slack = sides.map((s, i) => (needsFull[i] === pass ? s - (floors[i] as number) : 0));
    const totalSlack = slack.reduce((a, b) => a + b, 0);
    const share = Math.min(1, excess / Math.max(totalSlack, 1e-9));
    for (let i = 0; i < count; i++) sides[i] = (sides[i] as number) - (slack[i] as number) * share;
  }
  if (sides.reduce((a, b) => a + b, 0) > budget + 1e-6) {
    throw new Error(`cadastre: ${count} blocks do not fit in a ${MAX_SITE_M} m site`);
  }
  return sides;
}

/** Road widths between consecutive blocks; the middle one is the park's main avenue. */
function roadWidths(count: number, rng: Rng): number[] {
  const main = Math.floor((count - 1) / 2);
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) =>
    i === main ? rng.float(36, 40) : rng.float(24, 32),
  );
}

/** Splits `length` into n widths, log-normally skewed, each within [minW, maxW]. */
function splitLength(length: number, n: number, minW: number, maxW: number, rng: Rng): number[] {
  const weights = Array.from({ length: n }, () => Math.exp(Math.max(-1.5, Math.min(1.5, 0.6 * rng.normal()))));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => minW + ((length - n * minW) * w) / total);
  for (let iter = 0; iter < 8; iter++) {
    const excess = widths.reduce((sum, w) => sum + Math.max(0, w - maxW), 0);
    if (excess <= 1e-9) break;
    const room = widths.map((w) => Math.max(0, maxW - w));
    const totalRoom = room.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) {
      widths[i] = Math.min(widths[i] as number, maxW) + (excess * (room[i] as number)) / totalRoom;
    }
  }
  return widths;
}

/**
 * Cuts one super-block into parcels. In block coordinates s runs along the long side (0..L) and
 * t across it (0..D). Full-length "band lines" split the depth into 1-3 bands; each band is cut
 * into parcels by cross lines that may lean a little (trapezoids). A cross line ending on a band
 * line is a T-junction for the parcels across that line, so every band line keeps a registry of
 * its vertices and parcels on both sides take all of them, in order, into their rings.
 */
function subdivideBlock(u0: number, v0: number, u1: number, v1: number, meanMu: number, rng: Rng): Vertex[][] {
  const alongU = u1 - u0 >= v1 - v0;
  const L = alongU ? u1 - u0 : v1 - v0;
  const D = alongU ? v1 - v0 : u1 - u0;
  // (s, t) -> (u, v) is a translation or a +90 degree rotation, so CCW stays CCW.
  const at = (s: number, t: number): Vertex => (alongU ? { u: u0 + s, v: v0 + t } : { u: u1 - t, v: v0 + s });

  const bands = D < 430 ? 1 : D < 700 ? 2 : rng.pick([2, 3]);
  const [ta, tb]: [number[], number[]] = [[0], [0]];
  for (let j = 1; j < bands; j++) {
    const base = (D * j) / bands + rng.float(-0.12, 0.12) * (D / bands);
    const lean = rng.chance(0.4) ? rng.float(-0.06, 0.06) * (D / bands) : 0;
    ta.push(base + lean);
    tb.push(base - lean);
  }
  ta.push(D); tb.push(D);
  const lineT = (j: number, s: number): number => (ta[j] as number) + (((tb[j] as number) - (ta[j] as number)) * s) / L;
  const lines: LineVertex[][] = ta.map((_, j) => [
    { s: 0, p: at(0, ta[j] as number) },
    { s: L, p: at(L, tb[j] as number) },
  ]);

  const blockMu = (L * D) / SQM_PER_MU;
  let remaining = Math.max(bands, Math.min(12, Math.max(2, Math.round(blockMu / meanMu))));
  const pieces: { band: number; s: Quad<number>; p: Quad<Vertex> }[] = [];
  for (let i = 0; i < bands; i++) {
    const depth = lineT(i + 1, L / 2) - lineT(i, L / 2);
    const minW = Math.max(45, 10500 / depth);
    const maxW = 250000 / depth;
    const share = Math.round(remaining * (depth / (D - lineT(i, L / 2))));
    const n = Math.max(Math.ceil(L / maxW), Math.min(Math.floor(L / minW), Math.max(1, share)));
    remaining = Math.max(bands - i - 1, remaining - n);
    const widths = splitLength(L, n, minW, maxW, rng);

    // Cut m separates parcel m-1 from parcel m; a = where it meets line i, b = line i+1.
    const [a, b]: [number[], number[]] = [[0], [0]];
    let c = 0;
    for (let m = 1; m < n; m++) {
      c += widths[m - 1] as number;
      const maxLean = Math.min(0.12 * depth, 0.25 * Math.min(widths[m - 1] as number, widths[m] as number));
      const lean = rng.chance(0.35) ? rng.float(-maxLean, maxLean) : 0;
      a.push(c + lean);
      b.push(c - lean);
    }
    a.push(L); b.push(L);
    const lower = snapCuts(a, lines[i] as LineVertex[], i > 0);
    const upper = snapCuts(b, lines[i + 1] as LineVertex[], i + 1 < bands);
    const lowerV = lower.map((s) => vertexOn(lines[i] as LineVertex[], s, () => at(s, lineT(i, s))));
    const upperV = upper.map((s) => vertexOn(lines[i + 1] as LineVertex[], s, () => at(s, lineT(i + 1, s))));
    for (let m = 0; m < n; m++) {
      pieces.push({ band: i, s: [lower[m], lower[m + 1], upper[m + 1], upper[m]] as Quad<number>, p: [lowerV[m], lowerV[m + 1], upperV[m + 1], upperV[m]] as Quad<Vertex> });
    }
  }

  // Every band has now registered its cut ends: thread the T-junction vertices into the rings.
  return pieces.map(({ band, s: [s0, s1, s2, s3], p: [ll, lr, ur, ul] }) => {
    const between = (line: LineVertex[], from: number, to: number): Vertex[] =>
      line
        .filter((e) => e.s > Math.min(from, to) && e.s < Math.max(from, to))
        .sort((x, y) => (from < to ? x.s - y.s : y.s - x.s))
        .map((e) => e.p);
    return [ll, ...between(lines[band] as LineVertex[], s0, s1), lr, ur, ...between(lines[band + 1] as LineVertex[], s2, s3), ul];
  });
}

type LineVertex = { s: number; p: Vertex };
type Quad<T> = [T, T, T, T];

/** Moves interior cut ends onto nearby vertices from the other side, when order allows it. */
function snapCuts(cuts: number[], line: LineVertex[], shared: boolean): number[] {
  if (!shared) return cuts;
  const out = cuts.slice();
  for (let m = 1; m < out.length - 1; m++) {
    const s = out[m] as number;
    const near = line.filter((e) => e.s > 0 && e.s < (out[out.length - 1] as number)).sort((x, y) => Math.abs(x.s - s) - Math.abs(y.s - s))[0];
    if (!near || Math.abs(near.s - s) > SNAP_M) continue;
    const ordered = near.s - (out[m - 1] as number) > 30 && (out[m + 1] as number) - near.s > 30;
    if (ordered || Math.abs(near.s - s) < 0.5) out[m] = near.s;
  }
  return out;
}

function vertexOn(line: LineVertex[], s: number, make: () => Vertex): Vertex {
  const existing = line.find((e) => e.s === s) ?? { s, p: make() };
  if (!line.includes(existing)) line.push(existing);
  return existing.p;
}

export function layoutPark(
  center: LngLat,
  grid: { cols: number; rows: number },
  fullyAvailableBlocks: number,
  rng: Rng,
): ParkLayout {
  const { cols, rows } = grid;
  if (!(Number.isInteger(cols) && Number.isInteger(rows) && cols >= 1 && rows >= 1)) {
    throw new Error(`cadastre: invalid super-block grid ${cols}x${rows}`);
  }
  if (fullyAvailableBlocks > cols * rows - 1) {
    throw new Error(`cadastre: ${fullyAvailableBlocks} fully-available blocks need a grid larger than ${cols}x${rows}`);
  }
  const rotationDeg = Math.round(rng.float(0, 35) * 10) / 10;
  const project = makeProjector(center, (rotationDeg * Math.PI) / 180);

  // Parks grow outward from where they started; the opposite corner is the newest land.
  const [oc, or] = [rng.int(0, 1) * (cols - 1), rng.int(0, 1) * (rows - 1)];
  const cells = Array.from({ length: cols * rows }, (_, k) => {
    const col = k % cols;
    const row = Math.floor(k / cols);
    const raw = (Math.abs(col - oc) / Math.max(1, cols - 1) + Math.abs(row - or) / Math.max(1, rows - 1)) / 2;
    return { col, row, age: Math.min(1, Math.max(0, raw + rng.float(-0.12, 0.12))) };
  });
  const full = new Set(cells.slice().sort((x, y) => y.age - x.age).slice(0, fullyAvailableBlocks));

  const colRoads = roadWidths(cols, rng);
  const rowRoads = roadWidths(rows, rng);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const widths = blockSides(cols, Array.from({ length: cols }, (_, c) => [...full].some((x) => x.col === c)), MAX_GRID_M - sum(colRoads), rng);
  const heights = blockSides(rows, Array.from({ length: rows }, (_, r) => [...full].some((x) => x.row === r)), MAX_GRID_M - sum(rowRoads), rng);
  const totalW = sum(widths) + sum(colRoads);
  const totalH = sum(heights) + sum(rowRoads);
  const starts = (sides: number[], roads: number[], total: number): number[] =>
    sides.map((_, i) => -total / 2 + sum(sides.slice(0, i)) + sum(roads.slice(0, i)));
  const uStart = starts(widths, colRoads, totalW);
  const vStart = starts(heights, rowRoads, totalH);

  const blocks: LayoutBlock[] = cells.map((cell) => {
    const u0 = uStart[cell.col] as number;
    const v0 = vStart[cell.row] as number;
    const u1 = u0 + (widths[cell.col] as number);
    const v1 = v0 + (heights[cell.row] as number);
    const fullyAvailable = full.has(cell);
    // Mostly 30-120 mu lots, with some blocks taken by a few large plants; fully-available
    // blocks are pre-cut into mid-sized lots that can be bought singly or together.
    const meanMu = fullyAvailable
      ? rng.float(60, 110)
      : rng.weighted([[rng.float(55, 120), 0.7], [rng.float(110, 180), 0.2], [rng.float(180, 300), 0.1]]);
    const parcelRings = subdivideBlock(u0, v0, u1, v1, meanMu, rng);
    const corners: Vertex[] = [{ u: u0, v: v0 }, { u: u1, v: v0 }, { u: u1, v: v1 }, { u: u0, v: v1 }];
    return {
      ...cell,
      fullyAvailable,
      ring: closedRing(corners, project),
      areaM2: (u1 - u0) * (v1 - v0),
      parcels: parcelRings.map((vs) => ({ ring: closedRing(vs, project), areaM2: planarArea(vs) })),
    };
  });

  // Boundary: the grid plus the margin, with some corners chamfered so parks do not all look
  // like boxes. A chamfer of c keeps (2*margin - c)/sqrt(2) >= 150 m from the corner block if c <= 85.
  const X = totalW / 2 + BOUNDARY_MARGIN_M;
  const Y = totalH / 2 + BOUNDARY_MARGIN_M;
  // Each corner is entered along one side and left along the next (CCW order).
  const corner = (cu: number, cv: number, inU: number, inV: number, outU: number, outV: number): Vertex[] => {
    if (rng.chance(0.5)) return [{ u: cu, v: cv }];
    const c = rng.float(40, 85);
    return [{ u: cu - inU * c, v: cv - inV * c }, { u: cu + outU * c, v: cv + outV * c }];
  };
  const boundaryVs: Vertex[] = [
    ...corner(-X, -Y, 0, -1, 1, 0),
    ...corner(X, -Y, 1, 0, 0, 1),
    ...corner(X, Y, 0, 1, -1, 0),
    ...corner(-X, Y, -1, 0, 0, -1),
  ];
  return { rotationDeg, boundary: closedRing(boundaryVs, project), blocks };
}
