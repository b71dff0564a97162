import { Children, cloneElement, isValidElement, type CSSProperties, type ReactElement, type ReactNode } from "react";

type Cells = { children?: ReactNode; role?: string };

/**
 * Gives every cell of a row the label of its column (`data-label`), which the small-screen layout
 * shows above the cell when the table turns into stacked rows (see `.rb-table` in globals.css).
 */
function labelCells(rows: ReactNode, columns: string[], byTable: boolean): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<Cells>(row) || row.type !== "tr") return row;
    let i = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell) || cell.type !== "td") return cell;
      const label = columns[i++];
      return cloneElement(cell as ReactElement<{ "data-label"?: string; role?: string }>, { role: "cell", ...(label && !byTable ? { "data-label": label } : {}) });
    });
    return cloneElement(row, { role: "row" }, cells);
  });
}

/** The column labels as CSS strings in custom properties, `--c1` for the first (globals.css `.rb-cells`). */
export function columnLabels(columns: string[]): CSSProperties {
  return Object.fromEntries(columns.slice(0, CELL_LABELS_MAX).map((c, i) => [`--c${i + 1}`, `"${c.replace(/[\\"]/g, "\\$&").replace(/\n/g, " ")}"`]));
}

/** How many columns `.rb-cells` labels (globals.css has a rule for each). */
export const CELL_LABELS_MAX = 10;

/**
 * The table frame every list page uses: a card with a header row of column labels. Below 640 px
 * each row becomes a stacked block and each cell is labelled with its column header. `cells`: the
 * body's cells take their padding from the table (`.rb-cells`), not from a class on each cell, and
 * their small-screen labels from the table's `--c1`, `--c2`… (by position: every cell of a row a
 * `td`, in column order, none spanning two), not from a `data-label` on each cell; with `dense`,
 * the smaller padding.
 */
export function DataTable({ columns, children, dense = false, cells = false }: { columns: string[]; children: ReactNode; dense?: boolean; cells?: boolean }) {
  const cell = dense ? "px-3 py-2" : "px-4 py-3";
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm sm:overflow-x-auto">
      <table role="table" className={`rb-table min-w-full divide-y divide-slate-200 text-sm${cells ? (dense ? " rb-cells rb-dense" : " rb-cells") : ""}`} style={cells ? columnLabels(columns) : undefined}>
        <thead role="rowgroup" className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr role="row">
            {columns.map((c) => (
              <th key={c} scope="col" role="columnheader" className={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100">{labelCells(children, columns, cells)}</tbody>
      </table>
    </div>
  );
}
