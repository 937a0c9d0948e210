import { TRIM_FROM_JUDGES } from "@/lib/contest/final-score";
import type { ContestPanel } from "@/lib/contest/judging";

const agreementLabels = { agree: "一致", close: "ほぼ一致（差1以内）", apart: "ずれあり" } as const;

/** The panel's final score with the rule applied, every judge's marks, and agreement per category. */
export function PanelResult({ panel, showSheets }: { panel: ContestPanel; showSheets: boolean }) {
  const { final } = panel;
  const dropped = final.dropped;
  const nameOf = (id: string) => panel.sheets.find((s) => s.judgeId === id)?.judgeName ?? id;
  return (
    <div className="space-y-4">
      <p className="text-lg">
        最終得点{" "}
        <span className="text-3xl font-bold tabular-nums" data-testid="contest-final-score">
          {final.score.toFixed(1)}
        </span>
        <span className="text-sm text-slate-500"> / 100点</span>
      </p>
      <p className="text-sm text-slate-600" data-testid="contest-final-rule">
        {final.rule === "trimmed"
          ? `審査員${final.judges}名のうち、最高点（${nameOf(dropped!.highest)}）と最低点（${nameOf(dropped!.lowest)}）を除いた${final.judges - 2}名の平均です。`
          : final.judges === 1
            ? `審査員1名の評価です（複数名のときは平均、${TRIM_FROM_JUDGES}名以上のときは最高点と最低点を除きます）。`
            : `審査員${final.judges}名の平均です（${TRIM_FROM_JUDGES}名以上のときは最高点と最低点を除きます）。`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="contest-agreement">
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th className="py-1 pr-3 font-medium">審査項目</th>
              <th className="py-1 pr-3 font-medium">平均評価</th>
              {showSheets &&
                panel.sheets.map((sheet) => (
                  <th key={sheet.judgeId} className="py-1 pr-3 font-medium">
                    {sheet.judgeName}
                  </th>
                ))}
              <th className="py-1 pr-3 font-medium">審査員どうし</th>
              <th className="py-1 pr-3 font-medium">機械による推定との差</th>
            </tr>
          </thead>
          <tbody>
            {panel.agreement.map((row) => (
              <tr
                key={row.id}
                className="border-b border-slate-100 align-top"
                data-testid={`agreement-${row.id}`}
              >
                <th className="py-1 pr-3 font-medium">{row.label}</th>
                <td className="py-1 pr-3 tabular-nums" data-testid={`final-mark-${row.id}`}>
                  {row.mark.toFixed(1)}
                </td>
                {showSheets &&
                  panel.sheets.map((sheet) => (
                    <td key={sheet.judgeId} className="py-1 pr-3">
                      <span className="tabular-nums">{sheet.marks[row.id].mark}</span>
                      {sheet.marks[row.id].comment && (
                        <span className="block text-xs text-slate-600">{sheet.marks[row.id].comment}</span>
                      )}
                    </td>
                  ))}
                <td className="py-1 pr-3">
                  {row.min === row.max ? `${row.min}` : `${row.min}〜${row.max}`}・
                  {agreementLabels[row.judges]}
                </td>
                <td className="py-1 pr-3">
                  {row.preMark === null || row.machine === null
                    ? "—"
                    : `推定${row.preMark}（差${Math.abs(row.mark - row.preMark).toFixed(1)}）・${agreementLabels[row.machine]}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {showSheets && (
        <ul className="space-y-1 text-sm text-slate-600">
          {panel.sheets.map((sheet) => (
            <li key={sheet.judgeId}>
              {sheet.judgeName}：合計 {sheet.total.toFixed(1)}点
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
