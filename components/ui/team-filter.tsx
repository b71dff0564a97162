"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/core/action-types";
import { PersonSearch } from "./person-search";

type Team = { id: number; name: string };

/**
 * A list page's team filter when the teams are too many to list (lib/org/team-filter.ts): the team
 * is searched as the reader types (at most 20 matches from `search`, a Server Action of the page).
 * Picking one sends its id as `team`; text that picks none is sent as `teamName`, so the plain GET
 * form still filters without JavaScript.
 */
export function TeamFilter({
  label,
  initial,
  initialText,
  search,
}: {
  label: string;
  initial: Team | null;
  initialText?: string;
  search: (prev: null, input: { q: string }) => Promise<ActionResult<Team[]>>;
}) {
  const t = useTranslations("teamFilter");
  return (
    <PersonSearch<Team>
      label={label}
      hint={t("hint")}
      placeholder={t("placeholder")}
      initial={initial}
      initialText={initialText}
      optionLabel={(team) => team.name}
      search={async (q) => {
        const res = await search(null, { q });
        return res.ok ? res.data : null;
      }}
      name="team"
      textName="teamName"
      testId="team-filter"
    />
  );
}
