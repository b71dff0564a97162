"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, hintClass, inputClass, labelClass } from "@/components/ui/field-styles";
import { buttonClass } from "@/components/ui/button";
import { ChipList } from "@/components/ui/chip-list";
import type { ActionResult } from "@/lib/core/action-types";
import { NAME_MAX, TEXT_MAX } from "@/lib/core/limits";
import { CAPABILITY_KINDS, COURSE_CAPABILITIES_MAX, COURSE_MINUTES_MAX } from "@/lib/capability/vocabulary";
import { searchCapabilitiesAction, uploadCourseImageAction } from "../actions";

type Capability = { key: string; name: string };
type Course = { id: number; revision: number; title: string; kind: string; summary: string; content: string; estimatedMinutes: number; capabilities: Capability[] };
type Action = (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown> | null>;

/** The course editor: title, kind, summary, Markdown content with image upload, estimated time, capabilities it builds. */
export function CourseForm({ action, course }: { action: Action; course: Course | null }) {
  const t = useTranslations("training");
  const content = useRef<HTMLTextAreaElement>(null);
  return (
    <ActionForm action={action} className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" data-testid="course-form">
      {course ? (
        <>
          <input type="hidden" name="id" value={course.id} />
          <input type="hidden" name="revision" value={course.revision} />
        </>
      ) : null}
      <TextField name="title" label={t("form.title")} defaultValue={course?.title ?? ""} maxLength={NAME_MAX} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("form.kind")}
          defaultValue={course?.kind ?? "technical"}
          options={CAPABILITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField
          name="estimatedMinutes"
          label={t("form.minutes")}
          type="number"
          inputMode="numeric"
          min={1}
          max={COURSE_MINUTES_MAX}
          defaultValue={course?.estimatedMinutes ?? 30}
          required
        />
      </div>
      <TextAreaField name="summary" label={t("form.summary")} hint={t("form.summaryHint")} defaultValue={course?.summary ?? ""} rows={2} maxLength={1000} />
      <TextAreaField
        ref={content}
        name="content"
        label={t("form.content")}
        hint={t("form.contentHint")}
        defaultValue={course?.content ?? ""}
        rows={14}
        maxLength={TEXT_MAX}
        className="font-mono"
      />
      <ImageUpload insert={(md) => insertAtCursor(content.current, md)} />
      <CapabilityPicker initial={course?.capabilities ?? []} />
      <SubmitButton>{course ? t("form.save") : t("form.create")}</SubmitButton>
    </ActionForm>
  );
}

function insertAtCursor(el: HTMLTextAreaElement | null, text: string) {
  if (!el) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const before = el.value.slice(0, start);
  const glue = before && !before.endsWith("\n") ? "\n\n" : "";
  el.value = `${before}${glue}${text}\n${el.value.slice(end)}`;
  el.focus();
}

/** Uploads an image and writes `![alt](/files/<id>)` into the content. Its inputs have no name: the course form never sends them. */
function ImageUpload({ insert }: { insert: (markdown: string) => void }) {
  const t = useTranslations("training");
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const alt = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function upload() {
    const f = file.current?.files?.[0];
    if (!f) {
      setMessage({ ok: false, text: t("form.imageChoose") });
      return;
    }
    const data = new FormData();
    data.set("file", f);
    startTransition(async () => {
      const result = await uploadCourseImageAction(null, data);
      if (result.ok) {
        const text = (alt.current?.value ?? "").replace(/[[\]\n]/g, " ").trim() || t("form.imageDefaultAlt");
        insert(`![${text}](/files/${result.data.id})`);
        setMessage({ ok: true, text: t("form.imageInserted") });
        if (file.current) file.current.value = "";
        if (alt.current) alt.current.value = "";
      } else setMessage({ ok: false, text: result.fieldErrors.file ?? result.error });
    });
  }
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t("form.image")}</legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor={`${id}-file`} className={labelClass()}>
            {t("form.imageFile")}
          </label>
          <input id={`${id}-file`} ref={file} type="file" accept="image/png,image/jpeg" className="block w-full text-sm" aria-describedby={`${id}-hint`} />
        </div>
        <div>
          <label htmlFor={`${id}-alt`} className={labelClass()}>
            {t("form.imageAlt")}
          </label>
          <input id={`${id}-alt`} ref={alt} type="text" maxLength={200} className={inputClass} />
        </div>
        <button type="button" onClick={upload} disabled={pending} aria-busy={pending} className={buttonClass("secondary")}>
          {t("form.imageUpload")}
        </button>
      </div>
      <p id={`${id}-hint`} className={hintClass}>
        {t("form.imageHint")}
      </p>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "mt-2 text-sm text-green-800" : errorClass}>
          {message.text}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Search-as-you-type for the capabilities the course builds; each picked one is sent as `capabilities`. */
function CapabilityPicker({ initial }: { initial: Capability[] }) {
  const t = useTranslations("training");
  const id = useId();
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.capabilities : undefined;
  const [picked, setPicked] = useState<Capability[]>(initial);
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Capability[]>([]);
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function add(c: Capability) {
    setPicked((now) => (now.some((p) => p.key === c.key) || now.length >= COURSE_CAPABILITIES_MAX ? now : [...now, c]));
    setText("");
  }

  function onChange(value: string) {
    const match = options.find((o) => o.name === value);
    if (match) {
      add(match);
      return;
    }
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (!q) return;
    timer.current = setTimeout(() => {
      startTransition(async () => {
        const found = await searchCapabilitiesAction(q);
        if (!found) return;
        setOptions(found);
        // Typed (or pasted) in full: take it without a second step.
        const exact = found.find((o) => o.name.toLowerCase() === q.toLowerCase());
        if (exact) add(exact);
      });
    }, 200);
  }

  return (
    <div>
      <label htmlFor={`${id}-search`} className={labelClass()}>
        {t("form.capabilities")}
      </label>
      <ChipList
        items={picked}
        keyOf={(c) => c.key}
        labelOf={(c) => c.name}
        name="capabilities"
        onRemove={(c) => setPicked(picked.filter((p) => p.key !== c.key))}
        listLabel={t("form.capabilitiesPicked")}
        removeLabel={(c) => t("form.removeCapability", { name: c.name })}
        className="mb-2"
      />
      <input
        id={`${id}-search`}
        type="search"
        list={`${id}-options`}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        maxLength={100}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        data-testid="capability-search"
      />
      <datalist id={`${id}-options`}>
        {options
          .filter((o) => !picked.some((p) => p.key === o.key))
          .map((o) => (
            <option key={o.key} value={o.name} />
          ))}
      </datalist>
      <p id={`${id}-hint`} className={hintClass}>
        {t("form.capabilitiesHint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
