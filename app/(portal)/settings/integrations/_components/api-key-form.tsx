"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { API_KEY_NAME_MAX } from "@/lib/feedback/vocabulary";
import { createApiKeyAction } from "../actions";
import { ShownOnce } from "./shown-once";

export function ApiKeyForm() {
  const t = useTranslations("integrations");
  const router = useRouter();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  return (
    <div>
      <ActionForm
        action={createApiKeyAction}
        resetOnSuccess
        successMessage={t("keyCreated")}
        onSuccess={(data) => {
          setCreated(data as { key: string; name: string });
          router.refresh();
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <TextField name="name" label={t("keyName")} hint={t("keyNameHint")} maxLength={API_KEY_NAME_MAX} required className="min-w-64 flex-1" />
        <div>
          <SubmitButton>{t("createKey")}</SubmitButton>
        </div>
      </ActionForm>
      {created ? <ShownOnce label={t("newKey", { name: created.name })} value={created.key} testId="new-api-key" /> : null}
    </div>
  );
}
