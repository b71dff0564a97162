"use client";

import { PersonSearch } from "@/components/ui/person-search";
import { useFormStatusContext } from "@/components/ui/form";
import { searchTeamsAction } from "../actions";

export type TeamChoice = { id: number; name: string };

/**
 * The person form's "Team": at most 20 teams, fetched as HR types (never every team). Picking one
 * sends its id as `teamId`; an empty field means no team.
 */
export function TeamPicker({ label, hint, initial }: { label: string; hint: string; initial: TeamChoice | null }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<TeamChoice>
      label={label}
      hint={hint}
      initial={initial}
      optionLabel={(team) => team.name}
      search={async (q) => {
        const res = await searchTeamsAction(null, { q });
        return res.ok ? res.data : null;
      }}
      name="teamId"
      error={state && !state.ok ? state.fieldErrors.teamId : undefined}
      testId="team-picker"
    />
  );
}
