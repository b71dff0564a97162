"use client";

import { useTranslations } from "next-intl";
import { NAME_MAX } from "@/lib/core/limits";
import type { RoleDoc } from "@/lib/roles/doc";
import { Field, input, type Errors } from "./controls";

/** The role's title, purpose and tools. */
export function HeaderSection({ doc, update, err }: { doc: RoleDoc; update: (next: RoleDoc) => void } & Pick<Errors, "err">) {
  const t = useTranslations("editor");
  return (
    <section className="rb-card">
      <div className="grid gap-4">
        <Field label={t("roleTitle")} error={err("title")}>
          {(p) => <input {...p} className={input} value={doc.title} maxLength={NAME_MAX} onChange={(e) => update({ ...doc, title: e.target.value })} />}
        </Field>
        <Field label={t("purpose")} error={err("purpose")}>
          {(p) => <textarea {...p} className={input} rows={3} value={doc.purpose} onChange={(e) => update({ ...doc, purpose: e.target.value })} />}
        </Field>
        <Field label={t("tools")} error={err("tools")}>
          {(p) => (
            <textarea
              {...p}
              className={input}
              rows={3}
              value={(doc.tools ?? []).join("\n")}
              onChange={(e) => update({ ...doc, tools: e.target.value.split("\n").map((x) => x.trimStart()) })}
              onBlur={(e) => update({ ...doc, tools: e.target.value.split("\n").map((x) => x.trim()).filter(Boolean) })}
            />
          )}
        </Field>
        <p className="text-xs text-slate-500">{t("markdownHint")}</p>
      </div>
    </section>
  );
}
