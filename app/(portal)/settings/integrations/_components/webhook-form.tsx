"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { addWebhookAction } from "../actions";
import { ShownOnce } from "./shown-once";

export function WebhookForm() {
  const t = useTranslations("integrations");
  const router = useRouter();
  const [added, setAdded] = useState<{ secret: string } | null>(null);
  return (
    <div>
      <ActionForm
        action={addWebhookAction}
        resetOnSuccess
        successMessage={t("webhookAdded")}
        onSuccess={(data) => {
          setAdded(data as { secret: string });
          router.refresh();
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <TextField name="url" type="url" label={t("webhookUrl")} hint={t("webhookUrlHint")} maxLength={2000} required className="min-w-0 grow basis-72" />
        <div>
          <SubmitButton>{t("addWebhook")}</SubmitButton>
        </div>
      </ActionForm>
      {added ? <ShownOnce label={t("newSecret")} value={added.secret} testId="new-webhook-secret" /> : null}
    </div>
  );
}
