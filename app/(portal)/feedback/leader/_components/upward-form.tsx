"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SelectField, SubmitButton } from "@/components/ui/form";
import { ScaleQuestion, type ScaleOption } from "@/components/ui/scale-question";
import { giveUpwardAction } from "../actions";

type Option = ScaleOption;

/** Upward feedback: which leader (when there are several), then every item on the agree scale. */
export function UpwardForm({
  leaders,
  leaderLabel,
  intro,
  groups,
  scale,
  submitLabel,
  sentLabel,
}: {
  leaders: { id: number; label: string }[];
  leaderLabel: string;
  intro: string;
  groups: { heading: string; items: { key: string; label: string }[] }[];
  scale: Option[];
  submitLabel: string;
  sentLabel: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={giveUpwardAction} successMessage={sentLabel} resetOnSuccess onSuccess={() => router.refresh()} className="space-y-4" data-testid="upward-form">
      <p className="text-slate-700">{intro}</p>
      {leaders.length === 1 ? (
        <input type="hidden" name="leaderId" value={leaders[0]!.id} />
      ) : (
        <SelectField name="leaderId" label={leaderLabel} options={leaders.map((l) => ({ value: l.id, label: l.label }))} />
      )}
      {groups.map((g) => (
        <div key={g.heading} className="space-y-3">
          <h3 className="font-semibold text-slate-900">{g.heading}</h3>
          {g.items.map((i) => (
            <ScaleQuestion idPrefix="upward" key={i.key} name={i.key} label={i.label} scale={scale} />
          ))}
        </div>
      ))}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
