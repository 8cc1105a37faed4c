// The search's map and list work together: pointing at (or tabbing to) a result card lights up
// its block on the map, and pointing at a block on the map (its marker or its parcels) lights
// up its card. A click or tap on a marker (or reaching it with Tab) opens its popup naming the
// block (map-popup.ts): hover alone never does, since a phone has none and a popup that follows
// the pointer hides the markers next to it. Cards are found by the `data-key` they already
// carry (search/block-card.tsx), so the list needs no client code of its own.
import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { LAND_SOURCE, LAND_TILES, MAP_Z } from "@/lib/map/style";
import { PARCEL_LAYER } from "@/lib/map/tile-math";
import { spreadOffsets } from "@/lib/map/spread";
import { MarkerPopup, type BlockPopup, type PopupText } from "./map-popup";

export type { BlockPopup } from "./map-popup";

type MapLibre = typeof import("maplibre-gl");

const CARD_ON = ["ring-2", "ring-brand-600", "bg-brand-50"];
// No scale: a CSS `scale` multiplies the translate MapLibre positions the marker with, and moved it.
const MARKER_ON = ["ring-4", "ring-amber-400"];

export interface ListMapLink {
  /** opens the block's popup; false when the block has none (the caller then opens the block) */
  open(key: string): boolean;
  destroy(): void;
}

/** `tiled`: the parcels come from the vector tiles (LAND_TILES), not the GeoJSON source. */
export function addHighlightLayer(map: MapLibreMap, tiled = false) {
  map.addLayer({
    id: "land-highlight",
    type: "line",
    ...(tiled ? { source: LAND_TILES, "source-layer": PARCEL_LAYER } : { source: LAND_SOURCE }),
    filter: ["all", ["==", ["get", "kind"], "parcel"], ["==", ["get", "block"], "\u0000"]],
    paint: { "line-color": "#f59e0b", "line-width": 3 },
  });
}

export function linkListAndMap(maplibre: MapLibre, map: MapLibreMap, markerObjects: Map<string, Marker>, popups: Record<string, BlockPopup>, text: PopupText): ListMapLink {
  const markers = new Map([...markerObjects].map(([k, m]) => [k, m.getElement() as HTMLAnchorElement]));
  let current = "";
  const popup = new MarkerPopup(maplibre, map, text);
  const card = (key: string) => document.querySelector<HTMLElement>(`[data-testid=block-result][data-key="${CSS.escape(key)}"]`);
  const mark = (key: string, on: boolean) => {
    for (const c of CARD_ON) card(key)?.classList.toggle(c, on);
    const marker = markers.get(key);
    if (!marker) return;
    for (const c of MARKER_ON) marker.classList.toggle(c, on);
    marker.style.zIndex = on ? MAP_Z.markerOn : MAP_Z.marker;
    marker.dataset.highlighted = String(on);
  };
  /** Lights up one block (its card, marker and parcels), or none with "". */
  const highlight = (key: string) => {
    if (key === current) return;
    if (current) mark(current, false);
    current = key;
    map.setFilter("land-highlight", ["all", ["==", ["get", "kind"], "parcel"], ["==", ["get", "block"], key || "\u0000"]]);
    if (key) mark(key, true);
  };
  const open = (key: string) => {
    const info = popups[key];
    const marker = markerObjects.get(key);
    if (!info || !marker) return false;
    highlight(key);
    popup.open(key, info, marker);
    return true;
  };
  for (const [key, m] of markers) {
    m.dataset.highlighted = "false";
    m.dataset.markerKey = key;
    m.style.zIndex = MAP_Z.marker;
  }
  // List -> map
  const fromList = (e: Event) => {
    const li = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-testid=block-result][data-key]");
    if (li?.dataset.key && markers.has(li.dataset.key)) highlight(li.dataset.key);
  };
  const leaveList = (e: Event) => {
    const li = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-testid=block-result][data-key]");
    const to = (e as MouseEvent | FocusEvent).relatedTarget as Node | null;
    if (li && !(to && li.contains(to)) && current === li.dataset.key) highlight("");
  };
  document.addEventListener("mouseover", fromList);
  document.addEventListener("focusin", fromList);
  document.addEventListener("mouseout", leaveList);
  document.addEventListener("focusout", leaveList);
  // Map -> list: markers, then the parcels themselves. Leaving lets go of the highlight; an
  // open popup stays (its link must be reachable by the pointer that just left the marker).
  for (const [key, m] of markers) {
    const off = () => current === key && highlight("");
    m.addEventListener("mouseenter", () => highlight(key));
    // Keyboard as before: reaching a marker with Tab opens its popup (Enter opens the block).
    m.addEventListener("focus", () => (popup.refocusing ? highlight(key) : open(key)));
    m.addEventListener("mouseleave", off);
    m.addEventListener("blur", off);
  }
  const onParcel = (e: { features?: { properties?: unknown }[] }) => {
    const key = (e.features?.[0]?.properties as { block?: string } | undefined)?.block;
    if (key && markers.has(key)) highlight(key);
  };
  const offParcel = () => highlight("");
  map.on("mousemove", "land-fill", onParcel);
  map.on("mouseleave", "land-fill", offParcel);
  // Spread numbered markers that overlap at this zoom.
  const spread = () => {
    const pts = [...markerObjects].map(([id, m]) => {
      const p = map.project(m.getLngLat());
      return { id, x: p.x, y: p.y };
    });
    for (const [id, offset] of spreadOffsets(pts)) markerObjects.get(id)!.setOffset(offset);
  };
  spread();
  map.on("zoomend", spread);
  return {
    open,
    destroy: () => {
      document.removeEventListener("mouseover", fromList);
      document.removeEventListener("focusin", fromList);
      document.removeEventListener("mouseout", leaveList);
      document.removeEventListener("focusout", leaveList);
      map.off("mousemove", "land-fill", onParcel);
      map.off("mouseleave", "land-fill", offParcel);
      map.off("zoomend", spread);
      popup.destroy();
      highlight("");
    },
  };
}
