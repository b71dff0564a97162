import type { ActionResult } from "@/lib/core/action-types";
import { TEAM_LIST_MAX, type TeamChoice } from "@/lib/org/team-filter";
import type { FilterField } from "./filter-form";
import { TeamFilter } from "./team-filter";

/**
 * The team field of a list page's FilterForm (readiness, access, onboarding): up to TEAM_LIST_MAX
 * teams a plain list with "all teams" first; beyond it the team is searched as the reader types
 * (TeamFilter), the chosen team named by `current` (called only then), or the typed `teamName`.
 * `teams` are the page's first TEAM_LIST_MAX + 1 teams in the reader's scope.
 */
export function teamFilterField({
  label,
  allLabel,
  teams,
  teamId,
  teamName,
  current,
  search,
}: {
  label: string;
  allLabel: string;
  teams: TeamChoice[];
  teamId: number | null | undefined;
  teamName: string | undefined;
  current: (teamId: number) => TeamChoice | null;
  search: (prev: null, input: { q: string }) => Promise<ActionResult<TeamChoice[]>>;
}): FilterField {
  if (teams.length <= TEAM_LIST_MAX) {
    return {
      type: "select",
      name: "team",
      label,
      value: teamId ? String(teamId) : "",
      options: [{ value: "", label: allLabel }, ...teams.map((x) => ({ value: x.id, label: x.name }))],
    };
  }
  return {
    type: "node",
    name: "team",
    label,
    value: teamId ? String(teamId) : (teamName ?? ""),
    node: <TeamFilter label={label} initial={teamId ? current(teamId) : null} initialText={teamName} search={search} />,
  };
}

/** The typed team name a list page filters by: only when no team id is chosen and the teams are searched. */
export function teamNameFilter(teams: TeamChoice[], teamId: number | null | undefined, text: string): string | undefined {
  return teamId || teams.length <= TEAM_LIST_MAX || !text ? undefined : text;
}
