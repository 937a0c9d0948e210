import type { ReactNode } from "react";

/** A table that scrolls sideways on narrow screens; focusable so keyboard users can scroll it too. */
export function ScrollTable({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200"
    >
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        {children}
      </table>
    </section>
  );
}

export const thClass =
  "bg-slate-50 px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-600";
export const tdClass = "border-t border-slate-100 px-3 py-2 whitespace-nowrap";
/** Free text (a scenario title, a note) wraps, so the table fits the page instead of pushing it wider. */
export const wrapTdClass = "border-t border-slate-100 px-3 py-2 min-w-32 whitespace-normal";
/**
 * The column of buttons and links, last in the row, stays pinned at the right edge while the rest
 * scrolls, so 取り消す or 振り返りを開く is never scrolled out of sight on a narrow screen.
 */
export const actionTdClass = `${tdClass} sticky right-0 bg-white shadow-[-1px_0_0_0_#f1f5f9]`;
const actionThClass = "sticky right-0";

/** A header row of plain column names; an empty name is read out as 操作 (a column of buttons or links). */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((name, i) => (
          <th
            key={name || `column-${i}`}
            scope="col"
            className={name ? thClass : `${thClass} ${actionThClass}`}
          >
            {name || <span className="sr-only">操作</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
