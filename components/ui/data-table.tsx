import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type Cells = { children?: ReactNode; role?: string };

/**
 * Gives every cell of a row the label of its column (`data-label`), which the small-screen layout
 * shows above the cell when the table turns into stacked rows (see `.rb-table` in globals.css).
 */
function labelCells(rows: ReactNode, columns: string[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<Cells>(row) || row.type !== "tr") return row;
    let i = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell) || cell.type !== "td") return cell;
      const label = columns[i++];
      return cloneElement(cell as ReactElement<{ "data-label"?: string; role?: string }>, { role: "cell", ...(label ? { "data-label": label } : {}) });
    });
    return cloneElement(row, { role: "row" }, cells);
  });
}

/**
 * The table frame every list page uses: a card with a header row of column labels. Below 640 px
 * each row becomes a stacked block and each cell is labelled with its column header.
 */
export function DataTable({ columns, children, dense = false }: { columns: string[]; children: ReactNode; dense?: boolean }) {
  const cell = dense ? "px-3 py-2" : "px-4 py-3";
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm sm:overflow-x-auto">
      <table role="table" className="rb-table min-w-full divide-y divide-slate-200 text-sm">
        <thead role="rowgroup" className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr role="row">
            {columns.map((c) => (
              <th key={c} scope="col" role="columnheader" className={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100">{labelCells(children, columns)}</tbody>
      </table>
    </div>
  );
}
