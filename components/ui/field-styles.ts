/**
 * The one set of styles for form controls and their labels. A plain module (no "use client"), so
 * Server Components get the strings themselves, not client references.
 */

type Size = "md" | "sm";

const control =
  "rounded-md border border-slate-300 bg-white text-slate-900 shadow-xs focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30 disabled:opacity-60 aria-[invalid=true]:border-red-600";

/**
 * Text inputs, selects and textareas. `md` fills its column, and inputs and selects share one height
 * so they line up in a row; `sm` is a compact inline control (e.g. in the header).
 */
export function fieldClass(size: Size = "md"): string {
  return size === "md" ? `${control} block min-h-9.5 w-full px-3 py-2 text-sm` : `${control} px-2 py-1 text-sm`;
}

export const inputClass = fieldClass();
export const selectClass = fieldClass();
export const textareaClass = fieldClass();

/** The label above a control: `md` in forms, `sm` in dense editors (role editor, transfer rows). */
export function labelClass(size: Size = "md"): string {
  return size === "md" ? "mb-1 block text-sm font-medium text-slate-800" : "mb-1 block text-xs font-medium text-slate-700";
}

export const hintClass = "mt-1 text-xs text-slate-500";
export const errorClass = "mt-1 text-sm text-red-700";
