import type { AppRole, Locale } from "@/lib/people/vocabulary";

/** The signed-in person acting on a request. Every lib function takes one. */
export type Actor = {
  id: number;
  name: string;
  email: string;
  appRole: AppRole;
  jobRoleId: number | null;
  teamId: number | null;
  reportsToId: number | null;
  locale: Locale | null;
};
