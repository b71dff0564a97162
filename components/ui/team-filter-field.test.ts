import { describe, expect, it, vi } from "vitest";
import { teamFilterField, teamNameFilter } from "@/components/ui/team-filter-field";
import { TEAM_LIST_MAX } from "@/lib/org/team-filter";

const teams = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Team ${i + 1}` }));
const search = async () => ({ ok: true as const, data: [] });

describe("teamFilterField", () => {
  it("lists up to TEAM_LIST_MAX teams, 'all teams' first, and never looks the current team up", () => {
    const current = vi.fn(() => null);
    const field = teamFilterField({ label: "Team", allLabel: "All teams", teams: teams(TEAM_LIST_MAX), teamId: 3, teamName: undefined, current, search });
    expect(field.type).toBe("select");
    expect(field.value).toBe("3");
    if (field.type !== "select") throw new Error("not a select");
    expect(field.options).toHaveLength(TEAM_LIST_MAX + 1);
    expect(field.options[0]).toEqual({ value: "", label: "All teams" });
    expect(current).not.toHaveBeenCalled();
  });

  it("searches beyond TEAM_LIST_MAX teams: the chosen team is named by its id, else the typed text is kept", () => {
    const current = vi.fn((id: number) => ({ id, name: "Workshop Riga" }));
    const picked = teamFilterField({ label: "Team", allLabel: "All teams", teams: teams(TEAM_LIST_MAX + 1), teamId: 7, teamName: undefined, current, search });
    expect(picked.type).toBe("node");
    expect(picked.value).toBe("7");
    expect(current).toHaveBeenCalledWith(7);
    const typed = teamFilterField({ label: "Team", allLabel: "All teams", teams: teams(TEAM_LIST_MAX + 1), teamId: undefined, teamName: "riga", current, search });
    expect(typed.value).toBe("riga");
    expect(current).toHaveBeenCalledTimes(1);
  });
});

describe("teamNameFilter", () => {
  it("filters by typed text only when the teams are searched and no team is chosen", () => {
    expect(teamNameFilter(teams(TEAM_LIST_MAX + 1), undefined, "riga")).toBe("riga");
    expect(teamNameFilter(teams(TEAM_LIST_MAX + 1), 4, "riga")).toBeUndefined();
    expect(teamNameFilter(teams(TEAM_LIST_MAX), undefined, "riga")).toBeUndefined();
    expect(teamNameFilter(teams(TEAM_LIST_MAX + 1), null, "")).toBeUndefined();
  });
});
