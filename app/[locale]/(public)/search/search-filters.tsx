// A plain GET form: works without JavaScript, and the URL it produces is the search.
import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/select-field";
import { UnitSelect } from "@/components/search/unit-select";
import { AREA_UNITS, type AreaUnit } from "@/lib/land/units";
import { County, Industry, LandUse } from "@/lib/generated/prisma/enums";
import { READINESS_KEYS } from "@/lib/land/readiness";
import { pick } from "@/lib/i18n/localized";
import type { ParkOption, ZoneOption } from "@/lib/search/options";
import { SORTS } from "@/lib/search/schemas";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { translateSearchMessage } from "@/lib/search/finder-messages";
import { FINDER_FIELDS, FinderFilters } from "./finder-filters";

const SORT_LABEL = { "area-desc": "sortAreaDesc", "area-asc": "sortAreaAsc", "price-asc": "sortPriceAsc", "ready-asc": "sortReadyAsc" } as const;
/** Parameters with a control of their own in this form; a problem with any other is listed on top. */
const FORM_FIELDS = new Set(["county", "park", "zone", "industry", "use", "minArea", "maxArea", "unit", "maxPrice", "ready", "by", "reserved", "sort", "view", ...FINDER_FIELDS]);
const fieldClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

interface Props {
  locale: string;
  raw: Record<string, unknown>;
  errors: FieldErrors;
  options: { parks: ParkOption[]; zones: ZoneOption[] };
}

export async function SearchFilters({ locale, raw, errors, options }: Props) {
  const t = await getTranslations();
  const tv = await getTranslations("validation");
  const tf = await getTranslations("investor.finder");
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const unit: AreaUnit = (AREA_UNITS as readonly string[]).includes(value("unit")) ? (value("unit") as AreaUnit) : "mu";
  const unitLabels: Record<AreaUnit, string> = { mu: t("search.unitMu"), ha: t("search.unitHa"), m2: tf("form.unitM2"), acre: tf("form.unitAcre") };
  const ready = new Set((Array.isArray(raw.ready) ? raw.ready : [raw.ready ?? ""]).flatMap((v) => String(v).split(",")));
  const error = (k: string) =>
    errors[k] ? (
      <p id={`${k}-error`} className="mt-1 text-xs text-red-700">
        {translateSearchMessage(tv, tf, errors[k])}
      </p>
    ) : null;
  // e.g. `page=abc` or a parameter given twice that the form has no control for: named here.
  const others = Object.keys(errors).filter((k) => !FORM_FIELDS.has(k));
  const invalid = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `${k}-error` : undefined });
  return (
    // An explicit action: without one the browser submits to the current URL and keeps its
    // fragment, so after "refine" (#filters) the new results page opened on the form again.
    <form id="filters" method="get" action={`/${locale}/search`} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-label={t("search.filters")}>
      {others.length > 0 && (
        <ul className="text-xs text-red-700">
          {others.map((k) => (
            <li key={k}>
              <code>{k}</code>: {translateSearchMessage(tv, tf, errors[k]!)}
            </li>
          ))}
        </ul>
      )}
      {(
        [
          ["county", t("search.county"), Object.values(County).map((c) => ({ value: c, label: t(`county.${c}`) }))],
          ["park", t("search.park"), options.parks.map((p) => ({ value: p.code, label: pick(locale, p.nameZh, p.nameEn) }))],
          ["zone", t("search.zone"), options.zones.map((z) => ({ value: z.code, label: pick(locale, z.nameZh, z.nameEn) }))],
          ["industry", t("search.industry"), Object.values(Industry).map((i) => ({ value: i, label: t(`industry.${i}`) }))],
          ["use", t("search.landUse"), Object.values(LandUse).map((u) => ({ value: u, label: t(`landUse.${u}`) }))],
        ] as const
      ).map(([name, label, choices]) => (
        <SelectField
          key={name}
          name={name}
          label={label}
          options={[...choices]}
          defaultValue={value(name)}
          anyLabel={t("search.any")}
          className={fieldClass}
          invalid={Boolean(errors[name])}
          error={error(name)}
        />
      ))}
      <fieldset>
        <legend className="text-sm font-medium">{t("search.area")}</legend>
        <div className="mt-1 flex items-center gap-2">
          <label className="sr-only" htmlFor="minArea">{t("search.areaFrom")}</label>
          <input id="minArea" name="minArea" inputMode="decimal" defaultValue={value("minArea")} placeholder={t("search.areaFrom")} className={fieldClass} {...invalid("minArea")} />
          <span aria-hidden>–</span>
          <label className="sr-only" htmlFor="maxArea">{t("search.areaTo")}</label>
          <input id="maxArea" name="maxArea" inputMode="decimal" defaultValue={value("maxArea")} placeholder={t("search.areaTo")} className={fieldClass} {...invalid("maxArea")} />
          <UnitSelect
            defaultValue={unit}
            label={t("search.unit")}
            labels={unitLabels}
            convertedNotes={Object.fromEntries(AREA_UNITS.map((u) => [u, tf("form.unitConverted", { unit: unitLabels[u] })])) as Record<AreaUnit, string>}
            className={`${fieldClass} w-auto`}
          />
        </div>
        <p id="unit-converted" role="status" className="mt-1 text-xs text-stone-600 empty:hidden" data-testid="unit-converted" />
        {error("minArea")}
        {error("maxArea")}
        {error("unit")}
      </fieldset>
      <label className="block text-sm font-medium">
        {t("search.maxPrice")}
        {/* A text keyboard: "25万" is how a price is typed in China (parseCnyAmount reads it). */}
        <span className="flex items-center gap-2">
          <input name="maxPrice" defaultValue={value("maxPrice")} placeholder={tf("form.priceHint")} className={fieldClass} {...invalid("maxPrice")} />
          <span className="mt-1 shrink-0 text-xs text-stone-600">{tf("form.priceUnit")}</span>
        </span>
        {error("maxPrice")}
      </label>
      <fieldset>
        <legend className="text-sm font-medium">{t("search.ready")}</legend>
        <p className="text-xs text-stone-500">{t("search.readyHint")}</p>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {READINESS_KEYS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="ready" value={k} defaultChecked={ready.has(k)} />
              {t(`readiness.${k}`)}
            </label>
          ))}
        </div>
        {error("ready")}
      </fieldset>
      <label className="block text-sm font-medium">
        {t("search.by")}
        <input type="date" name="by" defaultValue={value("by")} className={fieldClass} {...invalid("by")} />
        {error("by")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="reserved" value="1" defaultChecked={value("reserved") === "1"} />
        {t("search.reserved")}
      </label>
      {error("reserved")}
      <SelectField
        name="sort"
        label={t("search.sort")}
        options={SORTS.map((s) => ({ value: s, label: t(`search.${SORT_LABEL[s]}`) }))}
        defaultValue={value("sort") || "area-desc"}
        className={fieldClass}
        invalid={Boolean(errors.sort)}
        error={error("sort")}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t("search.view")}</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="view" value="blocks" defaultChecked={value("view") !== "parcels"} />
            {t("search.viewBlocks")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="view" value="parcels" defaultChecked={value("view") === "parcels"} />
            {t("search.viewParcels")}
          </label>
        </div>
        {error("view")}
      </fieldset>
      <FinderFilters value={value} errors={errors} error={error} fieldClass={fieldClass} />
      {/* the comparison list survives a new search */}
      {value("compare") && <input type="hidden" name="compare" value={value("compare")} />}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
          {t("search.submit")}
        </button>
        <a href="?" className="text-sm text-stone-600 underline">{t("search.reset")}</a>
      </div>
    </form>
  );
}
