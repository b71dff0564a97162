"use client";

import { useTranslations } from "next-intl";
import { PanelForm } from "@/components/ui/panel-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { addCertificateAction, signOffAction } from "../actions";

/** Signing off one capability with a note (shown only when the policy's `signoffRelation` allows it). */
export function SignOffForm({ personId, capabilityKey, capabilityName }: { personId: number; capabilityKey: string; capabilityName: string }) {
  const t = useTranslations("capability.signoff");
  return (
    <details className="mt-2" data-testid="signoff">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("open", { name: capabilityName })}</summary>
      <div className="mt-2">
        <PanelForm action={signOffAction} heading={t("heading", { name: capabilityName })} level={3} intro={t("intro")} hidden={{ personId, capabilityKey }} successMessage={t("success")} resetOnSuccess>
          <TextAreaField name="note" label={t("note")} hint={t("noteHint")} rows={3} required />
          <SubmitButton>{t("button")}</SubmitButton>
        </PanelForm>
      </div>
    </details>
  );
}

/** Adding an external certificate (file, issuer, date) for one of the capabilities the role needs. */
export function CertificateForm({ personId, capabilities, self }: { personId: number; capabilities: { key: string; name: string }[]; self: boolean }) {
  const t = useTranslations("capability.certificate");
  return (
    <PanelForm action={addCertificateAction} heading={self ? t("myHeading") : t("heading")} intro={t("intro")} hidden={{ personId }} successMessage={t("success")} resetOnSuccess testId="certificate-form">
      <SelectField name="capabilityKey" label={t("capability")} options={capabilities.map((c) => ({ value: c.key, label: c.name }))} />
      <TextField name="issuer" label={t("issuer")} maxLength={200} required />
      <TextField name="date" type="date" label={t("date")} required />
      <TextField name="file" type="file" label={t("file")} hint={t("fileHint")} accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" required />
      <TextAreaField name="note" label={t("note")} rows={2} />
      <SubmitButton>{t("button")}</SubmitButton>
    </PanelForm>
  );
}
