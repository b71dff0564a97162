"use client";

import { createContext, useActionState, useContext, useId, useRef, useTransition, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/core/action-types";
import { errorClass, hintClass, inputClass, labelClass, selectClass, textareaClass } from "./field-styles";
import { SuccessNote } from "@/components/ui/notice";

type State = ActionResult<unknown> | null;
const FormState = createContext<{ state: State; pending: boolean }>({ state: null, pending: false });

/**
 * A form bound to a Server Action built with createAction. Keeps what the person typed when the
 * server refuses it, shows the form-level error, and hands field errors to <Field>.
 */
export function ActionForm({
  action,
  children,
  className = "",
  onSuccess,
  successMessage,
  resetOnSuccess,
  ...rest
}: {
  action: (prev: State, data: FormData) => Promise<State>;
  children: ReactNode;
  className?: string;
  onSuccess?: (data: unknown) => void;
  successMessage?: string;
  resetOnSuccess?: boolean;
} & Omit<ComponentProps<"form">, "action" | "onSubmit">) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch] = useActionState(async (prev: State, data: FormData) => {
    const result = await action(prev, data);
    if (result?.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(result.data);
    }
    return result;
  }, null);
  const [pending, startTransition] = useTransition();
  return (
    <FormState.Provider value={{ state, pending }}>
      <form
        // A submit before the scripts have loaded posts the form to the page itself: never a GET
        // that would put the fields (a password) in the URL, the history and server logs.
        method="post"
        {...rest}
        ref={formRef}
        noValidate
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        {state && !state.ok ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.error}
            {state.fieldErrors._form ? ` ${state.fieldErrors._form}` : ""}
          </p>
        ) : null}
        {state?.ok && successMessage ? (
          <SuccessNote>
            {successMessage}
          </SuccessNote>
        ) : null}
        {children}
      </form>
    </FormState.Provider>
  );
}

export function useFormStatusContext() {
  return useContext(FormState);
}

type FieldProps = { name: string; label: string; hint?: string; className?: string };

function FieldShell({
  name,
  label,
  hint,
  className = "",
  children,
}: FieldProps & { children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const { state } = useContext(FormState);
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      {children({ id, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined, invalid: Boolean(error) })}
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  className,
  ...input
}: FieldProps & Omit<ComponentProps<"input">, "name" | "id">) {
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} {...input} />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  className,
  ...textarea
}: FieldProps & Omit<ComponentProps<"textarea">, "name" | "id">) {
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} className={textareaClass} {...textarea} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  className,
  options,
  emptyLabel,
  ...select
}: FieldProps & {
  options: { value: string | number; label: string }[];
  emptyLabel?: string;
} & Omit<ComponentProps<"select">, "name" | "id">) {
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} className={selectClass} {...select}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function SubmitButton({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "danger" | "secondary" }) {
  const { pending } = useContext(FormState);
  const t = useTranslations("common");
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex items-center justify-center rounded-md px-3.5 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${styles[variant]}`}
    >
      {pending ? t("saving") : children}
    </button>
  );
}
