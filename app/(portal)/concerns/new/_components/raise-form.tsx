"use client";

import { Fragment, useId, useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, labelClass, selectClass } from "@/components/ui/field-styles";
import { buttonClass } from "@/components/ui/button";
import { TEXT_MAX } from "@/lib/core/limits";
import { anonymityWarnings } from "@/lib/concerns/warning";
import { PersonSearch } from "@/components/ui/person-search";
import { raiseConcernAction, searchConcernTeamsAction } from "../actions";

type Audience = "manager" | "team" | "role_owner" | "hr";
type Option = { audience: Audience; team: { id: number; name: string } | null; role: { id: number; name: string } | null; readers: { id: number; name: string }[]; teamSize: number; smallTeam: boolean };
type Options = {
  options: Option[];
  teamChoice: boolean;
  role: { id: number; title: string; holders: number; responsibilities: { key: string; title: string; tasks: { key: string; title: string }[] }[] } | null;
};

const AUDIENCE_LABEL = { manager: "audienceManager", team: "audienceTeam", role_owner: "audienceRoleOwner", hr: "audienceHr" } as const;

function FieldErrorText({ name }: { name: string }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return error ? <p className={errorClass}>{error}</p> : null;
}

/** The receipt code, shown once after an anonymous post: large, monospace, copy and print. */
function CodePanel({ code }: { code: string }) {
  const t = useTranslations("concerns.raise");
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="receipt-heading" className="space-y-4">
      <h2 id="receipt-heading" className="text-xl font-semibold text-slate-900">
        {t("posted")}
      </h2>
      <p className="text-slate-700">{t("codeIntro")}</p>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("codeLabel")}</p>
      <p
        data-testid="receipt-code"
        className="select-all break-all rounded-md border-2 border-slate-800 bg-white px-4 py-3 text-center font-mono text-2xl font-bold tracking-widest text-slate-900 sm:text-3xl"
      >
        {code}
      </p>
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("keepCode")}</p>
      <div className="flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={() => window.print()}>
          {t("print")}
        </button>
        <Link href="/receipt" className={buttonClass("primary")}>
          {t("followLink")}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t("followHint")}</p>
      <p role="status" className="sr-only">
        {copied ? t("copied") : ""}
      </p>
    </section>
  );
}

/** Under "a team's managers" or "the owner of a role": which team or role, and who will read it. */
function AudienceChoice({
  label,
  name,
  placeholder,
  value,
  onChange,
  choices,
  readers,
  testId,
}: {
  label: string;
  name: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  choices: { id: number; name: string }[];
  readers: { name: string }[] | null;
  testId?: string;
}) {
  const t = useTranslations("concerns.raise");
  const id = useId();
  return (
    <div className="pl-8">
      <label htmlFor={id} className={labelClass("sm")}>
        {label}
      </label>
      <select id={id} name={name} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {readers ? (
        <p className="mt-1 text-sm text-slate-600" data-testid={testId}>
          {t("readBy", { names: readers.map((r) => r.name).join(", ") })}
        </p>
      ) : null}
      <FieldErrorText name={name} />
    </div>
  );
}

/** Under "a team's manager": the team, searched as the author types (never a list of every team), and who will read it. */
function TeamChoice({ team, onPick }: { team: Option | null; onPick: (team: Option | null) => void }) {
  const t = useTranslations("concerns.raise");
  const { state } = useFormStatusContext();
  return (
    <div className="pl-8">
      <PersonSearch<Option & { id: number }>
        label={t("team")}
        hint={t("teamHint")}
        initial={team ? { ...team, id: team.team!.id } : null}
        optionLabel={(o) => o.team!.name}
        search={async (q) => {
          const res = await searchConcernTeamsAction(null, { q });
          return res.ok ? res.data.map((o) => ({ ...o, id: o.team!.id })) : null;
        }}
        name="teamId"
        error={state && !state.ok ? state.fieldErrors.teamId : undefined}
        testId="concern-team"
        onPick={onPick}
      />
      {team ? (
        <p className="mt-1 text-sm text-slate-600" data-testid="team-readers">
          {t("readBy", { names: team.readers.map((r) => r.name).join(", ") })}
        </p>
      ) : null}
    </div>
  );
}

export function RaiseForm({ options, initialLink = "" }: { options: Options; initialLink?: string }) {
  const t = useTranslations("concerns.raise");
  const [code, setCode] = useState<string | null>(null);
  const [identity, setIdentity] = useState<"named" | "anonymous">("named");
  const audiences = (["manager", "team", "role_owner", "hr"] as const).filter((a) => (a === "team" ? options.teamChoice : options.options.some((o) => o.audience === a)));
  const [audience, setAudience] = useState<Audience | "">(audiences[0] ?? "");
  // The team picked in the search (its manager and size come with it).
  const [team, setTeam] = useState<Option | null>(null);
  const roles = options.options.filter((o) => o.audience === "role_owner");
  // The owner of the author's own role is the first choice (listed first when there is one).
  const [roleId, setRoleId] = useState<string>(roles[0] && roles[0].role?.id === options.role?.id ? String(roles[0].role?.id) : "");
  const [link, setLink] = useState(initialLink);
  const linkId = useId();

  if (code) return <CodePanel code={code} />;
  if (!audiences.length) return <p className="text-slate-700">{t("noAudience")}</p>;

  const chosen =
    audience === "team"
      ? team
      : audience === "role_owner"
        ? roles.find((o) => String(o.role?.id) === roleId)
        : options.options.find((o) => o.audience === audience);
  const warnings = anonymityWarnings({ anonymous: identity === "anonymous", chosen: chosen ?? null, role: options.role, linked: link !== "" });

  return (
    <ActionForm action={raiseConcernAction} className="space-y-6" onSuccess={(data) => setCode((data as { code: string }).code)}>
      <fieldset className="space-y-2">
        <legend className={labelClass()}>{t("identity")}</legend>
        {(["named", "anonymous"] as const).map((v) => (
          <label key={v} className="flex items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="identity" value={v} checked={identity === v} onChange={() => setIdentity(v)} className="mt-1" aria-describedby={`identity-${v}-hint`} />
            <span>
              <span className="block font-medium">{t(v)}</span>
              <span id={`identity-${v}-hint`} className="block text-sm text-slate-600">
                {t(`${v}Hint`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className={labelClass()}>{t("audience")}</legend>
        {audiences.map((a) => {
          const o = options.options.find((x) => x.audience === a);
          return (
            <Fragment key={a}>
              <label className="flex items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name="audience" value={a} checked={audience === a} onChange={() => setAudience(a)} className="mt-1" />
                <span>
                  <span className="block font-medium">{t(AUDIENCE_LABEL[a])}</span>
                  {o && a !== "team" && a !== "role_owner" ? <span className="block text-sm text-slate-600">{t("readBy", { names: o.readers.map((r) => r.name).join(", ") })}</span> : null}
                </span>
              </label>
              {a === "team" && audience === "team" ? <TeamChoice team={team} onPick={setTeam} /> : null}
              {a === "role_owner" && audience === "role_owner" ? (
                <AudienceChoice
                  label={t("role")}
                  name="roleId"
                  placeholder={t("chooseRole")}
                  value={roleId}
                  onChange={setRoleId}
                  choices={roles.map((o) => o.role!)}
                  readers={chosen?.readers ?? null}
                  testId="role-owner-readers"
                />
              ) : null}
            </Fragment>
          );
        })}
        <FieldErrorText name="audience" />
        <div aria-live="polite">
          {warnings.map((w) => (
            <p key={w.kind} className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {w.kind === "team" ? t("smallTeam", { count: w.count }) : t("smallRole", { count: w.count, role: w.role })}
            </p>
          ))}
        </div>
      </fieldset>

      {options.role && options.role.responsibilities.length ? (
        <div>
          <label htmlFor={linkId} className={labelClass()}>
            {t("link", { role: options.role.title })}
          </label>
          <select id={linkId} name="link" className={selectClass} value={link} onChange={(e) => setLink(e.target.value)}>
            <option value="">{t("linkNone")}</option>
            {options.role.responsibilities.map((r) => (
              <optgroup key={r.key} label={r.title}>
                <option value={`r:${r.key}`}>{t("linkResponsibility", { title: r.title })}</option>
                {r.tasks.map((task) => (
                  <option key={task.key} value={`t:${task.key}`}>
                    {t("linkTask", { title: task.title })}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldErrorText name="link" />
        </div>
      ) : null}

      <TextAreaField name="body" label={t("body")} hint={t("bodyHint", { max: TEXT_MAX })} rows={8} required maxLength={TEXT_MAX} />

      {identity === "anonymous" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">{t("keepCode")}</p>
      ) : null}
      <SubmitButton>{identity === "anonymous" ? t("submitAnonymous") : t("submit")}</SubmitButton>
    </ActionForm>
  );
}
