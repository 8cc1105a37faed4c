"use client";

// The buttons above the search map for drawing the search area, and what to do next while
// drawing (said in a live region, so a screen reader hears it too).
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DrawMode } from "./area-drawer";

/** radii offered for the circle around the map's centre (no pointer needed) */
const CENTRE_RADII_KM = [2, 5, 10, 20];

interface Props {
  mode: DrawMode;
  corners: number;
  hasArea: boolean;
  onStart: (mode: "circle" | "polygon") => void;
  onFinish: () => void;
  onCancel: () => void;
  onCentreCircle: (radiusKm: number) => void;
  clearHref: string;
}

const BUTTON = "rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50";

export function AreaControls({ mode, corners, hasArea, onStart, onFinish, onCancel, onCentreCircle, clearHref }: Props) {
  const t = useTranslations("investor.location");
  const [radius, setRadius] = useState(5);
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2" data-testid="area-controls">
      {mode === "idle" ? (
        <>
          <button type="button" className={BUTTON} onClick={() => onStart("circle")}>{t("drawCircle")}</button>
          <button type="button" className={BUTTON} onClick={() => onStart("polygon")}>{t("drawPolygon")}</button>
          <span className="inline-flex items-center gap-1 text-sm">
            <label htmlFor="centre-radius" className="sr-only">{t("centreRadius")}</label>
            <select id="centre-radius" value={radius} onChange={(e) => setRadius(Number(e.target.value))} className="rounded-md border border-stone-300 px-1 py-1 text-sm">
              {CENTRE_RADII_KM.map((r) => (
                <option key={r} value={r}>{t("radiusKm", { km: r })}</option>
              ))}
            </select>
            <button type="button" className={BUTTON} onClick={() => onCentreCircle(radius)}>{t("centreCircle")}</button>
          </span>
          {hasArea && <a href={clearHref} className="text-sm text-brand-700 underline" data-testid="area-clear">{t("clearArea")}</a>}
        </>
      ) : (
        <>
          {mode === "polygon" && (
            <button type="button" className={BUTTON} onClick={onFinish} disabled={corners < 3}>{t("finish")}</button>
          )}
          <button type="button" className={BUTTON} onClick={onCancel}>{t("cancel")}</button>
        </>
      )}
      <p role="status" className="w-full text-xs text-stone-600 sm:w-auto">
        {mode === "circle" ? t("circleHelp") : mode === "polygon" ? t("polygonHelp", { count: corners }) : hasArea ? t("areaActive") : ""}
      </p>
    </div>
  );
}
