import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";
import { inputClass, labelClass, selectClass } from "./field-styles";

type Option = { value: string | number; label: string };
type Common = {
  name: string;
  label: string;
  /** The current value from the query string. */
  value?: string;
  /** The value that means "not filtered" (default ""): the clear link shows when any field differs from it. */
  unset?: string;
  /** Takes about twice the room of other fields (e.g. a free-text search). */
  wide?: boolean;
};
export type FilterField =
  | (Common & { type: "search" | "text" | "date"; placeholder?: string; maxLength?: number })
  | (Common & { type: "select"; options: Option[] })
  /** A field that renders its own label and inputs (e.g. TeamFilter, a search-as-you-type). */
  | (Common & { type: "node"; node: ReactNode });

/**
 * A plain GET filter form (no client JavaScript): labelled fields, a submit button, and a link
 * that clears every filter when any is set. Fields wrap to one per line on a phone.
 */
export function FilterForm({
  action,
  fields,
  submitLabel,
  search = false,
  clearLabel,
  primary = false,
}: {
  /** The page's path; the clear link goes back to it without a query. */
  action: string;
  fields: FilterField[];
  submitLabel: string;
  /** Marks the form as a search landmark. */
  search?: boolean;
  clearLabel?: string;
  /** The submit button is the page's main action. */
  primary?: boolean;
}) {
  const t = useTranslations("common");
  const active = fields.some((f) => (f.value ?? "") !== (f.unset ?? ""));
  return (
    <form
      method="get"
      action={action}
      role={search ? "search" : undefined}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {fields.map((f) => {
        const id = `filter-${f.name}`;
        return (
          <div key={f.name} className={f.wide ? "min-w-0 grow-[2] basis-64" : "min-w-0 grow basis-44 sm:max-w-xs"}>
            {f.type === "node" ? null : (
              <label htmlFor={id} className={labelClass()}>
                {f.label}
              </label>
            )}
            {f.type === "node" ? (
              f.node
            ) : f.type === "select" ? (
              <select id={id} name={f.name} defaultValue={f.value ?? ""} className={selectClass}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.type}
                defaultValue={f.value ?? ""}
                placeholder={f.placeholder}
                maxLength={f.maxLength}
                className={inputClass}
              />
            )}
          </div>
        );
      })}
      <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-2 sm:w-auto">
        <button type="submit" className={buttonClass(primary ? "primary" : "secondary")}>
          {submitLabel}
        </button>
        {active ? (
          <Link
            href={action}
            className="rounded text-sm font-medium text-brand-700 underline hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {clearLabel ?? t("clearFilters")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
