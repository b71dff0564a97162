"use client";

import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

/** One plan of the overview, its words already in the reader's language. */
export type OverviewRow = {
  id: number;
  person: string;
  /** "New hire", "Role change", with " · Closed" for a closed plan. */
  note: string;
  role: string;
  team: string;
  start: string;
  buddy: string;
  /** Percent done, 0–100, and its words ("37% done"). */
  pct: number;
  done: string;
  /** The overdue count's words; `late` when it is more than 0. */
  overdue: string;
  late: boolean;
};

/**
 * The overview's table, drawn from its rows' data (issue 15): the page sends each plan as a few
 * strings rather than as a tree of markup, so a page of ten plans weighs little more than a page of
 * two. Server-rendered like the rest of the page; nothing here runs on its own.
 */
export function OverviewTable({ columns, rows }: { columns: string[]; rows: OverviewRow[] }) {
  return (
    <DataTable columns={columns} cells>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <Link href={`/onboarding/${r.id}`} className="rb-link font-medium">
              {r.person}
            </Link>
            <span className="block text-xs text-slate-500">{r.note}</span>
          </td>
          <td>{r.role}</td>
          <td>{r.team}</td>
          <td>{r.start}</td>
          <td>{r.buddy}</td>
          <td>
            <span className="flex items-center gap-2">
              <span className="rb-bar" aria-hidden>
                <span style={{ width: `${r.pct}%` }} />
              </span>
              {r.done}
            </span>
          </td>
          <td>{r.late ? <Badge tone="red">{r.overdue}</Badge> : r.overdue}</td>
        </tr>
      ))}
    </DataTable>
  );
}
