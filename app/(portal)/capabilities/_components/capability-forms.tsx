"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { NAME_MAX } from "@/lib/core/limits";
import { CAPABILITY_KINDS, VALIDITY_MAX_MONTHS, type CapabilityKind } from "@/lib/capability/vocabulary";
import { mergeCapabilityAction, updateCapabilityAction } from "../actions";
import { CapabilitySearch, type CapabilitySuggestion } from "./capability-search";

/** HR edits a capability's name, kind and validity (revision-checked). */
export function CapabilityEditForm({
  capability,
}: {
  capability: { key: string; name: string; kind: CapabilityKind; validityMonths: number | null; revision: number };
}) {
  const t = useTranslations("capabilities");
  const d = useTranslations("roleDoc");
  const router = useRouter();
  return (
    <ActionForm action={updateCapabilityAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="space-y-4">
      <input type="hidden" name="key" value={capability.key} />
      <input type="hidden" name="revision" value={capability.revision} />
      <TextField name="name" label={t("fields.name")} defaultValue={capability.name} maxLength={NAME_MAX} required />
      <SelectField
        name="kind"
        label={t("fields.kind")}
        defaultValue={capability.kind}
        options={CAPABILITY_KINDS.map((k) => ({ value: k, label: d(`kind.${k}`) }))}
      />
      <TextField
        name="validityMonths"
        label={t("fields.validityMonths")}
        hint={t("fields.validityHint", { max: VALIDITY_MAX_MONTHS })}
        defaultValue={capability.validityMonths ?? ""}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={3}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

function MergePicker({ exclude, picked, onPick }: { exclude: string[]; picked: CapabilitySuggestion | null; onPick: (c: CapabilitySuggestion | null) => void }) {
  const t = useTranslations("capabilities.merge");
  const d = useTranslations("roleDoc");
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.into : undefined;
  if (picked)
    return (
      <div>
        <p className="text-sm text-slate-800">
          {t("chosen")} <strong>{picked.name}</strong> <span className="text-slate-600">· {d(`kind.${picked.kind}`)}</span>
        </p>
        {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
        <button type="button" className="mt-1 text-sm font-medium text-brand-700 underline" onClick={() => onPick(null)}>
          {t("change")}
        </button>
      </div>
    );
  return <CapabilitySearch label={t("search")} hint={t("searchHint")} exclude={exclude} onPick={onPick} error={error} />;
}

/** HR merges this duplicate into the capability that stays. */
export function CapabilityMergeForm({ capability }: { capability: { key: string; name: string; revision: number } }) {
  const t = useTranslations("capabilities.merge");
  const [picked, setPicked] = useState<CapabilitySuggestion | null>(null);
  return (
    <ActionForm action={mergeCapabilityAction} className="space-y-3">
      <input type="hidden" name="key" value={capability.key} />
      <input type="hidden" name="revision" value={capability.revision} />
      <input type="hidden" name="into" value={picked?.key ?? ""} />
      <MergePicker exclude={[capability.key]} picked={picked} onPick={setPicked} />
      {picked ? <SubmitButton variant="danger">{t("submit", { name: capability.name, into: picked.name })}</SubmitButton> : null}
    </ActionForm>
  );
}
