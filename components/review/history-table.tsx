import Link from "next/link";
import { describeCallEnd, formatDateTime, formatScore } from "@/components/labels-ja";
import type { CallSummary } from "@/lib/calls/history";
import { ScrollTable, tdClass, thClass } from "./scroll-table";

/** Every attempt of the trainee, newest first: review an ended call or resume an active one. */
export function HistoryTable({ calls }: { calls: readonly CallSummary[] }) {
  return (
    <ScrollTable label="練習の記録の一覧" testId="history-table">
      <thead>
        <tr>
          <th scope="col" className={thClass}>
            日時
          </th>
          <th scope="col" className={thClass}>
            シナリオ
          </th>
          <th scope="col" className={thClass}>
            結果
          </th>
          <th scope="col" className={`${thClass} text-right`}>
            総合
          </th>
          <th scope="col" className={thClass}>
            <span className="sr-only">操作</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id} data-testid={`history-row-${call.id}`}>
            <td className={tdClass}>{formatDateTime(call.startedAt)}</td>
            <th scope="row" className={`${tdClass} text-left font-medium text-slate-900`}>
              {call.scenarioTitle}
            </th>
            <td className={tdClass}>
              <span
                className={
                  call.status === "active"
                    ? "rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800"
                    : "text-slate-700"
                }
              >
                {describeCallEnd(call.status, call.endReason)}
              </span>
            </td>
            <td className={`${tdClass} text-right font-semibold tabular-nums`}>
              {formatScore(call.overallScore)}
            </td>
            <td className={tdClass}>
              {call.status === "active" ? (
                <Link href={`/calls/${call.id}`} className="font-semibold text-brand-700 hover:underline">
                  再開<span className="sr-only">（{call.scenarioTitle}）</span>
                </Link>
              ) : (
                <Link href={`/calls/${call.id}/review`} className="text-brand-700 hover:underline">
                  振り返る
                  <span className="sr-only">
                    （{call.scenarioTitle}・{formatDateTime(call.startedAt)}）
                  </span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
