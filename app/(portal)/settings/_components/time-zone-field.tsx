"use client";

import { useId } from "react";
import { useFormStatusContext } from "@/components/ui/form";
import { errorClass, hintClass, labelClass, selectClass } from "@/components/ui/field-styles";
import type { ZoneGroup } from "@/lib/org/zones";

/**
 * A time zone chosen from the runtime's bounded list, grouped by region (a native select: keyboard
 * type-ahead and screen readers work as everywhere). The empty option is the default zone.
 */
export function TimeZoneField({
  name,
  label,
  hint,
  emptyLabel,
  defaultValue,
  groups,
}: {
  name: string;
  label: string;
  hint?: string;
  emptyLabel: string;
  defaultValue: string;
  groups: ZoneGroup[];
}) {
  const id = useId();
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={Boolean(error)} className={selectClass}>
        <option value="">{emptyLabel}</option>
        {groups.map((g) => (
          <optgroup key={g.region} label={g.region}>
            {g.zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
