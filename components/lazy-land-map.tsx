"use client";

// The land map, loaded only once the page is usable: MapLibre (~1 MB of JavaScript, a WebGL
// context, a worker) evaluated during hydration blocked the search page's list and filters
// (Lighthouse: 570 ms of total blocking time). Until the map is wanted this renders a
// placeholder of exactly the map's loading layout (same box, same note), so nothing below it
// moves when the map arrives. The map is wanted when its box comes into view (or is in view
// from the start), and then only when the browser is idle. LandMap itself, with its no-WebGL
// fallback, is unchanged: this only decides when its code is fetched and run.
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState, type ComponentType, type Ref } from "react";
import { AREA_PARAM, parseSearchArea } from "@/lib/map/area";
import type { LandMapProps } from "./land-map";
import { AreaControls } from "./location/area-controls";

function MapPlaceholder({ label, loading, draw, ref }: { label: string; loading: string; draw?: boolean; ref: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} data-testid="land-map-placeholder">
      {draw && (
        <div aria-hidden inert className="invisible">
          <ControlsCopy />
        </div>
      )}
      {/* The classes of LandMap's own map box (components/land-map.tsx): the same reserved size. */}
      <div role="region" aria-label={label} aria-busy="true" className="h-80 w-full overflow-hidden rounded-lg border border-stone-200 bg-stone-100 sm:h-96" />
      <p className="mt-2 text-sm text-stone-500">{loading}</p>
    </div>
  );
}

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** Runs `fn` when the main thread is idle (at the latest after `timeout` ms); returns a cancel. */
function whenIdle(fn: () => void, timeout: number): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(fn, { timeout });
    return () => w.cancelIdleCallback!(id);
  }
  const id = window.setTimeout(fn, 200);
  return () => window.clearTimeout(id);
}

const noop = () => {};

/** LandMap's draw buttons, for their size only: never seen, never used (see ReservedControls). */
function ControlsCopy() {
  const searchParams = useSearchParams();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Never found by id or test id in place of the real buttons.
    for (const c of ref.current?.querySelectorAll("[id], [for], [data-testid]") ?? []) ["id", "for", "data-testid"].forEach((a) => c.removeAttribute(a));
  }, []);
  return (
    <div ref={ref} className="contents">
      <AreaControls mode="idle" corners={0} hasArea={Boolean(parseSearchArea(searchParams.get(AREA_PARAM)))} onStart={noop} onFinish={noop} onCancel={noop} onCentreCircle={noop} clearHref="#" />
    </div>
  );
}

/**
 * Where the map can draw an area, LandMap shows its draw buttons at the top of its box once it
 * is ready, which pushed the map and the list down (CLS 0.11 on a phone). Their row is kept:
 * in the placeholder (server-rendered) by an invisible copy of the same buttons, so the same
 * height at any width and in either language; then, while LandMap loads, by padding on its
 * element as tall as a copy in a zero-height box here. Padding and real buttons swap in one
 * frame (a MutationObserver runs before the paint): neither the map nor anything below moves.
 */
function ReservedControls() {
  const ref = useRef<HTMLDivElement>(null);
  const [gone, setGone] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.parentElement;
    if (!el || !parent || gone) return;
    const mapState = (next: Element | null) => (next?.matches("[data-testid=land-map]") ? next : next?.querySelector(":scope > [data-testid=land-map]"))?.getAttribute("data-state");
    const apply = () => {
      const next = el.nextElementSibling as HTMLElement | null;
      if (!next) return;
      const state = mapState(next);
      if (state && state !== "loading") {
        next.style.paddingTop = "";
        setGone(true);
        return;
      }
      const copy = el.querySelector<HTMLElement>(":scope > div > *");
      const height = copy ? copy.offsetHeight + parseFloat(getComputedStyle(copy).marginBottom) : 0;
      next.style.paddingTop = `${height}px`;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(parent, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state"] });
    window.addEventListener("resize", apply);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", apply);
    };
  }, [gone]);
  if (gone) return null;
  return (
    <div ref={ref} aria-hidden inert className="invisible h-0 overflow-hidden" data-testid="reserved-area-controls">
      <ControlsCopy />
    </div>
  );
}

export function LazyLandMap(props: LandMapProps) {
  const t = useTranslations("map");
  // The map component once its chunk has arrived: rendered in place of the placeholder in one
  // commit (a plain import(), not next/dynamic, whose Suspense would show an empty fallback
  // for a frame and shift the list).
  const [Loaded, setLoaded] = useState<ComponentType<LandMapProps> | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || Loaded) return;
    let cancelled = false;
    let cancel = () => {};
    const load = () => {
      import("./land-map")
        .then((m) => !cancelled && setLoaded(() => m.LandMap))
        .catch((error: unknown) => console.warn("land map unavailable:", error));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        cancel = whenIdle(load, 2_000);
      },
      // A little ahead of the viewport, so a visitor scrolling down meets a map already drawing.
      { rootMargin: "200px 0px" },
    );
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
      cancel();
    };
  }, [Loaded]);
  return (
    <>
      {props.draw && Loaded && <ReservedControls />}
      {Loaded ? <Loaded {...props} /> : <MapPlaceholder ref={box} label={props.label} loading={t("loading")} draw={props.draw} />}
    </>
  );
}
