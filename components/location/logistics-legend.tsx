"use client";

// The logistics layer's key under the map, with the switch that shows or hides its symbols.
import { useLocale, useTranslations } from "next-intl";
import { LOGISTICS_KINDS } from "@/lib/location/distance";
import { LOGISTICS_SHAPE_CLASS, LOGISTICS_STYLE } from "@/lib/map/context/layers";

export function LogisticsLegend({ shown, onToggle }: { shown: boolean; onToggle: (shown: boolean) => void }) {
  const t = useTranslations("investor.location");
  const locale = useLocale();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-600" data-testid="logistics-legend">
      <label className="inline-flex items-center gap-1 font-medium">
        <input type="checkbox" checked={shown} onChange={(e) => onToggle(e.target.checked)} data-testid="logistics-toggle" />
        {t("showLogistics")}
      </label>
      {LOGISTICS_KINDS.map((k) => {
        const s = LOGISTICS_STYLE[k];
        return (
          <span key={k} className="inline-flex items-center gap-1">
            <span aria-hidden className={`inline-flex h-3.5 w-3.5 items-center justify-center text-[8px] font-bold text-white ${LOGISTICS_SHAPE_CLASS[s.shape]}`} style={{ background: s.colour }}>
              <span className={s.shape === "diamond" ? "-rotate-45" : ""}>{locale === "zh" ? s.zh : s.en}</span>
            </span>
            {t(`kind.${k}`)}
          </span>
        );
      })}
      <span className="basis-full text-stone-500">{t("contextNote")}</span>
    </div>
  );
}
