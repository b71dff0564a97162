"use client";

import { useId, type ReactNode } from "react";
import { errorClass, fieldClass, labelClass } from "@/components/ui/field-styles";

/** The class of every text input, select and textarea in the editor. */
export const input = fieldClass();
/** Small secondary buttons: move, remove, add. */
export const small = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40";

export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Replaces item `index` of a list with `patch` merged in. */
export function patchAt<T extends object>(list: T[], index: number, patch: Partial<T>): T[] {
  return list.map((x, j) => (j === index ? { ...x, ...patch } : x));
}

/** A labelled control; the child gets the id and the error wiring. */
export function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass("sm")}>
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-e` : undefined })}
      {error ? (
        <p id={`${id}-e`} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A collapsible part of a responsibility; opens by itself when it holds an error. */
export function Section({ title, open, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="rounded-md border border-slate-200 p-3" open={open}>
      <summary className="cursor-pointer text-sm font-semibold">{title}</summary>
      {children}
    </details>
  );
}

/** What the section components need to show errors. */
export type Errors = {
  err: (path: string) => string | undefined;
  openIf: (prefix: string) => true | undefined;
};
