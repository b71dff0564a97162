"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { CellState } from "@/lib/capability/vocabulary";
import { AssignGap } from "./assign";

/**
 * One cell of the matrix as the page sends it (issue 15: a page of 20 people × their capabilities was
 * sent twice, as HTML and as the React payload of every element; now the payload is this data).
 * `u`: the holding's "valid until" day, already formatted in the reader's time zone; `l`: it lapsed;
 * `c`: a gap some course builds (AssignPanel knows the courses).
 */
export type MatrixCellData = { s: CellState; u?: string; l?: 1; c?: 1 };
export type MatrixRow = { id: number; name: string; team: string | null; cells: MatrixCellData[] };

const ICON: Record<CellState, string> = { ready: "✓", expiring: "!", training: "→", gap: "✗" };

/**
 * A role's people × capabilities. Cells carry no classes: app/globals.css styles `.rb-matrix` by
 * element and data-state. With `mayAssign`, a gap some course builds has its one-click "Assign"
 * (inside the page's AssignPanel).
 */
export function ReadinessMatrix({
  roleTitle,
  roleSlug,
  capabilities,
  rows,
  mayAssign,
}: {
  roleTitle: string;
  roleSlug: string;
  capabilities: { key: string; name: string }[];
  rows: MatrixRow[];
  mayAssign: boolean;
}) {
  const t = useTranslations("readiness");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="rb-matrix min-w-full text-sm" data-testid={`matrix-${roleSlug}`}>
        <caption className="sr-only">{t("matrixCaption", { role: roleTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            {capabilities.map((c) => (
              <th key={c.key} scope="col">
                <Link href={`/capabilities/${encodeURIComponent(c.key)}`} className="rb-link">
                  {c.name}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-person={p.name}>
              <th scope="row">
                <Link href={`/people/${p.id}/capability`} className="rb-link">
                  {p.name}
                </Link>
                {p.team ? <small>{p.team}</small> : null}
              </th>
              {capabilities.map((cap, i) => {
                const c = p.cells[i] ?? { s: "gap" };
                return (
                  <td key={cap.key} data-state={c.s} data-capability={cap.key}>
                    <span>
                      <span aria-hidden="true">{ICON[c.s]}</span>
                      {t(`state.${c.s}`)}
                    </span>
                    {c.u ? <small>{t("until", { date: c.u })}</small> : null}
                    {c.l ? <small>{t("lapsed")}</small> : null}
                    {c.s === "gap" && mayAssign ? c.c ? <AssignGap personId={p.id} capabilityKey={cap.key} /> : <small>{t("noCourse")}</small> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
