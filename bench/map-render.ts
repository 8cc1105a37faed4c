// Map rendering benchmark: does the land map stay smooth with a few thousand polygons?
// Headless Chromium draws synthetic parcels with the app's own MapLibre style and layers
// (lib/map/style.ts), then we time the first complete frame, a scripted ~4 s pan and zoom,
// and the page's main-thread JS heap (MapLibre's workers not included). Without a GPU,
// Chromium renders WebGL in software (SwiftShader): on a 2-core box that is a worst case, so
// the renderer is printed with every figure, next to an empty map's figures as a baseline.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { BLOCK_COLOURS } from "../lib/map/colours";
import { roundCoordinates, type LandFeature, type LandFeatureCollection } from "../lib/map/features";
import { baseStyle, landLayers } from "../lib/map/style";
import { MAP_PARCEL_BUDGET } from "../lib/search/map";
import { PAGE_SIZE } from "../lib/search/schemas";
import { findChromium } from "../tests/e2e/browser";
import { syntheticCadastre } from "./synthetic-cadastre";

const VIEWPORT = { width: 1280, height: 800 };
const MAPLIBRE_DIR = path.resolve(import.meta.dirname, "../node_modules/maplibre-gl/dist");

/**
 * The results map's GeoJSON for n parcels, shaped like lib/search/map.ts makes it. A result
 * block is a run of contiguous parcels, which is what a synthetic super-block is (its code
 * prefix, "SYN-00012"), keyed by its first parcel's code as the app does. PAGE_SIZE blocks
 * spread over the whole area are "on the listed page" and get strong colours.
 */
export function resultsMapData(n: number): LandFeatureCollection {
  const parcels = syntheticCadastre(n);
  const blockOf = (code: string) => `${code.slice(0, 9)}-00`;
  const blocks = [...new Set(parcels.map((p) => blockOf(p.code)))];
  const step = Math.max(1, Math.floor(blocks.length / PAGE_SIZE));
  const colourOf = new Map(
    blocks.filter((_, i) => i % step === 0).slice(0, PAGE_SIZE).map((b, i) => [b, BLOCK_COLOURS[i % BLOCK_COLOURS.length]!]),
  );
  const features: LandFeature[] = parcels.map((p) => {
    const colour = colourOf.get(blockOf(p.code));
    return {
      type: "Feature",
      geometry: { type: "Polygon", coordinates: roundCoordinates(p.geometry.coordinates) },
      properties: { kind: "parcel", code: p.code, block: blockOf(p.code), page: colour ? 1 : 0, colour: colour ?? "" },
    };
  });
  return { type: "FeatureCollection", features, pointBlocks: 0 };
}

// The in-page half, plain JavaScript in a <script> tag rather than a function handed to
// page.evaluate: tsx compiles this file with esbuild's keepNames, whose `__name(...)` helper
// calls would be shipped into the browser and fail there.
const PAGE_SCRIPT = String.raw`
const { style, layers } = JSON.parse(document.getElementById("config").textContent);
const until = (map, event, ok) => new Promise((resolve) => {
  const check = () => (ok() ? resolve() : map.once(event, check));
  map.once(event, check);
});
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// empty: the same camera and layers over no data, the baseline cost of the map itself.
window.runBench = async (n, empty) => {
  // Data in memory before the clock starts, as when the app passes inline GeoJSON.
  const parcels = await (await fetch("/land/" + n)).json();
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of parcels.features) for (const [lng, lat] of f.geometry.coordinates[0]) {
    b = [Math.min(b[0], lng), Math.min(b[1], lat), Math.max(b[2], lng), Math.max(b[3], lat)];
  }
  const data = empty ? { type: "FeatureCollection", features: [] } : parcels;

  // (1) Creating the map -> the first "idle" with our source loaded: everything drawn.
  // Same calls as components/land-map.tsx.
  const started = performance.now();
  const map = new maplibregl.Map({ container: "map", style, attributionControl: false });
  map.fitBounds(b, { padding: 30, animate: false, maxZoom: 17 });
  map.on("load", () => {
    map.addSource("land", { type: "geojson", data });
    for (const layer of layers) map.addLayer(layer);
  });
  await until(map, "idle", () => map.getSource("land") && map.isSourceLoaded("land"));
  const firstIdleMs = performance.now() - started;
  // Every parcel is in view at the fitted zoom, so every code should be on screen.
  const drawn = new Set(map.queryRenderedFeatures({ layers: ["land-fill"] }).map((f) => f.properties.code)).size;

  // The map's own context: webgl2 when MapLibre got one, else it fell back to WebGL 1.
  const canvas = map.getCanvas();
  const gl2 = canvas.getContext("webgl2");
  const gl = gl2 || canvas.getContext("webgl");
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);

  // (3) Heap after load, after a full GC (--expose-gc) so it is what the map keeps, not garbage.
  if (window.gc) window.gc();
  const heapBytes = performance.memory ? performance.memory.usedJSHeapSize : null;

  // (2) ~4 s of MapLibre's own camera animations: zoom in 2 levels off-centre, pan across at
  // that zoom (new tiles are cut in the worker meanwhile), zoom half out, back to the start.
  const c = map.getCenter(), z = map.getZoom();
  const dLng = (b[2] - b[0]) / 4, dLat = (b[3] - b[1]) / 4;
  const legs = [
    { center: [c.lng + dLng, c.lat + dLat], zoom: z + 2 },
    { center: [c.lng - dLng, c.lat - dLat], zoom: z + 2 },
    { center: [c.lng, c.lat], zoom: z + 1 },
    { center: [c.lng, c.lat], zoom: z },
  ];
  const frames = [];
  const onRender = () => frames.push(performance.now());
  map.on("render", onRender);
  // Main-thread time inside each frame (camera step, tile placement, recording GL calls).
  // Chromium hands GL calls to the GPU process to run, so this is roughly what a frame costs
  // this CPU with a real GPU. _render is MapLibre's private per-frame method; no public hook.
  const work = [];
  const render = map._render;
  map._render = function (...args) {
    const t = performance.now();
    const out = render.apply(this, args);
    work.push(performance.now() - t);
    return out;
  };
  const moveStarted = performance.now();
  for (const leg of legs) {
    map.easeTo({ ...leg, duration: 1000 });
    await new Promise((resolve) => map.once("moveend", resolve));
  }
  const moveMs = performance.now() - moveStarted;
  map.off("render", onRender);
  map._render = render;
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((x, y) => x - y);
  work.sort((x, y) => x - y);
  map.remove();
  return {
    firstIdleMs, drawn, renderer, webgl2: !!gl2, heapBytes,
    fps: (gaps.length / moveMs) * 1000, p50: pct(gaps, 50), p95: pct(gaps, 95),
    workP50: pct(work, 50), workP95: pct(work, 95),
  };
};
`;

const html = () => `<!doctype html>
<html><head><meta charset="utf-8"><title>map bench</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
<script src="/maplibre-gl.js"></script>
<script type="application/json" id="config">${JSON.stringify({ style: baseStyle(), layers: landLayers("results") }).replace(/</g, "\\u003c")}</script>
</head><body><div id="map"></div><script>${PAGE_SCRIPT}</script></body></html>`;

interface Result {
  firstIdleMs: number;
  drawn: number;
  renderer: string;
  webgl2: boolean;
  heapBytes: number | null;
  fps: number;
  p50: number;
  p95: number;
  workP50: number;
  workP95: number;
}

/** The page, MapLibre's files and /land/<n> GeoJSON, on a port the OS picks. */
async function serve(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const send = (type: string, body: string | Buffer) => res.writeHead(200, { "content-type": type }).end(body);
    if (url === "/") return send("text/html", html());
    if (url === "/maplibre-gl.js") return send("text/javascript", fs.readFileSync(path.join(MAPLIBRE_DIR, "maplibre-gl.js")));
    if (url === "/maplibre-gl.css") return send("text/css", fs.readFileSync(path.join(MAPLIBRE_DIR, "maplibre-gl.css")));
    const land = /^\/land\/(\d+)$/.exec(url);
    if (land) return send("application/json", JSON.stringify(resultsMapData(Number(land[1]))));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** "SwiftShader" out of "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) ...))". */
function shortRenderer(renderer: string): string {
  const known = /SwiftShader|llvmpipe|Mesa|NVIDIA|AMD|Radeon|Intel|Apple/i.exec(renderer);
  return known ? known[0] : renderer.slice(0, 40);
}

/** One run on a fresh page, so earlier runs' tiles and heap do not count towards it. */
async function measure(browser: Browser, origin: string, n: number, empty: boolean): Promise<Result> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(180_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(origin);
    type Run = (n: number, empty: boolean) => Promise<Result>;
    return await page.evaluate(([count, none]) => (window as unknown as { runBench: Run }).runBench(count, none), [n, empty] as const);
  } catch (error) {
    // No WebGL at all reads: Error: {..."statusMessage":"disabled by ...","message":"Failed to initialize WebGL"}
    throw new Error(`map bench page failed: ${errors[0] ?? String(error)}`);
  } finally {
    await page.close();
  }
}

export async function benchMapRender(sizes = [2_000, 5_000, 20_000]): Promise<string[]> {
  const executablePath = findChromium();
  if (!executablePath) {
    const line = "map render skipped: install chromium (apt-get install -y chromium) to run it";
    console.log(line);
    return [line];
  }
  const lines: string[] = [];
  const server = await serve();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--no-sandbox",
        // No --disable-gpu (unlike the e2e tests): a machine with a GPU should use it. Without
        // one, Chromium falls back to SwiftShader for WebGL. Chromium 156 here still does that
        // on its own in headless mode; this switch (Playwright passes it too) keeps it allowed
        // as Chrome phases the automatic fallback out.
        "--enable-unsafe-swiftshader",
        // Exact performance.memory figures (coarse buckets otherwise), and window.gc().
        "--enable-precise-memory-info",
        "--js-flags=--expose-gc",
      ],
    });
    // First the map with no polygons under the same camera: in software rendering the map
    // itself costs a good share of each frame, and the polygons' cost is the difference.
    for (const [n, empty] of [[sizes[0] ?? 2_000, true] as const, ...sizes.map((s) => [s, false] as const)]) {
      const r = await measure(browser, server.origin, n, empty);
      const gl = `${shortRenderer(r.renderer)} ${r.webgl2 ? "WebGL2" : "WebGL1"}, ${VIEWPORT.width}x${VIEWPORT.height}`;
      const what = empty ? `map render, no polygons (baseline; ${gl})` : `map render, ${n.toLocaleString("en")} polygons (${gl})`;
      const heap = r.heapBytes === null ? "heap n/a" : `heap ${Math.round(r.heapBytes / 2 ** 20)} MB`;
      lines.push(
        `${what}: first idle ${r.firstIdleMs.toFixed(0)} ms, pan/zoom p50 frame ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms ` +
          `(${r.fps.toFixed(0)} fps), main thread p50 ${r.workP50.toFixed(1)} ms / p95 ${r.workP95.toFixed(1)} ms per frame, ${heap}` +
          (empty || r.drawn === n ? "" : `; only ${r.drawn.toLocaleString("en")} drawn at the fitted zoom`) +
          (n > MAP_PARCEL_BUDGET && !empty ? ` (stress: the results map draws at most ${MAP_PARCEL_BUDGET.toLocaleString("en")})` : ""),
      );
      console.log(lines.at(-1));
      // Software rendering on a small CPU is a worst case next to any real GPU: say which it was.
      if (empty) {
        lines.push(`  WebGL renderer: ${r.renderer}`);
        console.log(lines.at(-1));
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return lines;
}
