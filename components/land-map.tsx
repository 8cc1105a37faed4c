"use client";

// Land on a map drawn from our own parcel GeoJSON with MapLibre GL (WebGL: smooth with
// thousands of polygons, see `npm run bench`). Works with no tile server and no internet: the
// base is a plain background unless MAP_TILE_URL is set. Pages always render the same land as
// a list or table too, for screen readers and for browsers without WebGL.
import "maplibre-gl/dist/maplibre-gl.css";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LandFeatureCollection } from "@/lib/map/features";
import { baseStyle, CLICKABLE_LAYERS, LAND_SOURCE, landLayers } from "@/lib/map/style";

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
}

type State = { kind: "loading" } | { kind: "ready"; pointBlocks: number } | { kind: "failed" };

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

export function LandMap({ data, variant, fitTo, links, tileUrl, label }: LandMapProps) {
  const t = useTranslations("map");
  const locale = useLocale();
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: "loading" });
  // Props arrive as fresh objects on every render; the map depends on their content only.
  const fitKey = fitTo?.join(",");
  const { to, query } = links;
  useEffect(() => {
    let map: import("maplibre-gl").Map | undefined;
    const abort = new AbortController();
    const hrefOf = (p: { block?: string; code?: string } | undefined) => {
      const target = to === "blocks" ? p?.block : p?.code;
      return target ? `/${locale}/${to}/${encodeURIComponent(target)}${query ? `?${query}` : ""}` : null;
    };
    const load = async () => {
      const geojson: LandFeatureCollection =
        typeof data === "string" ? await fetch(data, { signal: abort.signal }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`)))) : data;
      // Loaded on the client only: the library needs a browser and is large.
      const { default: maplibre } = await import("maplibre-gl");
      if (abort.signal.aborted || !container.current) return;
      const bounds = fitKey ? (fitKey.split(",").map(Number) as [number, number, number, number]) : boundsOf(geojson);
      // MapLibre's own labels (canvas, zoom buttons) in the page's language, not its English defaults.
      const labels = { "Map.Title": t("title"), "NavigationControl.ZoomIn": t("zoomIn"), "NavigationControl.ZoomOut": t("zoomOut") };
      map = new maplibre.Map({ container: container.current, attributionControl: false, style: baseStyle(tileUrl), locale: labels });
      map.addControl(new maplibre.NavigationControl({ showCompass: false }));
      if (bounds) map.fitBounds(bounds, { padding: 30, animate: false, maxZoom: 17 });
      const m = map;
      m.on("load", () => {
        m.addSource(LAND_SOURCE, { type: "geojson", data: geojson });
        for (const layer of landLayers(variant)) m.addLayer(layer);
        // The listed page's blocks get numbered markers, the same numbers as the list: links,
        // so they are reachable by keyboard too.
        for (const f of geojson.features) {
          const p = f.properties;
          if (p.kind !== "point" || p.label === 0) continue;
          const href = hrefOf(p);
          if (!href) continue;
          const a = document.createElement("a");
          a.href = href;
          a.textContent = String(p.label);
          a.setAttribute("aria-label", t("marker", { n: p.label }));
          a.className = "flex h-6 w-6 items-center justify-center rounded-full border-2 border-white bg-brand-700 text-xs font-bold text-white shadow";
          a.addEventListener("click", (e) => {
            e.preventDefault();
            router.push(href);
          });
          new maplibre.Marker({ element: a }).setLngLat(f.geometry.coordinates as [number, number]).addTo(m);
        }
        setState({ kind: "ready", pointBlocks: geojson.pointBlocks ?? 0 });
      });
      for (const id of CLICKABLE_LAYERS) {
        m.on("click", id, (e) => {
          const href = hrefOf(e.features?.[0]?.properties as { block?: string; code?: string } | undefined);
          if (href) router.push(href);
        });
        m.on("mouseenter", id, () => (m.getCanvas().style.cursor = "pointer"));
        m.on("mouseleave", id, () => (m.getCanvas().style.cursor = ""));
      }
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
      map?.remove();
    };
  }, [data, variant, fitKey, to, locale, query, tileUrl, router, t]);
  return (
    <div>
      <div
        ref={container}
        role="region"
        aria-label={label}
        aria-busy={state.kind === "loading"}
        className="h-80 w-full overflow-hidden rounded-lg border border-stone-200 bg-stone-100 sm:h-96"
        data-testid="land-map"
        data-state={state.kind}
      />
      {state.kind === "failed" && <p role="status" className="mt-2 text-sm text-stone-600">{t("failed")}</p>}
      {state.kind === "loading" && <p className="mt-2 text-sm text-stone-500">{t("loading")}</p>}
      {state.kind === "ready" && state.pointBlocks > 0 && <p className="mt-2 text-sm text-stone-600">{t("points", { count: state.pointBlocks })}</p>}
    </div>
  );
}
