"use client";

import { PersonSearch } from "@/components/ui/person-search";
import { useFormStatusContext } from "@/components/ui/form";
import { searchOnboardingPeopleAction } from "../actions";

export type OnboardingPerson = { id: number; name: string; email: string; roleTitle: string | null };

export const onboardingPersonLabel = (p: OnboardingPerson) => (p.roleTitle ? `${p.name} — ${p.roleTitle} <${p.email}>` : `${p.name} <${p.email}>`);

/** Whom a plan is for, on the GET form of /onboarding/new: at most 20 matches as HR types, sent as `person`. */
export function HirePicker({ label, hint, initial }: { label: string; hint: string; initial: OnboardingPerson | null }) {
  return (
    <PersonSearch<OnboardingPerson>
      label={label}
      hint={hint}
      initial={initial}
      optionLabel={onboardingPersonLabel}
      search={async (q) => {
        const res = await searchOnboardingPeopleAction(null, { q });
        return res.ok ? res.data : null;
      }}
      name="person"
      testId="hire-picker"
      className="min-w-64 flex-1"
    />
  );
}

/** The plan's buddy: the first suggestion to start with, anyone else in scope by search (sent as `buddyId`). */
export function BuddyPicker({ label, hint, initial, hireId }: { label: string; hint: string; initial: OnboardingPerson | null; hireId: number }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<OnboardingPerson>
      label={label}
      hint={hint}
      initial={initial}
      optionLabel={onboardingPersonLabel}
      search={async (q) => {
        const res = await searchOnboardingPeopleAction(null, { q, excludeId: hireId });
        return res.ok ? res.data : null;
      }}
      name="buddyId"
      error={state && !state.ok ? state.fieldErrors.buddyId : undefined}
      testId="buddy-picker"
    />
  );
}
