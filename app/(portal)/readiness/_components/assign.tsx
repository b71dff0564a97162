"use client";

import { createContext, useContext, useId, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { errorClass, fieldClass, hintClass, inputClass, labelClass } from "@/components/ui/field-styles";
import type { ActionResult } from "@/lib/core/action-types";
import { assignGapsAction, assignTrainingAction } from "../actions";

type Course = { id: number; title: string; estimatedMinutes: number };
/** The page's people and assignable capabilities by id and key, once for every gap cell (issue 15: not per cell). */
export type AssignGaps = { people: Record<number, string>; capabilities: Record<string, { name: string; courses: Course[] }> };
type Ctx = { due: string; setDueError: (message: string | null) => void; gaps: AssignGaps };
const DueDate = createContext<Ctx>({ due: "", setDueError: () => {}, gaps: { people: {}, capabilities: {} } });

const messageOf = (r: Extract<ActionResult<unknown>, { ok: false }>, skip: string[] = []) =>
  [r.error, ...Object.entries(r.fieldErrors).filter(([k]) => !skip.includes(k)).map(([, v]) => v)].join(" ");

/**
 * The due date for training assigned on this page (default 14 days, editable) and, when a team is
 * filtered, "assign training for all gaps" of that team. Gap cells below read the due date.
 */
export function AssignPanel({
  defaultDue,
  teamId,
  roleId,
  gaps,
  children,
}: {
  defaultDue: string;
  teamId?: number;
  roleId?: number;
  gaps: AssignGaps;
  children: ReactNode;
}) {
  const t = useTranslations("readiness");
  const router = useRouter();
  const id = useId();
  const [due, setDue] = useState(defaultDue);
  const [dueError, setDueError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const assignAll = () =>
    startTransition(async () => {
      const r = await assignGapsAction(null, { teamId, roleId, dueDate: due });
      if (r.ok) {
        setDueError(null);
        setMessage({ ok: true, text: t("assignedAll", { count: r.data.assigned, people: r.data.people, withoutCourse: r.data.withoutCourse }) });
        router.refresh();
      } else {
        setDueError(r.fieldErrors.dueDate ?? null);
        setMessage({ ok: false, text: messageOf(r, ["dueDate"]) });
      }
    });
  return (
    <DueDate.Provider value={{ due, setDueError, gaps }}>
      <section aria-labelledby={`${id}-h`} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={`${id}-h`} className="mb-2 text-base font-semibold text-slate-900">
          {t("assignHeading")}
        </h2>
        <div className="flex flex-wrap items-end gap-4">
          <div className="min-w-0 basis-48">
            <label htmlFor={`${id}-due`} className={labelClass()}>
              {t("dueDate")}
            </label>
            <input
              id={`${id}-due`}
              type="date"
              value={due}
              onChange={(e) => setDue(e.target.value)}
              aria-invalid={dueError ? true : undefined}
              aria-describedby={dueError ? `${id}-due-error` : `${id}-due-hint`}
              className={inputClass}
            />
            {dueError ? (
              <p id={`${id}-due-error`} className={errorClass}>
                {dueError}
              </p>
            ) : (
              <p id={`${id}-due-hint`} className={hintClass}>
                {t("dueDateHint")}
              </p>
            )}
          </div>
          {teamId !== undefined ? (
            <button type="button" disabled={pending} aria-busy={pending || undefined} onClick={assignAll} className={buttonClass("secondary")}>
              {t("assignAll")}
            </button>
          ) : (
            <p className="text-sm text-slate-600">{t("assignAllNeedsTeam")}</p>
          )}
        </div>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-slate-700" : "text-red-700"}`}>
            {message.text}
          </p>
        ) : null}
      </section>
      {children}
    </DueDate.Provider>
  );
}

/**
 * A gap cell's one-click "Assign" (with a choice of course when several build the capability), inside
 * AssignPanel and a `.rb-matrix` cell (app/globals.css styles it). Only for a capability some course builds.
 */
export function AssignGap({ personId, capabilityKey }: { personId: number; capabilityKey: string }) {
  const t = useTranslations("readiness");
  const router = useRouter();
  const id = useId();
  const { due, setDueError, gaps } = useContext(DueDate);
  const personName = gaps.people[personId] ?? "";
  const { name: capabilityName, courses } = gaps.capabilities[capabilityKey] ?? { name: "", courses: [] };
  const [courseId, setCourseId] = useState(courses[0]?.id ?? 0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (courses.length === 0) return null;
  const assign = () =>
    startTransition(async () => {
      const r = await assignTrainingAction(null, { personId, capabilityKey, courseId, dueDate: due });
      if (r.ok) {
        setDueError(null);
        setMessage({ ok: true, text: t("assigned") });
        router.refresh();
      } else {
        if (r.fieldErrors.dueDate) setDueError(r.fieldErrors.dueDate);
        setMessage({ ok: false, text: messageOf(r) });
      }
    });
  return (
    <div>
      {courses.length > 1 ? (
        <>
          <label htmlFor={`${id}-course`} className="sr-only">
            {t("courseFor", { person: personName, capability: capabilityName })}
          </label>
          <select id={`${id}-course`} value={courseId} onChange={(e) => setCourseId(Number(e.target.value))} className={`${fieldClass("sm")} max-w-44 text-xs`}>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {t("courseOption", { title: c.title, minutes: c.estimatedMinutes })}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span>{courses[0]!.title}</span>
      )}
      <button
        type="button"
        disabled={pending}
        aria-busy={pending || undefined}
        aria-label={t("assignFor", { person: personName, capability: capabilityName })}
        onClick={assign}
      >
        {t("assign")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-slate-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
