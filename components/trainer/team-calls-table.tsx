import Link from "next/link";
import { describeCallEnd, formatDateTime, formatScore } from "@/components/labels-ja";
import {
  actionTdClass,
  ScrollTable,
  TableHead,
  tdClass,
  wrapTdClass,
} from "@/components/review/scroll-table";
import type { TeamAttempt } from "@/lib/team/team-attempts";

/** The team's latest calls, each linking to its review. */
export function TeamCallsTable({ attempts }: { attempts: readonly TeamAttempt[] }) {
  if (attempts.length === 0) {
    return <p className="text-sm text-slate-600">この期間の練習はまだありません。</p>;
  }
  return (
    <ScrollTable label="チームの最近の通話" testId="team-calls">
      <TableHead columns={["日時", "研修生", "シナリオ", "結果", "総合点", ""]} />
      <tbody>
        {attempts.map((a) => (
          <tr key={a.callId} data-testid={`team-call-${a.callId}`}>
            <td className={tdClass}>{formatDateTime(a.startedAt.toISOString())}</td>
            <td className={tdClass}>{a.userName}</td>
            <td className={wrapTdClass}>{a.scenarioTitle}</td>
            <td className={tdClass}>{describeCallEnd(a.status, a.endReason)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{formatScore(a.overallScore)}</td>
            <td className={actionTdClass}>
              {a.status === "ended" ? (
                <Link href={`/calls/${a.callId}/review`} className="text-brand-700 underline">
                  振り返りを開く
                </Link>
              ) : (
                <span className="text-slate-400">通話中</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
