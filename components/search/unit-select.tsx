"use client";
// The size filter's unit: changing it converts the figures already typed (lib/search/unit-switch.ts)
// and says so (in the #unit-converted live region after the size row), so the search keeps meaning the same land. Without JavaScript the select still
// submits; the figures are then read in the chosen unit, as the field's label says.
import { useRef } from "react";
import { AREA_UNITS, type AreaUnit } from "@/lib/land/units";
import { convertTypedArea } from "@/lib/search/unit-switch";

interface Props {
  defaultValue: AreaUnit;
  labels: Record<AreaUnit, string>;
  label: string;
  /** per unit: "The sizes typed were converted to acres." */
  convertedNotes: Record<AreaUnit, string>;
  className: string;
}

export function UnitSelect({ defaultValue, labels, label, convertedNotes, className }: Props) {
  const previous = useRef<AreaUnit>(defaultValue);
  return (
    <>
      <label className="sr-only" htmlFor="unit">{label}</label>
      <select
        id="unit"
        name="unit"
        defaultValue={defaultValue}
        className={className}
        onChange={(e) => {
          const to = e.currentTarget.value as AreaUnit;
          const from = previous.current;
          previous.current = to;
          let changed = false;
          for (const [name, bound] of [["minArea", "min"], ["maxArea", "max"]] as const) {
            const field = e.currentTarget.form?.elements.namedItem(name);
            if (!(field instanceof HTMLInputElement)) continue;
            const next = convertTypedArea(field.value, from, to, bound);
            if (next !== null) {
              field.value = next;
              changed = true;
            }
          }
          // The note is a live region after the size row (#unit-converted), read out when it changes.
          const note = e.currentTarget.form?.querySelector("#unit-converted");
          if (note) note.textContent = changed ? convertedNotes[to] : "";
        }}
      >
        {AREA_UNITS.map((u) => (
          <option key={u} value={u}>{labels[u]}</option>
        ))}
      </select>
    </>
  );
}
