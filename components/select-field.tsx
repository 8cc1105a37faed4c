// A labelled <select> with an "any" first option: the building block of the GET filter forms.
import type { ReactNode } from "react";

interface Props {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  anyLabel?: string;
  className: string;
  /** field error message, shown below and wired to aria-describedby */
  error?: ReactNode;
  invalid?: boolean;
}

export function SelectField({ name, label, options, defaultValue, anyLabel, className, error, invalid }: Props) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <select
        name={name}
        defaultValue={defaultValue}
        className={className}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${name}-error` : undefined}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error}
    </label>
  );
}
