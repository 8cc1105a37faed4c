"use client";

// Land on a map drawn from our own parcel GeoJSON with MapLibre GL (WebGL: smooth with
// thousands of polygons, see `npm run bench`). Works with no tile server and no internet: the
// base is a plain background unless MAP_TILE_URL is set. Pages always render the same land as
// a list or table too, for screen readers and for browsers without WebGL (which get the
// `fallback`, e.g. the SVG site plan, instead of an empty box). Around the land: the offline
// context (counties, coast, towns, logistics: components/location/*), a scale bar, and on the
// search page the list/map highlight and the drawn search area.
import "maplibre-gl/dist/maplibre-gl.css";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { LandFeature, LandFeatureCollection } from "@/lib/map/features";
import { baseStyle, CLICKABLE_LAYERS, LAND_SOURCE, LAND_TILES, landLayers, landTileSource, MAP_Z, TILED_CLICKABLE_LAYERS, tiledLandLayers } from "@/lib/map/style";
import { AREA_PARAM, parseSearchArea, withSearchArea } from "@/lib/map/area";
import { AreaControls } from "./location/area-controls";
import { AreaDrawer, type DrawMode } from "./location/area-drawer";
import { LogisticsLegend } from "./location/logistics-legend";
import { addContext, addLogistics, loadContext } from "./location/map-overlays";
import { addHighlightLayer, linkListAndMap, type BlockPopup, type ListMapLink } from "./location/map-highlight";
import { hasWebGL } from "./location/webgl";

export interface LandMapProps {
  /** inline GeoJSON, or a same-origin URL that answers with it */
  data: LandFeatureCollection | string;
  variant: "results" | "context";
  /** [minLng, minLat, maxLng, maxLat] to show first; defaults to all the data */
  fitTo?: [number, number, number, number];
  /** where a click goes: the block page (with the search's query) or the parcel page */
  links: { to: "blocks" | "parcels"; query?: string };
  tileUrl?: string;
  label: string;
  /** shown instead of the map where the browser has no WebGL (e.g. the SVG site plan) */
  fallback?: ReactNode;
  /** what to say without WebGL, in place of the default ("the list below has everything") */
  unavailableNote?: string;
  /** search page: per listed block key, what its popup says; turns on the list/map highlight */
  popups?: Record<string, BlockPopup>;
  /** search page: the visitor can draw the search area (the URL's `area`) */
  draw?: boolean;
  /**
   * results map: a vector-tile URL template ({z}/{x}/{y}, app/api/land/tiles) that draws every
   * matching parcel and, zoomed out, clusters of matching blocks; `data` then only needs the
   * listed page's numbered points (no polygon budget: the tiles carry all the land).
   */
  tiles?: string;
}

type State = { kind: "loading" } | { kind: "ready"; pointBlocks: number; hiddenBlocks: number } | { kind: "failed" } | { kind: "nowebgl" };
type PointFeature = Extract<LandFeature, { properties: { kind: "point" } }>;

function boundsOf(data: LandFeatureCollection): [number, number, number, number] | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === "number") {
      const [lng, lat] = c as [number, number];
      b[0] = Math.min(b[0], lng);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lng);
      b[3] = Math.max(b[3], lat);
    } else for (const inner of c as unknown[]) visit(inner);
  };
  for (const f of data.features) visit(f.geometry.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}

export function LandMap({ data, variant, fitTo, links, tileUrl, label, fallback, unavailableNote, popups, draw, tiles }: LandMapProps) {
  const t = useTranslations("map");
  const tl = useTranslations("investor.location");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const areaParam = searchParams.get(AREA_PARAM);
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: "loading" });
  const [showLogistics, setShowLogistics] = useState(true);
  const logisticsSwitch = useRef<((visible: boolean) => void) | null>(null);
  const drawer = useRef<AreaDrawer | null>(null);
  const [drawMode, setDrawMode] = useState<{ mode: DrawMode; corners: number }>({ mode: "idle", corners: 0 });
  // The popups' content as a key: a fresh object each render, the same content.
  const popupKey = popups ? JSON.stringify(popups) : "";
  // Props arrive as fresh objects on every render; the map depends on their content only.
  const fitKey = fitTo?.join(",");
  const { to, query } = links;
  useEffect(() => {
    let map: import("maplibre-gl").Map | undefined;
    const abort = new AbortController();
    const hrefOf = (p: { block?: string; code?: string } | undefined) => {
      // A lone block's dot on the tiled map has no code: in the parcels view its key is the code.
      const target = to === "blocks" ? p?.block : (p?.code ?? p?.block);
      return target ? `/${locale}/${to}/${encodeURIComponent(target)}${query ? `?${query}` : ""}` : null;
    };
    // A drawn area becomes the search's `area`, on page 1, every other filter kept.
    const onArea = (area: import("@/lib/map/area").SearchArea) => router.push(`${pathname}?${withSearchArea(window.location.search, area)}`);
    let link: ListMapLink | undefined;
    const markers = new Map<string, import("maplibre-gl").Marker>();
    const load = async () => {
      // Without WebGL MapLibre can only fail: say so at once, and show the fallback.
      if (!hasWebGL()) return setState({ kind: "nowebgl" });
      const [geojson, context, { default: maplibre }] = await Promise.all([
        typeof data === "string"
          ? fetch(data, { signal: abort.signal }).then((r): Promise<LandFeatureCollection> => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))))
          : Promise.resolve(data),
        loadContext(),
        // Loaded on the client only: the library needs a browser and is large.
        import("maplibre-gl"),
      ]);
      if (abort.signal.aborted || !container.current) return;
      const bounds = fitKey ? (fitKey.split(",").map(Number) as [number, number, number, number]) : boundsOf(geojson);
      map = new maplibre.Map({
        container: container.current,
        attributionControl: false,
        style: baseStyle(tileUrl),
        // MapLibre's own labels (zoom buttons, canvas name) in the visitor's language.
        locale: { "NavigationControl.ZoomIn": t("zoomIn"), "NavigationControl.ZoomOut": t("zoomOut"), "Map.Title": label, "Popup.Close": tl("popup.close") },
      });
      // The markers' z-indexes (MAP_Z) order them among themselves only; the popup and the
      // controls, outside this layer, stay above every marker.
      map.getCanvasContainer().style.isolation = "isolate";
      map.addControl(new maplibre.NavigationControl({ showCompass: false }));
      map.addControl(new maplibre.ScaleControl({ unit: "metric", maxWidth: 100 }), "bottom-left");
      if (bounds) map.fitBounds(bounds, { padding: 30, animate: false, maxZoom: 17 });
      const m = map;
      // A raster base-map tile that fails (offline) is not a broken map: log, carry on.
      m.on("error", (e) => console.warn("land map:", e.error));
      m.on("load", () => {
        try {
          addContext(maplibre, m, locale, context);
          m.addSource(LAND_SOURCE, { type: "geojson", data: geojson });
          if (tiles) {
            // MapLibre fetches tiles in a worker, where a path alone does not resolve.
            m.addSource(LAND_TILES, landTileSource(tiles.startsWith("/") ? `${window.location.origin}${tiles}` : tiles));
            for (const layer of tiledLandLayers()) m.addLayer(layer);
          } else for (const layer of landLayers(variant)) m.addLayer(layer);
          logisticsSwitch.current = addLogistics(maplibre, m, locale);
          for (const f of geojson.features) if (f.properties.kind === "point" && f.properties.label > 0) addMarker(maplibre, m, f as PointFeature);
          if (popupKey) {
            addHighlightLayer(m, Boolean(tiles));
            link = linkListAndMap(maplibre, m, markers, JSON.parse(popupKey) as Record<string, BlockPopup>, { open: tl("openBlock"), close: tl("popup.close") });
          }
          if (draw) drawer.current = new AreaDrawer(m, onArea, (mode, corners) => setDrawMode({ mode, corners }));
          setState({ kind: "ready", pointBlocks: geojson.pointBlocks ?? 0, hiddenBlocks: geojson.hiddenBlocks ?? 0 });
        } catch (error) {
          console.warn("land map unavailable:", error);
          setState({ kind: "failed" });
        }
      });
      // One handler for all clickable layers: where a dot lies over a parcel, one click opens
      // one page (the topmost feature), not one per layer.
      m.on("click", (e) => {
        // While an area is being drawn, a click is a corner, not a visit.
        if (drawer.current && drawer.current.mode !== "idle") return;
        const [hit] = m.queryRenderedFeatures(e.point, { layers: tiles ? TILED_CLICKABLE_LAYERS : CLICKABLE_LAYERS });
        // A cluster of blocks opens nothing: it zooms in to where it splits.
        const expand = Number(hit?.properties?.expand);
        if (hit?.geometry.type === "Point" && expand > 0) return m.easeTo({ center: hit.geometry.coordinates as [number, number], zoom: expand });
        const href = hrefOf(hit?.properties as { block?: string; code?: string } | undefined);
        if (href) router.push(href);
      });
      for (const id of tiles ? TILED_CLICKABLE_LAYERS : CLICKABLE_LAYERS) {
        m.on("mouseenter", id, () => (m.getCanvas().style.cursor = "pointer"));
        m.on("mouseleave", id, () => (m.getCanvas().style.cursor = ""));
      }
    };
    // The listed page's blocks get numbered markers, the same numbers as the list: real links,
    // so they are reachable by keyboard and open in a new tab with a modifier key. A click or a
    // tap opens the block's popup where there is one (its link opens the block); Enter on a
    // focused marker (a click with detail 0) opens the block as it always has.
    const addMarker = (maplibre: typeof import("maplibre-gl"), m: import("maplibre-gl").Map, f: PointFeature) => {
      const href = hrefOf(f.properties);
      if (!href) return;
      const a = document.createElement("a");
      a.href = href;
      a.textContent = String(f.properties.label);
      a.setAttribute("aria-label", t(to === "parcels" ? "markerParcel" : "marker", { n: f.properties.label }));
      a.className = "flex h-6 w-6 items-center justify-center rounded-full border-2 border-white bg-brand-700 text-xs font-bold text-white shadow";
      a.addEventListener("click", (e) => {
        // Without this the click also reaches the map and opens whatever lies under the marker.
        e.stopPropagation();
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        if (e.detail > 0 && link?.open(f.properties.block)) return;
        router.push(href);
      });
      a.style.zIndex = MAP_Z.marker;
      markers.set(f.properties.block, new maplibre.Marker({ element: a }).setLngLat(f.geometry.coordinates as [number, number]).addTo(m));
      // Marker gives role="button" to elements without a role; this one is a link.
      a.removeAttribute("role");
    };
    load().catch((error: unknown) => {
      // No WebGL, or the data request failed: the list/table on the page still has everything.
      if (!abort.signal.aborted) {
        console.warn("land map unavailable:", error);
        setState({ kind: "failed" });
      }
    });
    return () => {
      abort.abort();
      link?.destroy();
      drawer.current?.destroy();
      drawer.current = null;
      logisticsSwitch.current = null;
      map?.remove();
    };
  }, [data, variant, fitKey, to, locale, query, tileUrl, router, t, tl, label, popupKey, draw, pathname, tiles]);
  useEffect(() => logisticsSwitch.current?.(showLogistics), [showLogistics, state]);
  useEffect(() => {
    if (state.kind === "ready") drawer.current?.show(parseSearchArea(areaParam));
  }, [areaParam, state]);
  useEffect(() => {
    if (drawMode.mode === "idle") return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && drawer.current?.cancel();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawMode.mode]);
  if (state.kind === "nowebgl")
    return (
      <div data-testid="land-map" data-state="nowebgl">
        <p role="status" className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{unavailableNote ?? tl(fallback ? "noWebglPlan" : "noWebglList")}</p>
        {fallback}
      </div>
    );
  return (
    <div>
      {draw && state.kind === "ready" && (
        <AreaControls
          mode={drawMode.mode}
          corners={drawMode.corners}
          hasArea={Boolean(parseSearchArea(areaParam))}
          onStart={(mode) => drawer.current?.start(mode)}
          onFinish={() => drawer.current?.finish()}
          onCancel={() => drawer.current?.cancel()}
          onCentreCircle={(km) => drawer.current?.circleAtCentre(km)}
          clearHref={`${pathname}?${withSearchArea(searchParams.toString(), null)}`}
        />
      )}
      <div
        ref={container}
        role="region"
        aria-label={label}
        aria-busy={state.kind === "loading"}
        className="h-80 w-full overflow-hidden rounded-lg border border-stone-200 bg-stone-100 sm:h-96"
        data-testid="land-map"
        data-state={state.kind}
      />
      {state.kind === "ready" && <LogisticsLegend shown={showLogistics} onToggle={setShowLogistics} />}
      {state.kind === "failed" && <p role="status" className="mt-2 text-sm text-stone-600">{t("failed")}</p>}
      {state.kind === "loading" && <p className="mt-2 text-sm text-stone-500">{t("loading")}</p>}
      {state.kind === "ready" && tiles && <p className="mt-2 text-sm text-stone-600">{t("clusters")}</p>}
      {state.kind === "ready" && state.pointBlocks > 0 && <p className="mt-2 text-sm text-stone-600">{t("points", { count: state.pointBlocks })}</p>}
      {state.kind === "ready" && state.hiddenBlocks > 0 && <p className="mt-2 text-sm text-stone-600">{t("hidden", { count: state.hiddenBlocks })}</p>}
    </div>
  );
}
