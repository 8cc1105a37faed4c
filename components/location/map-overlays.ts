// What the land maps draw around the land, offline: county lines and coastline (a GeoJSON
// asset, see scripts/context-geodata.ts), county/town labels and the logistics symbols. Labels
// and symbols are HTML markers, not MapLibre symbol layers: those need glyph files from a
// server, and HTML text uses the page's own fonts (Chinese included) with no request.
import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { logisticsPoints, type LogisticsPoint } from "@/lib/location/distance";
import { CONTEXT_SOURCE, contextLayers, LOGISTICS_SHAPE_CLASS, LOGISTICS_STYLE } from "@/lib/map/context/layers";
import { MAP_Z } from "@/lib/map/style";
import { labelsAt, type ContextCollection, type CountyProps, type MapLabel } from "@/lib/map/context/schema";

type MapLibre = typeof import("maplibre-gl");

const LABEL_CLASS: Record<MapLabel["kind"], string> = {
  county: "text-sm font-semibold tracking-wide text-stone-700",
  town: "text-xs font-medium text-stone-800",
  city: "text-xs italic text-stone-500",
};

/** County lines, coastline and labels; call before the land layers so they lie underneath. */
export function addContext(maplibre: MapLibre, map: MapLibreMap, locale: string, data: ContextCollection): void {
  map.addSource(CONTEXT_SOURCE, { type: "geojson", data });
  for (const layer of contextLayers()) map.addLayer(layer);
  const counties = data.features.filter((f) => f.properties.kind === "county").map((f) => f.properties as CountyProps);
  const shown = new Map<string, Marker>();
  const update = () => {
    const wanted = new Map(labelsAt(map.getZoom(), locale, counties).map((l) => [l.id, l]));
    for (const [id, marker] of shown)
      if (!wanted.has(id)) {
        marker.remove();
        shown.delete(id);
      }
    for (const [id, label] of wanted) {
      if (shown.has(id)) continue;
      const el = document.createElement("span");
      el.textContent = label.text;
      el.dataset.testid = "map-label";
      el.dataset.kind = label.kind;
      // Labels never take a click meant for a parcel or a marker below them.
      el.className = `pointer-events-none whitespace-nowrap select-none [text-shadow:0_0_3px_#fff,0_0_3px_#fff] ${LABEL_CLASS[label.kind]}`;
      el.setAttribute("aria-hidden", "true");
      // Under every symbol and marker, however late it is added (see MAP_Z).
      el.style.zIndex = MAP_Z.label;
      shown.set(id, new maplibre.Marker({ element: el }).setLngLat([label.lng, label.lat]).addTo(map));
      // Marker names every element "Map marker" as a button; a label is text, hidden from
      // screen readers (the page says where the land is in words).
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
  };
  update();
  map.on("zoomend", update);
}

/** The context asset, in a chunk of its own: loaded only where a map is drawn. */
export async function loadContext(): Promise<ContextCollection> {
  const mod = (await import("@/lib/map/context/jiangmen-context.json")) as unknown as { default: ContextCollection };
  return mod.default;
}

/** The logistics symbols; returns a switch that shows or hides them all. */
export function addLogistics(maplibre: MapLibre, map: MapLibreMap, locale: string, points: readonly LogisticsPoint[] = logisticsPoints): (visible: boolean) => void {
  const elements: HTMLElement[] = [];
  for (const p of points) {
    const style = LOGISTICS_STYLE[p.kind];
    const name = locale === "zh" ? p.nameZh : p.nameEn;
    const el = document.createElement("span");
    el.dataset.testid = "map-logistics";
    el.dataset.kind = p.kind;
    el.dataset.id = p.id;
    el.title = name;
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", name);
    el.className = "pointer-events-auto flex items-center gap-1";
    const symbol = document.createElement("span");
    symbol.className = `flex h-4 w-4 items-center justify-center border border-white text-[9px] font-bold text-white shadow ${LOGISTICS_SHAPE_CLASS[style.shape]}`;
    symbol.style.background = style.colour;
    const letter = document.createElement("span");
    letter.textContent = locale === "zh" ? style.zh : style.en;
    if (style.shape === "diamond") letter.className = "-rotate-45";
    symbol.append(letter);
    const text = document.createElement("span");
    text.textContent = name;
    text.className = "logistics-name hidden max-w-40 truncate text-[10px] text-stone-700 [text-shadow:0_0_3px_#fff,0_0_3px_#fff]";
    el.append(symbol, text);
    el.style.zIndex = MAP_Z.logistics;
    elements.push(el);
    new maplibre.Marker({ element: el, anchor: "left", offset: [-8, 0] }).setLngLat([p.lng, p.lat]).addTo(map);
  }
  // Names next to the symbols only once the map is close enough for them not to pile up.
  const names = () => {
    const on = map.getZoom() >= 10;
    for (const el of elements) el.querySelector(".logistics-name")?.classList.toggle("hidden", !on);
  };
  names();
  map.on("zoomend", names);
  return (visible) => {
    for (const el of elements) el.style.display = visible ? "" : "none";
  };
}
