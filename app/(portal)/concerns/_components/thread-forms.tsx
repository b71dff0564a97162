"use client";

import { ActionButton } from "@/components/ui/action-button";
import { SubmitButton, TextAreaField, useFormStatusContext } from "@/components/ui/form";
import { PanelForm } from "@/components/ui/panel-form";
import { PersonSearch } from "@/components/ui/person-search";
import { CLOSE_REASON_MAX, TEXT_MAX } from "@/lib/core/limits";
import { answerConcernAction, closeConcernAction, forwardConcernAction, replyConcernAction, resolveConcernAction, searchForwardTargetsAction } from "../thread-actions";

type FormTexts = { heading: string; intro?: string; label: string; send: string; sent: string };

const ACTIONS = { answer: answerConcernAction, reply: replyConcernAction } as const;

/** An addressee's answer, or the named author's reply: one text and a button. */
export function MessageForm({ kind, id, revision, texts }: { kind: "answer" | "reply"; id: string; revision: number; texts: FormTexts }) {
  return (
    <PanelForm action={ACTIONS[kind]} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId={`concern-${kind}-form`} successMessage={texts.sent} resetOnSuccess>
      <TextAreaField name="body" label={texts.label} rows={5} maxLength={TEXT_MAX} required />
      <SubmitButton>{texts.send}</SubmitButton>
    </PanelForm>
  );
}

/** An addressee closes the concern with a reason the author reads. */
export function CloseForm({ id, revision, texts }: { id: string; revision: number; texts: FormTexts & { hint: string } }) {
  return (
    <PanelForm action={closeConcernAction} heading={texts.heading} hidden={{ id, revision }} testId="concern-close-form">
      <TextAreaField name="reason" label={texts.label} hint={texts.hint} rows={3} maxLength={CLOSE_REASON_MAX} required />
      <SubmitButton variant="secondary">{texts.send}</SubmitButton>
    </PanelForm>
  );
}

type Person = { id: number; name: string };

function ForwardPicker({ id, label, hint }: { id: string; label: string; hint: string }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<Person>
      label={label}
      hint={hint}
      initial={null}
      optionLabel={(p) => p.name}
      search={async (q) => {
        const res = await searchForwardTargetsAction(null, { id, q });
        return res.ok ? res.data : null;
      }}
      name="personId"
      error={state && !state.ok ? state.fieldErrors.personId : undefined}
      testId="concern-forward-person"
    />
  );
}

/** Hand the concern to another manager or HR, with an optional note everyone on the thread reads. */
export function ForwardForm({ id, revision, texts }: { id: string; revision: number; texts: FormTexts & { person: string; personHint: string } }) {
  return (
    <PanelForm action={forwardConcernAction} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId="concern-forward-form">
      <ForwardPicker id={id} label={texts.person} hint={texts.personHint} />
      <TextAreaField name="note" label={texts.label} rows={3} maxLength={TEXT_MAX} />
      <SubmitButton variant="secondary">{texts.send}</SubmitButton>
    </PanelForm>
  );
}

/** The named author marks the concern resolved. */
export function ResolveButton({ id, revision, label }: { id: string; revision: number; label: string }) {
  return (
    <ActionButton action={resolveConcernAction} input={{ id, revision }}>
      {label}
    </ActionButton>
  );
}
