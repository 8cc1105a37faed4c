"use client";

// The buttons above the search map for drawing the search area, and what to do next while
// drawing (said in a live region, so a screen reader hears it too).
import { useTranslations } from "next-intl";
import type { DrawMode } from "./area-drawer";

interface Props {
  mode: DrawMode;
  corners: number;
  hasArea: boolean;
  onStart: (mode: "circle" | "polygon") => void;
  onFinish: () => void;
  onCancel: () => void;
  clearHref: string;
}

const BUTTON = "rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50";

export function AreaControls({ mode, corners, hasArea, onStart, onFinish, onCancel, clearHref }: Props) {
  const t = useTranslations("investor.location");
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2" data-testid="area-controls">
      {mode === "idle" ? (
        <>
          <button type="button" className={BUTTON} onClick={() => onStart("circle")}>{t("drawCircle")}</button>
          <button type="button" className={BUTTON} onClick={() => onStart("polygon")}>{t("drawPolygon")}</button>
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
