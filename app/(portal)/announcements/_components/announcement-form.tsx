"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField, TextField, useFormStatusContext } from "@/components/ui/form";
import { labelClass, selectClass } from "@/components/ui/field-styles";
import { NAME_MAX } from "@/lib/core/limits";
import { createAnnouncementAction } from "../actions";

type RoleOption = {
  id: number;
  title: string;
  responsibilities: { key: string; title: string }[];
  tasks: { key: string; title: string; responsibility: string }[];
};
type Options = {
  everyoneAllowed: boolean;
  people: { id: number; name: string; jobRoleId: number | null }[];
  teams: { id: number; name: string }[];
  roles: RoleOption[];
};
type Transfer =
  | { type: "role"; taskKey: string; fromRoleId: number | ""; toRoleId: number | ""; toResponsibilityKey: string | null }
  | { type: "person"; taskKey: string; fromPersonId: number | ""; toPersonId: number | "" };

function CheckboxGroup({ legend, name, items, error }: { legend: string; name: string; items: { id: number; label: string }[]; error?: string }) {
  if (!items.length) return null;
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="grid max-h-48 gap-1 overflow-y-auto sm:grid-cols-2">
        {items.map((i) => (
          <label key={i.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={i.id} aria-invalid={Boolean(error)} />
            {i.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled select over plain options, with an empty first choice. */
function Choice({
  label,
  value,
  options,
  onChange,
  empty = "—",
  invalid = false,
}: {
  label: string;
  value: string | number;
  options: { value: string | number; label: string }[];
  onChange: (value: string) => void;
  empty?: string;
  invalid?: boolean;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass("sm")}>
        {label}
      </label>
      <select id={id} className={selectClass} value={value} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TransferRow({
  index,
  value,
  options,
  onChange,
  onRemove,
}: {
  index: number;
  value: Transfer;
  options: Options;
  onChange: (t: Transfer) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("announcements");
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[`transfers.${index}`] : undefined;
  const roleById = (id: number | "") => options.roles.find((r) => r.id === id);
  const personRole = (id: number | "") => roleById(options.people.find((p) => p.id === id)?.jobRoleId ?? "");
  const tasks = value.type === "role" ? (roleById(value.fromRoleId)?.tasks ?? []) : (personRole(value.fromPersonId)?.tasks ?? []);
  const roleOptions = options.roles.map((r) => ({ value: r.id, label: r.title }));
  const personOptions = options.people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{t("transferN", { n: index + 1 })}</legend>
      <div className="mb-2 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`transfer-type-${index}`}
            checked={value.type === "role"}
            onChange={() => onChange({ type: "role", taskKey: "", fromRoleId: "", toRoleId: "", toResponsibilityKey: null })}
          />
          {t("betweenRoles")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`transfer-type-${index}`}
            checked={value.type === "person"}
            onChange={() => onChange({ type: "person", taskKey: "", fromPersonId: "", toPersonId: "" })}
          />
          {t("betweenPeople")}
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {value.type === "role" ? (
          <Choice
            label={t("fromRole")}
            value={value.fromRoleId}
            options={roleOptions}
            onChange={(v) => onChange({ ...value, fromRoleId: Number(v) || "", taskKey: "" })}
          />
        ) : (
          <Choice
            label={t("fromPerson")}
            value={value.fromPersonId}
            options={personOptions}
            onChange={(v) => onChange({ ...value, fromPersonId: Number(v) || "", taskKey: "" })}
          />
        )}
        <Choice
          label={t("task")}
          value={value.taskKey}
          invalid={Boolean(error)}
          options={tasks.map((x) => ({ value: x.key, label: `${x.title} (${x.responsibility})` }))}
          onChange={(v) => onChange({ ...value, taskKey: v })}
        />
        {value.type === "role" ? (
          <>
            <Choice
              label={t("toRole")}
              value={value.toRoleId}
              options={roleOptions}
              onChange={(v) => onChange({ ...value, toRoleId: Number(v) || "", toResponsibilityKey: null })}
            />
            <Choice
              label={t("toResponsibility")}
              value={value.toResponsibilityKey ?? ""}
              empty={t("lastResponsibility")}
              options={(roleById(value.toRoleId)?.responsibilities ?? []).map((r) => ({ value: r.key, label: r.title }))}
              onChange={(v) => onChange({ ...value, toResponsibilityKey: v || null })}
            />
          </>
        ) : (
          <Choice
            label={t("toPerson")}
            value={value.toPersonId}
            options={personOptions}
            onChange={(v) => onChange({ ...value, toPersonId: Number(v) || "" })}
          />
        )}
      </div>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      <button type="button" onClick={onRemove} className="mt-2 text-sm text-red-700 underline">
        {t("removeTransfer")}
      </button>
    </fieldset>
  );
}

function AudienceError() {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.audience : undefined;
  return error ? <p className="text-sm text-red-700">{error}</p> : null;
}

export function AnnouncementForm({ options, today }: { options: Options; today: string }) {
  const t = useTranslations("announcements");
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  return (
    <ActionForm action={createAnnouncementAction} className="space-y-5">
      <TextField name="title" label={t("formTitle")} required maxLength={NAME_MAX} />
      <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} rows={6} required />
      <TextField name="effectiveDate" label={t("effectiveDate")} type="date" defaultValue={today} required className="max-w-xs" />
      <section className="space-y-3" aria-labelledby="audience-heading">
        <h2 id="audience-heading" className="text-lg font-semibold">
          {t("audience")}
        </h2>
        <p className="text-sm text-slate-600">{t("audienceHint")}</p>
        {options.everyoneAllowed ? (
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="everyone" value="true" />
            {t("everyone")}
          </label>
        ) : null}
        <CheckboxGroup legend={t("teams")} name="teamIds" items={options.teams.map((x) => ({ id: x.id, label: x.name }))} />
        <CheckboxGroup legend={t("roles")} name="roleIds" items={options.roles.map((x) => ({ id: x.id, label: x.title }))} />
        <CheckboxGroup legend={t("people")} name="personIds" items={options.people.map((x) => ({ id: x.id, label: x.name }))} />
        <AudienceError />
      </section>
      <section className="space-y-3" aria-labelledby="transfers-heading">
        <h2 id="transfers-heading" className="text-lg font-semibold">
          {t("transfers")}
        </h2>
        <p className="text-sm text-slate-600">{t("transfersHint")}</p>
        {transfers.map((tr, i) => (
          <TransferRow
            key={i}
            index={i}
            value={tr}
            options={options}
            onChange={(next) => setTransfers(transfers.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setTransfers(transfers.filter((_, j) => j !== i))}
          />
        ))}
        <button
          type="button"
          onClick={() => setTransfers([...transfers, { type: "role", taskKey: "", fromRoleId: "", toRoleId: "", toResponsibilityKey: null }])}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          {t("addTransfer")}
        </button>
        <input type="hidden" name="transfers" value={JSON.stringify(transfers)} />
      </section>
      <SubmitButton>{t("publish")}</SubmitButton>
    </ActionForm>
  );
}
