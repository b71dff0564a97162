"use client";

import { PersonSearch } from "@/components/ui/person-search";
import { searchAuditPeopleAction } from "../actions";

type Person = { id: number; name: string; email: string };

/**
 * The audit log's Person filter: at most 20 matching people, fetched as the reader types. Picking
 * one sends their id (`person`); text that matches no suggestion is sent as `who` and the log shows
 * entries by anyone it matches, so the filter also works without JavaScript.
 */
export function PersonPicker({ label, hint, initial, initialText }: { label: string; hint: string; initial: Person | null; initialText: string }) {
  return (
    <PersonSearch<Person>
      label={label}
      hint={hint}
      initial={initial}
      initialText={initialText}
      optionLabel={(p) => `${p.name} <${p.email}>`}
      search={async (q) => {
        const res = await searchAuditPeopleAction(null, { q });
        return res.ok ? res.data : null;
      }}
      name="person"
      textName="who"
      className="min-w-0 grow-[2] basis-64"
    />
  );
}
