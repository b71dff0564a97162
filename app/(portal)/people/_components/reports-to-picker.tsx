"use client";

import { PersonSearch } from "@/components/ui/person-search";
import { useFormStatusContext } from "@/components/ui/form";
import { searchReportsToAction } from "../actions";

export type ReportsToPerson = { id: number; name: string; email: string };

/**
 * The person form's "Reports to": at most 20 active people, fetched as HR types (never the whole
 * directory). Picking one sends their id as `reportsToId`; an empty field means nobody.
 */
export function ReportsToPicker({ label, hint, initial, excludeId }: { label: string; hint: string; initial: ReportsToPerson | null; excludeId?: number }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<ReportsToPerson>
      label={label}
      hint={hint}
      initial={initial}
      optionLabel={(p) => `${p.name} <${p.email}>`}
      search={async (q) => {
        const res = await searchReportsToAction(null, { q, excludeId });
        return res.ok ? res.data : null;
      }}
      name="reportsToId"
      error={state && !state.ok ? state.fieldErrors.reportsToId : undefined}
      testId="reports-to-picker"
    />
  );
}
