"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { PULSE_MIN_GROUP_RANGE } from "@/lib/confidence/vocabulary";
import { updatePulseMinGroupAction } from "../actions";

/**
 * HR: the smallest group of pulse answers whose results are shown (3–10). No min/max attributes:
 * the browser would block the form with its own bubble; lib/org/organisation.ts refuses a value
 * outside the range next to the field, in the person's language.
 */
export function PulseMinGroupForm({ revision, value }: { revision: number; value: number }) {
  const t = useTranslations("clarity.setting");
  const router = useRouter();
  const [min, max] = PULSE_MIN_GROUP_RANGE;
  return (
    <ActionForm action={updatePulseMinGroupAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="grid max-w-xl gap-4">
      <input type="hidden" name="revision" value={revision} />
      <TextField name="pulseMinGroup" type="number" inputMode="numeric" label={t("label")} hint={t("hint", { min, max })} defaultValue={value} required />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
