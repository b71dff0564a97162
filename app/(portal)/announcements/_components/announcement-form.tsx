"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField, TextField, useFormStatusContext } from "@/components/ui/form";
import { labelClass, selectClass } from "@/components/ui/field-styles";
import { NAME_MAX } from "@/lib/core/limits";
import { PersonSearch } from "@/components/ui/person-search";
import { ChipList } from "@/components/ui/chip-list";
import { announcementRoleTasksAction, createAnnouncementAction, searchAnnouncementPeopleAction, searchAnnouncementTeamsAction } from "../actions";

type RoleDetail = {
  id: number;
  title: string;
  responsibilities: { key: string; title: string }[];
  tasks: { key: string; title: string; responsibility: string }[];
};
type Team = { id: number; name: string };
/** `teamSearch`: the teams are too many to list (`teams` is then empty): they are searched. */
type Options = {
  everyoneAllowed: boolean;
  teamSearch: boolean;
  teams: Team[];
  roles: { id: number; title: string }[];
};
type PersonChoice = { id: number; name: string; email: string; jobRoleId: number | null };
const personLabel = (p: PersonChoice) => `${p.name} <${p.email}>`;
async function searchPeople(q: string): Promise<PersonChoice[] | null> {
  const res = await searchAnnouncementPeopleAction(null, { q });
  return res.ok ? res.data : null;
}
async function searchTeams(q: string): Promise<Team[] | null> {
  const res = await searchAnnouncementTeamsAction(null, { q });
  return res.ok ? res.data : null;
}

/** A role's responsibilities and tasks, loaded once the role is chosen (the form never carries every role's tasks). */
function useRoleDetail(roleId: number | ""): RoleDetail | null {
  const [loaded, setLoaded] = useState<{ roleId: number; detail: RoleDetail | null } | null>(null);
  useEffect(() => {
    if (!roleId) return;
    let live = true;
    void announcementRoleTasksAction(null, { roleId }).then((res) => {
      if (live) setLoaded({ roleId, detail: res.ok ? res.data : null });
    });
    return () => {
      live = false;
    };
  }, [roleId]);
  return roleId && loaded?.roleId === roleId ? loaded.detail : null;
}

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
  // The giver's role, known once they are picked in the search (their tasks are offered); forgotten
  // when the kind of transfer changes (the giver's field starts empty again).
  const [giverRoleId, setGiverRoleId] = useState<number | "">("");
  const tasks = useRoleDetail(value.type === "role" ? value.fromRoleId : giverRoleId)?.tasks ?? [];
  const receiving = useRoleDetail(value.type === "role" ? value.toRoleId : "");
  const roleOptions = options.roles.map((r) => ({ value: r.id, label: r.title }));
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{t("transferN", { n: index + 1 })}</legend>
      <div className="mb-2 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`transfer-type-${index}`}
            checked={value.type === "role"}
            onChange={() => {
              setGiverRoleId("");
              onChange({ type: "role", taskKey: "", fromRoleId: "", toRoleId: "", toResponsibilityKey: null });
            }}
          />
          {t("betweenRoles")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`transfer-type-${index}`}
            checked={value.type === "person"}
            onChange={() => {
              setGiverRoleId("");
              onChange({ type: "person", taskKey: "", fromPersonId: "", toPersonId: "" });
            }}
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
          <PersonSearch<PersonChoice>
            label={t("fromPerson")}
            hint={t("personHint")}
            initial={null}
            optionLabel={personLabel}
            search={searchPeople}
            name={`transfer-${index}-from`}
            onPick={(p) => {
              setGiverRoleId(p?.jobRoleId ?? "");
              onChange({ ...value, fromPersonId: p?.id ?? "", taskKey: "" });
            }}
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
              options={(receiving?.responsibilities ?? []).map((r) => ({ value: r.key, label: r.title }))}
              onChange={(v) => onChange({ ...value, toResponsibilityKey: v || null })}
            />
          </>
        ) : (
          <PersonSearch<PersonChoice>
            label={t("toPerson")}
            hint={t("personHint")}
            initial={null}
            optionLabel={personLabel}
            search={searchPeople}
            name={`transfer-${index}-to`}
            onPick={(p) => onChange({ ...value, toPersonId: p?.id ?? "" })}
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

/**
 * Part of the audience searched as the author types (never a list of everyone): each picked one is
 * listed as a chip with a way to remove it, and sent as `name`.
 */
function SearchPicker<T extends { id: number }>({
  legend,
  label,
  hint,
  pickedLabel,
  removeLabel,
  optionLabel,
  chipLabel,
  search,
  name,
  testId,
}: {
  legend: string;
  label: string;
  hint: string;
  pickedLabel: string;
  removeLabel: (item: T) => string;
  optionLabel: (item: T) => string;
  chipLabel: (item: T) => string;
  search: (q: string) => Promise<T[] | null>;
  name: string;
  testId: string;
}) {
  const [picked, setPicked] = useState<T[]>([]);
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {/* Remounted after each pick, so the search field starts empty again. */}
      <PersonSearch<T>
        key={picked.length}
        label={label}
        hint={hint}
        initial={null}
        optionLabel={optionLabel}
        search={search}
        name={`${name}Search`}
        onPick={(p) => {
          if (p && !picked.some((x) => x.id === p.id)) setPicked([...picked, p]);
        }}
        testId={testId}
      />
      <ChipList
        items={picked}
        keyOf={(p) => p.id}
        labelOf={chipLabel}
        name={name}
        onRemove={(p) => setPicked(picked.filter((x) => x.id !== p.id))}
        listLabel={pickedLabel}
        removeLabel={removeLabel}
        className="mt-2"
      />
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
        {options.teamSearch ? (
          <SearchPicker<Team>
            legend={t("teams")}
            label={t("addTeam")}
            hint={t("teamsHint")}
            pickedLabel={t("teamsPicked")}
            removeLabel={(x) => t("removeTeam", { name: x.name })}
            optionLabel={(x) => x.name}
            chipLabel={(x) => x.name}
            search={searchTeams}
            name="teamIds"
            testId="audience-team-search"
          />
        ) : (
          <CheckboxGroup legend={t("teams")} name="teamIds" items={options.teams.map((x) => ({ id: x.id, label: x.name }))} />
        )}
        <CheckboxGroup legend={t("roles")} name="roleIds" items={options.roles.map((x) => ({ id: x.id, label: x.title }))} />
        <SearchPicker<PersonChoice>
          legend={t("people")}
          label={t("addPerson")}
          hint={t("peopleHint")}
          pickedLabel={t("peoplePicked")}
          removeLabel={(p) => t("removePerson", { name: p.name })}
          optionLabel={personLabel}
          chipLabel={(p) => p.name}
          search={searchPeople}
          name="personIds"
          testId="audience-person-search"
        />
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
