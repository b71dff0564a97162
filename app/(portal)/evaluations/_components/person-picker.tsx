"use client";

import { PersonSearch } from "@/components/ui/person-search";
import { useFormStatusContext } from "@/components/ui/form";
import { searchEvaluablePeopleAction } from "../actions";

type Person = { id: number; name: string; roleTitle: string | null };

/**
 * Whom to evaluate: at most 20 of the people the reader may evaluate, fetched as they type. Picking
 * one sends their id as `personId`; a refusal about the person shows under the field.
 */
export function EvaluablePersonPicker({ label, hint, initial }: { label: string; hint: string; initial: Person | null }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<Person>
      label={label}
      hint={hint}
      initial={initial}
      optionLabel={(p) => (p.roleTitle ? `${p.name} — ${p.roleTitle}` : p.name)}
      search={async (q) => {
        const res = await searchEvaluablePeopleAction(null, { q });
        return res.ok ? res.data : null;
      }}
      name="personId"
      error={state && !state.ok ? state.fieldErrors.personId : undefined}
      testId="person-picker"
    />
  );
}
