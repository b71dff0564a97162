"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { PersonSearch } from "@/components/ui/person-search";
import { makeLinkAction, searchLinkPeopleAction } from "../actions";

type Person = { id: number; name: string; roleTitle: string | null };
type Made = { url: string; qr: string; personName: string; expiresAt: string };

function LinkPersonPicker({ label, hint }: { label: string; hint: string }) {
  const { state } = useFormStatusContext();
  return (
    <PersonSearch<Person>
      label={label}
      hint={hint}
      initial={null}
      optionLabel={(p) => (p.roleTitle ? `${p.name} — ${p.roleTitle}` : p.name)}
      search={async (q) => {
        const res = await searchLinkPeopleAction(null, { q });
        return res.ok ? res.data : null;
      }}
      name="personId"
      textName="personText"
      error={state && !state.ok ? state.fieldErrors.personId : undefined}
      testId="link-person"
    />
  );
}

/** Makes a per-service link and shows it once, with a copy button and its QR code. */
export function MakeLinkForm({ forOthers }: { forOthers: boolean }) {
  const t = useTranslations("ratingLinks");
  const format = useFormatter();
  const router = useRouter();
  const [made, setMade] = useState<Made | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <ActionForm
        action={makeLinkAction}
        resetOnSuccess
        onSuccess={(data) => {
          setMade(data as Made);
          setCopied(false);
          router.refresh();
        }}
        className="grid gap-4 sm:grid-cols-2"
      >
        {forOthers ? <LinkPersonPicker label={t("make.person")} hint={t("make.personHint")} /> : null}
        <TextField name="reference" label={t("make.reference")} hint={t("make.referenceHint")} maxLength={100} />
        <div className="sm:col-span-2">
          <SubmitButton>{t("make.submit")}</SubmitButton>
        </div>
      </ActionForm>
      {made ? (
        <section aria-labelledby="made-link-heading" className="rounded-lg border border-green-200 bg-green-50 p-4" data-testid="made-link">
          <h3 id="made-link-heading" className="font-semibold text-green-900">
            {t("made.heading", { name: made.personName })}
          </h3>
          <p role="status" className="mt-1 text-sm text-green-900">
            {t("made.once", { date: format.dateTime(new Date(made.expiresAt), { dateStyle: "medium" }) })}
          </p>
          <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
            <img src={made.qr} alt={t("made.qrAlt")} width={160} height={160} className="rounded border border-slate-200 bg-white" />
            <div className="min-w-0 flex-1">
              <label htmlFor="made-link-url" className="text-sm font-medium text-slate-800">
                {t("made.url")}
              </label>
              <input id="made-link-url" readOnly value={made.url} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(made.url);
                    setCopied(true);
                  } catch {
                    setCopied(false);
                  }
                }}
              >
                {copied ? t("made.copied") : t("made.copy")}
              </button>
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}
