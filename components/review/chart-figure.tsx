import type { ReactNode } from "react";

export interface ChartTable {
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly (string | number)[] }[];
}

/**
 * A chart in a fixed-height box. The drawing is hidden from assistive technology; the same numbers are
 * given as a visually hidden table, so a screen reader gets the data rather than SVG shapes.
 */
export function ChartFigure({
  caption,
  heightClass,
  table,
  children,
  testId,
}: {
  caption: string;
  heightClass: string;
  table: ChartTable;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="space-y-2" data-testid={testId}>
      <figcaption className="text-sm font-semibold text-slate-700">{caption}</figcaption>
      <div className={`w-full ${heightClass}`} aria-hidden="true">
        {children}
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns of a fixed row
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
