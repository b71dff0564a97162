import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, withDb } from "./helpers";

/**
 * An organisation with more teams than a filter lists (lib/org/team-filter.ts TEAM_LIST_MAX, 30):
 * every team filter becomes a search as the reader types (issue 15: never a dropdown of every team).
 * The demo has 3 teams, so this project adds 32 workshops, each with one service advisor, straight to
 * the server's database. It runs after every other spec (playwright.config.ts, project
 * "many-teams"), which see the demo as it is.
 */
const CITIES = [
  "Ankara", "Antwerp", "Arnhem", "Bursa", "Brașov", "Cluj", "Constanța", "Daugavpils", "Delft", "Eindhoven", "Ghent", "Groningen",
  "Iași", "Istanbul", "Izmir", "Jelgava", "Kaunas", "Klaipėda", "Konya", "Liepāja", "Leiden", "Panevėžys", "Riga", "Rotterdam",
  "Šiauliai", "Sibiu", "Timișoara", "Utrecht", "Valmiera", "Ventspils", "Vilnius", "Zwolle",
];

test.beforeAll(() => {
  withDb((db) =>
    db.transaction(() => {
      const advisor = db.prepare("select id from job_roles where slug = 'service-advisor'").pluck().get() as number;
      const addTeam = db.prepare("insert or ignore into teams (slug, name) values (?, ?)");
      const teamId = db.prepare("select id from teams where slug = ?").pluck();
      const addPerson = db.prepare(
        `insert into people (name, email, search_text, password_hash, app_role, job_role_id, team_id, start_date)
         select ?, ?, lower(?), password_hash, 'employee', ?, ?, '2024-03-01' from people
         where email = 'employee@example.com' and not exists (select 1 from people where lower(email) = lower(?))`,
      );
      CITIES.forEach((city, i) => {
        const slug = `workshop-${i + 1}`;
        addTeam.run(slug, `Workshop ${city}`);
        const name = `Advisor ${city}`;
        const email = `advisor-${i + 1}@example.com`;
        addPerson.run(name, email, `${name} ${email}`, advisor, teamId.get(slug), email);
      });
    })(),
  );
});

test("readiness: with more than 30 teams the team is searched as HR types, and a picked team filters by its id", async ({ hrPage: page }) => {
  await page.goto("/readiness");
  await expect(page.locator("select[name=team]")).toHaveCount(0);
  const team = page.getByRole("combobox", { name: "Team" });
  await team.pressSequentially("vilni", { delay: 50 });
  const options = page.locator("datalist option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute("value", "Workshop Vilnius");
  await team.fill("Workshop Vilnius");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]team=\d+/);
  await expect(team).toHaveValue("Workshop Vilnius");
  await expect(page.getByText("Advisor Vilnius").first()).toBeVisible();
  await expect(page.getByText("Advisor Riga")).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

test("readiness: text that picks no team filters by the teams whose name contains it", async ({ hrPage: page }) => {
  await page.goto("/readiness?teamName=workshop%20k");
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue("workshop k");
  await expect(page.getByText("Advisor Kaunas").first()).toBeVisible();
  await expect(page.getByText("Advisor Klaipėda").first()).toBeVisible();
  await expect(page.getByText("Advisor Konya").first()).toBeVisible();
  await expect(page.getByText("Advisor Riga")).toHaveCount(0);
});

test("access and onboarding: the team filter is a search beyond 30 teams", async ({ hrPage: page }) => {
  for (const url of ["/access", "/onboarding"]) {
    await page.goto(url);
    await expect(page.locator("select[name=team]"), url).toHaveCount(0);
    const team = page.getByRole("combobox", { name: "Team" });
    await team.pressSequentially("rott", { delay: 50 });
    await expect(page.locator("datalist option").first(), url).toHaveAttribute("value", "Workshop Rotterdam");
    await team.fill("Workshop Rotterdam");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page, url).toHaveURL(/[?&]team=\d+/);
    await expect(team, url).toHaveValue("Workshop Rotterdam");
    await expectNoSeriousViolations(page);
  }
});

test("a new announcement's teams are searched and picked as chips beyond 30 teams", async ({ hrPage: page }) => {
  await page.goto("/announcements/new");
  await expect(page.locator("input[name=teamIds][type=checkbox]")).toHaveCount(0);
  const search = page.getByTestId("audience-team-search");
  await search.pressSequentially("utre", { delay: 50 });
  await expect(page.locator("datalist option").first()).toHaveAttribute("value", "Workshop Utrecht");
  await search.fill("Workshop Utrecht");
  const chips = page.getByRole("list", { name: "Teams in the audience" });
  await expect(chips.getByText("Workshop Utrecht")).toBeVisible();
  await expectNoSeriousViolations(page);
  await expect(page.getByTestId("audience-team-search")).toHaveValue("");
  await chips.getByRole("button", { name: "Remove Workshop Utrecht" }).click();
  await expect(chips.getByText("Workshop Utrecht")).toHaveCount(0);
});
