// Drawing the search area on the map: a circle (click the centre, click the edge) or a polygon
// (click the corners, then click the first corner or "finish"). Written here rather than taken
// from terra-draw (well kept, but ~250 KB, and its circle keeps no centre, which the URL format
// needs) or maplibre-gl-draw (a Mapbox GL Draw fork with no circle mode): two modes on one
// GeoJSON source are all the search needs.
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import type { Feature, FeatureCollection } from "geojson";
import { distanceKm } from "@/lib/location/distance";
import { areaRing, MAX_RADIUS_KM, MAX_VERTICES, MIN_VERTICES, type SearchArea } from "@/lib/map/area";

export const AREA_SOURCE = "search-area";
export type DrawMode = "idle" | "circle" | "polygon";

/** a click this close (px) to the first corner closes the polygon */
const CLOSE_PX = 12;
/** circles smaller than this are a slip of the mouse, not an area */
const MIN_RADIUS_KM = 0.1;

export class AreaDrawer {
  mode: DrawMode = "idle";
  private points: [number, number][] = [];
  private shown: SearchArea | null = null;

  constructor(
    private map: MapLibreMap,
    private onDone: (area: SearchArea) => void,
    private onMode: (mode: DrawMode, corners: number) => void,
  ) {
    map.addSource(AREA_SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    map.addLayer({ id: "area-fill", type: "fill", source: AREA_SOURCE, filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": "#0b604a", "fill-opacity": 0.08 } });
    map.addLayer({ id: "area-line", type: "line", source: AREA_SOURCE, filter: ["!=", ["geometry-type"], "Point"], paint: { "line-color": "#0b604a", "line-width": 2, "line-dasharray": [2, 1] } });
    map.addLayer({ id: "area-corners", type: "circle", source: AREA_SOURCE, filter: ["==", ["geometry-type"], "Point"], paint: { "circle-radius": 4, "circle-color": "#fff", "circle-stroke-color": "#0b604a", "circle-stroke-width": 2 } });
    map.on("click", this.click);
    map.on("mousemove", this.move);
  }

  /** The area the search has now (from the URL), drawn while nothing new is being drawn. */
  show(area: SearchArea | null) {
    this.shown = area;
    if (this.mode === "idle") this.render(area ? [ring(area)] : []);
  }

  start(mode: "circle" | "polygon") {
    this.mode = mode;
    this.points = [];
    this.map.doubleClickZoom.disable();
    this.map.getCanvas().style.cursor = "crosshair";
    this.markersTakeClicks(false);
    this.render([]);
    this.onMode(mode, 0);
  }

  cancel() {
    this.stop();
    this.show(this.shown);
  }

  /** The keyboard's way: a circle of `radiusKm` around the map's centre (pan with the arrow keys first). */
  circleAtCentre(radiusKm: number) {
    const c = this.map.getCenter();
    this.done({ kind: "circle", center: [c.lng, c.lat], radiusKm });
  }

  /** Closes the polygon drawn so far (the "finish" button). */
  finish() {
    if (this.mode === "polygon" && this.points.length >= MIN_VERTICES) this.done({ kind: "polygon", vertices: [...this.points] });
  }

  private stop() {
    this.mode = "idle";
    this.points = [];
    this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = "";
    this.markersTakeClicks(true);
    this.onMode("idle", 0);
  }

  private done(area: SearchArea) {
    this.stop();
    this.render([ring(area)]);
    this.onDone(area);
  }

  /** While drawing, a tap on a numbered marker or a symbol is a corner, not a link. */
  private markersTakeClicks(on: boolean) {
    for (const el of this.map.getContainer().querySelectorAll<HTMLElement>(".maplibregl-marker")) el.style.pointerEvents = on ? "" : "none";
  }

  private click = (e: MapMouseEvent) => {
    if (this.mode === "idle") return;
    const p: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (this.mode === "circle") {
      if (this.points.length === 0) {
        this.points = [p];
        this.preview(p);
        return;
      }
      const c = this.points[0]!;
      const radiusKm = distanceKm({ lng: c[0], lat: c[1] }, { lng: p[0], lat: p[1] });
      // The search takes circles up to MAX_RADIUS_KM: a wider drag is clamped, not refused.
      if (radiusKm >= MIN_RADIUS_KM) this.done({ kind: "circle", center: c, radiusKm: Math.min(radiusKm, MAX_RADIUS_KM) });
      return;
    }
    const first = this.points[0];
    if (first && this.points.length >= MIN_VERTICES) {
      const a = this.map.project(first);
      if (Math.hypot(a.x - e.point.x, a.y - e.point.y) <= CLOSE_PX) return this.finish();
    }
    this.points.push(p);
    this.onMode("polygon", this.points.length);
    if (this.points.length === MAX_VERTICES) this.finish();
    else this.preview(p);
  };

  private move = (e: MapMouseEvent) => {
    if (this.mode !== "idle" && this.points.length > 0) this.preview([e.lngLat.lng, e.lngLat.lat]);
  };

  /** The shape so far, with the pointer as its next point. */
  private preview(pointer: [number, number]) {
    const corners: Feature[] = this.points.map((c) => ({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: c } }));
    if (this.mode === "circle") {
      const c = this.points[0]!;
      const radiusKm = distanceKm({ lng: c[0], lat: c[1] }, { lng: pointer[0], lat: pointer[1] });
      this.render(radiusKm > 0 ? [ring({ kind: "circle", center: c, radiusKm }), ...corners] : corners);
    } else {
      const line: Feature = { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [...this.points, pointer] } };
      this.render([line, ...corners]);
    }
  }

  private render(features: Feature[]) {
    const data: FeatureCollection = { type: "FeatureCollection", features };
    (this.map.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(data);
  }

  destroy() {
    this.map.off("click", this.click);
    this.map.off("mousemove", this.move);
  }
}

function ring(area: SearchArea): Feature {
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [areaRing(area)] } };
}
