"use client";

// Search results on a map drawn from our own parcel GeoJSON with MapLibre GL (WebGL: smooth
// with thousands of polygons). No tile server is needed: the base is a plain background, and a
// raster base map is added only when MAP_TILE_URL is configured.
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import type { FeatureCollection, Polygon } from "geojson";

export interface LandMapProps {
  features: FeatureCollection<Polygon, { code: string; block: string; href: string; colour: string }>;
  tileUrl?: string;
  label: string;
}

export function LandMap({ features, tileUrl, label }: LandMapProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let map: import("maplibre-gl").Map | undefined;
    let cancelled = false;
    // Loaded on the client only: the library needs a browser and is large.
    void import("maplibre-gl").then(({ default: maplibre }) => {
      if (cancelled || !container.current || features.features.length === 0) return;
      map = new maplibre.Map({
        container: container.current,
        attributionControl: false,
        style: {
          version: 8,
          sources: tileUrl ? { base: { type: "raster", tiles: [tileUrl], tileSize: 256 } } : {},
          layers: [
            { id: "background", type: "background", paint: { "background-color": "#f5f5f4" } },
            ...(tileUrl ? [{ id: "base", type: "raster" as const, source: "base" }] : []),
          ],
        },
      });
      map.addControl(new maplibre.NavigationControl({ showCompass: false }));
      const bounds = new maplibre.LngLatBounds();
      for (const f of features.features) for (const [lng, lat] of f.geometry.coordinates[0]!) bounds.extend([lng!, lat!]);
      map.fitBounds(bounds, { padding: 30, animate: false });
      const m = map;
      m.on("load", () => {
        m.addSource("parcels", { type: "geojson", data: features });
        m.addLayer({ id: "parcels-fill", type: "fill", source: "parcels", paint: { "fill-color": ["get", "colour"], "fill-opacity": 0.75 } });
        m.addLayer({ id: "parcels-line", type: "line", source: "parcels", paint: { "line-color": "#0b604a", "line-width": 1 } });
        m.on("click", "parcels-fill", (e) => {
          const href = e.features?.[0]?.properties?.href;
          if (typeof href === "string") window.location.assign(href);
        });
        m.on("mouseenter", "parcels-fill", () => (m.getCanvas().style.cursor = "pointer"));
        m.on("mouseleave", "parcels-fill", () => (m.getCanvas().style.cursor = ""));
      });
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [features, tileUrl]);
  return <div ref={container} role="region" aria-label={label} className="h-80 w-full overflow-hidden rounded-lg border border-stone-200 sm:h-96" data-testid="land-map" />;
}
