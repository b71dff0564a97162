"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import type { ActionResult } from "@/lib/core/action-types";
import { NAME_MAX } from "@/lib/core/limits";
import { localeNames, locales } from "@/i18n/config";
import { ReportsToPicker, type ReportsToPerson } from "./reports-to-picker";
import { TeamPicker, type TeamChoice } from "./team-picker";

type Option = { id: number; title?: string; name?: string };
export type PersonFormValues = {
  id?: number;
  revision?: number;
  name: string;
  email: string;
  phone: string | null;
  appRole: string;
  jobRoleId: number | null;
  team: TeamChoice | null;
  reportsTo: ReportsToPerson | null;
  startDate: string;
  locale: string | null;
};

const APP_ROLES = ["employee", "supervisor", "manager", "hr_admin"] as const;

export function PersonForm({
  action,
  values,
  options,
  mode,
}: {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  values: PersonFormValues;
  options: { jobRoles: Option[] };
  mode: "create" | "edit";
}) {
  const t = useTranslations("people.form");
  const roles = useTranslations("appRoles");
  const router = useRouter();
  const p = useTranslations("people");
  const ti = useTranslations("invite.form");
  const [roleChange, setRoleChange] = useState<number | null>(null);
  const [signIn, setSignIn] = useState<"invite" | "password">("invite");
  return (
    <ActionForm
      action={action}
      className="space-y-5"
      successMessage={mode === "edit" ? t("saved") : undefined}
      onSuccess={(data) => {
        const d = data as { jobRoleChanged?: boolean; previousJobRoleId?: number | null } | undefined;
        setRoleChange(d?.jobRoleChanged && d.previousJobRoleId ? d.previousJobRoleId : null);
        router.refresh();
      }}
    >
      {roleChange && values.id ? (
        <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm">
          {p("roleChanged")}{" "}
          <Link className="font-medium text-brand-800 underline" href={`/onboarding/new?person=${values.id}&from=${roleChange}`}>
            {p("startRoleChange")}
          </Link>
        </p>
      ) : null}
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {values.revision ? <input type="hidden" name="revision" value={values.revision} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t("name")} defaultValue={values.name} autoComplete="off" required maxLength={NAME_MAX} />
        <TextField name="email" label={t("email")} type="email" defaultValue={values.email} autoComplete="off" required />
        <TextField name="phone" label={t("phone")} type="tel" defaultValue={values.phone ?? ""} autoComplete="off" />
        <TextField name="startDate" label={t("startDate")} type="date" defaultValue={values.startDate} required />
        <SelectField
          name="appRole"
          label={t("appRole")}
          hint={t("appRoleHint")}
          defaultValue={values.appRole}
          options={APP_ROLES.map((r) => ({ value: r, label: roles(r) }))}
        />
        <SelectField
          name="jobRoleId"
          label={t("jobRole")}
          defaultValue={values.jobRoleId ?? ""}
          emptyLabel={t("none")}
          options={options.jobRoles.map((o) => ({ value: o.id, label: o.title ?? "" }))}
        />
        <TeamPicker label={t("team")} hint={t("teamHint")} initial={values.team} />
        <ReportsToPicker label={t("reportsTo")} hint={t("reportsToHint")} initial={values.reportsTo} excludeId={values.id} />
        <SelectField
          name="locale"
          label={t("locale")}
          defaultValue={values.locale ?? ""}
          emptyLabel={t("browserLanguage")}
          options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
        />
        {mode === "create" ? (
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">{ti("signIn")}</legend>
            <div className="mt-2 space-y-2">
              {(["invite", "password"] as const).map((choice) => (
                <label key={choice} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="signIn"
                    value={choice}
                    checked={signIn === choice}
                    onChange={() => setSignIn(choice)}
                    className="mt-1"
                  />
                  <span>
                    <span className="font-medium text-slate-900">{ti(choice === "invite" ? "signInInvite" : "signInPassword")}</span>
                    <span className="block text-slate-600">{ti(choice === "invite" ? "signInInviteHint" : "signInPasswordHint")}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {mode === "edit" || signIn === "password" ? (
          <TextField
            name="password"
            label={mode === "create" ? t("password") : t("newPassword")}
            hint={mode === "create" ? t("passwordHint") : t("newPasswordHint")}
            type="password"
            autoComplete="new-password"
            required={mode === "create"}
          />
        ) : null}
      </div>
      <SubmitButton>{mode === "create" ? t("create") : t("save")}</SubmitButton>
    </ActionForm>
  );
}
