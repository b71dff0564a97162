"use client";

import { ActionButton } from "@/components/ui/action-button";
import { SubmitButton, TextAreaField, useFormStatusContext } from "@/components/ui/form";
import { PanelForm } from "@/components/ui/panel-form";
import { PersonSearch } from "@/components/ui/person-search";
import { TEXT_MAX as FOLLOWUP_NOTE_MAX } from "@/lib/core/limits";
import { handOverFollowupAction, recordContactAction, recordWhatHappenedAction, searchHandoverTargetsAction, solveFollowupAction } from "../actions";

type Texts = { heading: string; intro?: string; label: string; send: string; sent: string; hint?: string };

/** Record what happened (the owner or HR). */
export function WhatHappenedForm({ id, revision, initial, texts }: { id: number; revision: number; initial: string; texts: Texts }) {
  return (
    <PanelForm action={recordWhatHappenedAction} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId="followup-what-form" successMessage={texts.sent}>
      <TextAreaField name="text" label={texts.label} rows={4} maxLength={FOLLOWUP_NOTE_MAX} defaultValue={initial} required />
      <SubmitButton variant="secondary">{texts.send}</SubmitButton>
    </PanelForm>
  );
}

type Person = { id: number; name: string };

function HandoverPicker({ id, label, hint }: { id: number; label: string; hint: string }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<Person>
      label={label}
      hint={hint}
      initial={null}
      optionLabel={(p) => p.name}
      search={async (q) => {
        const res = await searchHandoverTargetsAction(null, { id, q });
        return res.ok ? res.data : null;
      }}
      name="personId"
      error={state && !state.ok ? state.fieldErrors.personId : undefined}
      testId="followup-handover-person"
    />
  );
}

/** Hand it to the right person (the owner or HR), with an optional note. */
export function HandoverForm({ id, revision, texts }: { id: number; revision: number; texts: Texts & { person: string; personHint: string } }) {
  return (
    <PanelForm action={handOverFollowupAction} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId="followup-handover-form" successMessage={texts.sent}>
      <HandoverPicker id={id} label={texts.person} hint={texts.personHint} />
      <TextAreaField name="note" label={texts.label} rows={3} maxLength={FOLLOWUP_NOTE_MAX} />
      <SubmitButton variant="secondary">{texts.send}</SubmitButton>
    </PanelForm>
  );
}

/** Record how the customer was contacted again. */
export function ContactForm({ id, revision, texts }: { id: number; revision: number; texts: Texts }) {
  return (
    <PanelForm action={recordContactAction} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId="followup-contact-form" successMessage={texts.sent}>
      <TextAreaField name="note" label={texts.label} hint={texts.hint} rows={3} maxLength={FOLLOWUP_NOTE_MAX} required />
      <SubmitButton>{texts.send}</SubmitButton>
    </PanelForm>
  );
}

export function SolveButton({ id, revision, label }: { id: number; revision: number; label: string }) {
  return (
    <ActionButton action={solveFollowupAction} input={{ id, revision }}>
      {label}
    </ActionButton>
  );
}
