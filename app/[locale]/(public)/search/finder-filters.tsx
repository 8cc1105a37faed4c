// The search form's second-round filters (capacities, distance to a logistics point, the drawn
// area), folded in a <details> so a phone sees the common filters first; it opens by itself when
// one of its fields is set or needs correcting. Part of the plain GET form (works without JS).
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LOGISTICS_KINDS } from "@/lib/location/distance";
import type { FieldErrors } from "@/lib/validation/field-errors";

export const FINDER_FIELDS = ["minPowerKva", "minWaterT", "minGasM3", "minWastewaterT", "near", "nearKm", "area"] as const;
const CAPACITY_FIELDS = ["minPowerKva", "minWaterT", "minGasM3", "minWastewaterT"] as const;

interface Props {
  value: (k: string) => string;
  errors: FieldErrors;
  error: (k: string) => ReactNode;
  fieldClass: string;
}

export async function FinderFilters({ value, errors, error, fieldClass }: Props) {
  const t = await getTranslations("investor.finder");
  const invalid = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `${k}-error` : undefined });
  const open = FINDER_FIELDS.some((k) => value(k) !== "" || errors[k]);
  return (
    <details open={open} className="rounded-md border border-stone-200 p-3" data-testid="more-filters">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("form.more")}</summary>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium">{t("form.capacities")}</legend>
        <p className="text-xs text-stone-500">{t("form.capacityRule")}</p>
        <div className="mt-1 grid grid-cols-2 gap-2">
          {CAPACITY_FIELDS.map((k) => (
            <label key={k} className="block text-xs">
              {t(`form.${k}`)}
              <input id={k} name={k} inputMode="decimal" defaultValue={value(k)} className={fieldClass} {...invalid(k)} />
              {error(k)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium">{t("form.near")}</legend>
        <div className="mt-1 flex items-center gap-2">
          <label className="sr-only" htmlFor="nearKm">{t("form.nearKm")}</label>
          {/* fieldClass is full width: the wrapper sets the number field's width */}
          <span className="w-24 shrink-0">
            <input id="nearKm" name="nearKm" inputMode="decimal" defaultValue={value("nearKm")} className={fieldClass} {...invalid("nearKm")} />
          </span>
          <span className="text-xs">{t("form.nearKm")}</span>
        </div>
        <label className="sr-only" htmlFor="near">{t("form.near")}</label>
        <select id="near" name="near" defaultValue={value("near")} className={fieldClass} {...invalid("near")}>
          <option value="">{t("form.nearAny")}</option>
          {LOGISTICS_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-stone-500">{t("form.nearHint")}</p>
        {error("nearKm")}
        {error("near")}
      </fieldset>
      <label className="mt-3 block text-sm font-medium">
        {t("form.area")}
        {/* Written by the map's drawing tool; editable by hand, checked strictly. */}
        <input id="area" name="area" defaultValue={value("area")} className={`${fieldClass} font-mono text-xs`} spellCheck={false} {...invalid("area")} />
        <span className="mt-1 block text-xs font-normal text-stone-500">{t("form.areaHint")}</span>
        {error("area")}
      </label>
    </details>
  );
}
