// The popup of a result marker on the search map: the block's size, its park(s) and a link to
// the block. Opened by a click or a tap on the marker (phones have no hover) and by reaching the
// marker with Tab; one at a time; closed by its close button, Escape, a click elsewhere on the
// map, or opening another. Drawn above every marker and label (MAP_Z in lib/map/style.ts).
import type { Map as MapLibreMap, Marker, Popup } from "maplibre-gl";

type MapLibre = typeof import("maplibre-gl");

export interface BlockPopup {
  title: string;
  subtitle: string;
}

export interface PopupText {
  open: string;
  close: string;
}

export class MarkerPopup {
  private popup: Popup | null = null;
  private key = "";
  /** true while Escape hands the focus back to the marker: that focus must not reopen it */
  refocusing = false;

  constructor(
    private readonly maplibre: MapLibre,
    private readonly map: MapLibreMap,
    private readonly text: PopupText,
    private readonly onChange: (key: string) => void = () => {},
  ) {
    document.addEventListener("keydown", this.onKey);
  }

  /** The block whose popup is open ("" when none). */
  get openKey(): string {
    return this.key;
  }

  open(key: string, info: BlockPopup, marker: Marker): void {
    if (this.key === key && this.popup?.isOpen()) return;
    this.close();
    const el = marker.getElement();
    const box = document.createElement("div");
    box.dataset.testid = "map-popup";
    box.dataset.key = key;
    const title = document.createElement("p");
    title.className = "pr-5 font-semibold";
    title.textContent = info.title;
    const sub = document.createElement("p");
    sub.className = "text-xs text-stone-600";
    sub.textContent = info.subtitle;
    const link = document.createElement("a");
    link.setAttribute("href", el.getAttribute("href") ?? "");
    link.className = "mt-1 inline-block text-sm text-brand-700 underline";
    link.textContent = this.text.open;
    box.append(title, sub, link);
    const { x: dx, y: dy } = marker.getOffset();
    // focusAfterOpen off: a marker reached by Tab keeps the focus (Enter opens the block), and a
    // tap does not scroll a phone's page to the popup's close button.
    const popup = new this.maplibre.Popup({ closeButton: true, closeOnClick: true, focusAfterOpen: false, offset: [dx, dy - 14], maxWidth: "16rem" })
      .setLngLat(marker.getLngLat())
      .setDOMContent(box)
      .addTo(this.map);
    const button = popup.getElement().querySelector<HTMLButtonElement>(".maplibregl-popup-close-button");
    if (button) {
      button.setAttribute("aria-label", this.text.close);
      button.title = this.text.close;
      button.dataset.testid = "map-popup-close";
    }
    el.setAttribute("aria-expanded", "true");
    popup.on("close", () => {
      el.setAttribute("aria-expanded", "false");
      if (this.popup !== popup) return;
      this.popup = null;
      this.key = "";
      this.onChange("");
    });
    this.popup = popup;
    this.key = key;
    this.onChange(key);
  }

  close(): void {
    this.popup?.remove();
  }

  destroy(): void {
    document.removeEventListener("keydown", this.onKey);
    this.close();
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !this.popup) return;
    // Focus inside the popup would be lost with it: hand it back to the marker.
    const inside = this.popup.getElement().contains(document.activeElement);
    const marker = document.querySelector<HTMLElement>(`[data-marker-key="${CSS.escape(this.key)}"]`);
    this.close();
    if (inside && marker) {
      this.refocusing = true;
      marker.focus({ preventScroll: true });
      this.refocusing = false;
    }
  };
}
