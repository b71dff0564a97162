"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SelectField, SubmitButton } from "@/components/ui/form";
import { ScaleQuestion, type ScaleOption } from "@/components/ui/scale-question";
import { answerPulseAction } from "../actions";

type Option = ScaleOption;

export function PulseForm({
  sendId,
  intro,
  items,
  scale,
  responsibilities,
  leastClear,
  submitLabel,
}: {
  sendId: number;
  intro: string;
  items: { key: string; label: string }[];
  scale: Option[];
  responsibilities: { key: string; title: string }[];
  leastClear: { label: string; hint: string; none: string };
  submitLabel: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={answerPulseAction} onSuccess={() => router.push("/pulse?answered=1")} className="space-y-4">
      <input type="hidden" name="sendId" value={sendId} />
      <p className="text-slate-700">{intro}</p>
      {items.map((i) => (
        <ScaleQuestion idPrefix="pulse" key={i.key} name={i.key} label={i.label} scale={scale} />
      ))}
      {responsibilities.length ? (
        <SelectField
          name="leastClearKey"
          label={leastClear.label}
          hint={leastClear.hint}
          emptyLabel={leastClear.none}
          options={responsibilities.map((r) => ({ value: r.key, label: r.title }))}
        />
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
