import { beforeAll, describe, expect } from "vitest";
import { listScheduledJobs, type ScheduledJobView } from "@/lib/jobs/read";
import { updateReminderWorkingDays } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, MGR, NORA, refusals, STRANGER, SUP, type RefusalCase, SEED_TIMEOUT } from "@/lib/test/refusals";

/** Scheduled jobs (HR's page) and the automatic-reminder setting (the harness is lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const rev = () => organisationSettings().revision;
const ORG = () => ({ type: "organisation", id: 1 });
const JOBS = () => ({ type: "scheduled_job" });
const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];

const cases: RefusalCase[] = [
  ...forbidden("listScheduledJobs", NOT_HR, (a) => listScheduledJobs(a), "jobs.read", JOBS),
  ...forbidden("updateReminderWorkingDays", NOT_HR, (a) => updateReminderWorkingDays(a, rev(), { reminderWorkingDays: 5 }), "organisation.manage", ORG),
  {
    name: "updateReminderWorkingDays: HR's 0 is refused next to the field",
    as: HR,
    call: (a) => updateReminderWorkingDays(a, rev(), { reminderWorkingDays: 0 }),
    expect: "field",
    fieldErrors: { reminderWorkingDays: "reminderWorkingDaysRange" },
  },
  {
    name: "updateReminderWorkingDays: HR's 21 is refused next to the field",
    as: HR,
    call: (a) => updateReminderWorkingDays(a, rev(), { reminderWorkingDays: 21 }),
    expect: "field",
    fieldErrors: { reminderWorkingDays: "reminderWorkingDaysRange" },
  },
  {
    name: "positive: HR reads the jobs",
    as: HR,
    call: (a) => listScheduledJobs(a),
    expect: (jobs: ScheduledJobView[]) => expect(jobs.map((j) => j.name)).toEqual(["email", "digests", "transfers", "reminders", "daily", "webhooks", "backup"]),
  },
  {
    name: "positive: HR sets the reminder wait",
    as: HR,
    call: (a) => updateReminderWorkingDays(a, rev(), { reminderWorkingDays: 5 }),
    expect: () => expect(organisationSettings().reminderWorkingDays).toBe(5),
    changes: ["organisation"],
  },
];

describe("refusals: scheduled jobs and the reminder setting", () => {
  refusals(cases);
});
