import type { ReactNode } from "react";

/** The table frame every list page uses: a scrolling card with a header row of column labels. */
export function DataTable({ columns, children, dense = false }: { columns: string[]; children: ReactNode; dense?: boolean }) {
  const cell = dense ? "px-3 py-2" : "px-4 py-3";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
