// The search's map and list work together: pointing at (or tabbing to) a result card lights up
// its block on the map, and pointing at a block on the map (its marker or its parcels) lights
// up its card, with a popup naming the block. Cards are found by the `data-key` they already
// carry (search/block-card.tsx), so the list needs no client code of its own.
import type { Map as MapLibreMap, Marker, Popup } from "maplibre-gl";
import { LAND_SOURCE } from "@/lib/map/style";
import { spreadOffsets } from "@/lib/map/spread";

type MapLibre = typeof import("maplibre-gl");

export interface BlockPopup {
  title: string;
  subtitle: string;
}

const CARD_ON = ["ring-2", "ring-brand-600", "bg-brand-50"];
// No scale: a CSS `scale` multiplies the translate MapLibre positions the marker with, and moved it.
const MARKER_ON = ["ring-4", "ring-amber-400", "z-10"];

export function addHighlightLayer(map: MapLibreMap) {
  map.addLayer({
    id: "land-highlight",
    type: "line",
    source: LAND_SOURCE,
    filter: ["all", ["==", ["get", "kind"], "parcel"], ["==", ["get", "block"], "\u0000"]],
    paint: { "line-color": "#f59e0b", "line-width": 3 },
  });
}

export function linkListAndMap(
  maplibre: MapLibre,
  map: MapLibreMap,
  markerObjects: Map<string, Marker>,
  popups: Record<string, BlockPopup>,
  openLabel: string,
): () => void {
  const markers = new Map([...markerObjects].map(([k, m]) => [k, m.getElement() as HTMLAnchorElement]));
  let current = "";
  let popup: Popup | null = null;
  const card = (key: string) => document.querySelector<HTMLElement>(`[data-testid=block-result][data-key="${CSS.escape(key)}"]`);
  const set = (key: string, from: "list" | "map") => {
    if (key === current) return;
    if (current) {
      card(current)?.classList.remove(...CARD_ON);
      markers.get(current)?.classList.remove(...MARKER_ON);
      const old = markers.get(current);
      if (old) old.dataset.highlighted = "false";
    }
    popup?.remove();
    popup = null;
    current = key;
    map.setFilter("land-highlight", ["all", ["==", ["get", "kind"], "parcel"], ["==", ["get", "block"], key || "\u0000"]]);
    if (!key) return;
    card(key)?.classList.add(...CARD_ON);
    const marker = markers.get(key);
    marker?.classList.add(...MARKER_ON);
    if (marker) marker.dataset.highlighted = "true";
    const info = popups[key];
    // The popup comes with a pointer on the map (or a focused marker), not with the list: the
    // list already says all of it where the visitor is looking.
    if (from === "map" && info && marker) {
      const box = document.createElement("div");
      box.dataset.testid = "map-popup";
      const title = document.createElement("p");
      title.className = "font-semibold";
      title.textContent = info.title;
      const sub = document.createElement("p");
      sub.className = "text-xs text-stone-600";
      sub.textContent = info.subtitle;
      const link = document.createElement("a");
      link.setAttribute("href", marker.getAttribute("href") ?? "");
      link.className = "mt-1 inline-block text-sm text-brand-700 underline";
      link.textContent = openLabel;
      box.append(title, sub, link);
      const m = markerObjects.get(key)!;
      const { x: dx, y: dy } = m.getOffset();
      // focusAfterOpen off: a marker reached by Tab keeps the focus (Enter opens the block).
      popup = new maplibre.Popup({ closeButton: false, focusAfterOpen: false, offset: [dx, dy - 14], maxWidth: "16rem" }).setLngLat(m.getLngLat()).setDOMContent(box).addTo(map);
    }
  };
  for (const m of markers.values()) m.dataset.highlighted = "false";
  // List -> map
  const fromList = (e: Event) => {
    const li = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-testid=block-result][data-key]");
    if (li?.dataset.key && markers.has(li.dataset.key)) set(li.dataset.key, "list");
  };
  const leaveList = (e: Event) => {
    const li = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-testid=block-result][data-key]");
    const to = (e as MouseEvent | FocusEvent).relatedTarget as Node | null;
    if (li && !(to && li.contains(to)) && current === li.dataset.key) set("", "list");
  };
  document.addEventListener("mouseover", fromList);
  document.addEventListener("focusin", fromList);
  document.addEventListener("mouseout", leaveList);
  document.addEventListener("focusout", leaveList);
  // Map -> list: markers, then the parcels themselves.
  for (const [key, m] of markers) {
    const on = () => set(key, "map");
    // Leaving the marker lets go of the card; the popup stays (its link must be reachable by
    // the pointer that just left the marker) until another block is pointed at.
    const off = () => {
      if (current !== key) return;
      m.dataset.highlighted = "false";
      card(key)?.classList.remove(...CARD_ON);
      m.classList.remove(...MARKER_ON);
      map.setFilter("land-highlight", ["all", ["==", ["get", "kind"], "parcel"], ["==", ["get", "block"], "\u0000"]]);
      current = "";
    };
    m.addEventListener("mouseenter", on);
    m.addEventListener("focus", on);
    m.addEventListener("mouseleave", off);
    m.addEventListener("blur", off);
  }
  map.on("mousemove", "land-fill", (e) => {
    const key = (e.features?.[0]?.properties as { block?: string } | undefined)?.block;
    if (key && markers.has(key)) set(key, "map");
  });
  map.on("mouseleave", "land-fill", () => set("", "map"));
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
  return () => {
    document.removeEventListener("mouseover", fromList);
    document.removeEventListener("focusin", fromList);
    document.removeEventListener("mouseout", leaveList);
    document.removeEventListener("focusout", leaveList);
    set("", "list");
  };
}
