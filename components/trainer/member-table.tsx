import { formatDateTime, formatScore, stepLabels } from "@/components/labels-ja";
import { ScrollTable, tdClass, thClass } from "@/components/review/scroll-table";
import { roleLabels } from "@/components/role-labels";
import { stepKeys } from "@/lib/calls/scorecard";
import type { MemberSummary } from "@/lib/team/summarize";

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: "trainee" | "trainer" | "admin";
}

/** Each member's attempts, averages per step, weakest step and last practice in the chosen period. */
export function MemberTable({
  members,
  summaries,
}: {
  members: readonly MemberRow[];
  summaries: ReadonlyMap<string, MemberSummary>;
}) {
  const num = `${tdClass} text-right tabular-nums`;
  return (
    <ScrollTable label="メンバーごとの練習状況">
      <thead>
        <tr>
          <th scope="col" className={thClass}>
            メンバー
          </th>
          <th scope="col" className={thClass}>
            練習回数
          </th>
          <th scope="col" className={thClass}>
            平均点
          </th>
          {stepKeys.map((key) => (
            <th key={key} scope="col" className={thClass}>
              {stepLabels[key]}
            </th>
          ))}
          <th scope="col" className={thClass}>
            苦手なステップ
          </th>
          <th scope="col" className={thClass}>
            最終練習日
          </th>
        </tr>
      </thead>
      <tbody data-testid="member-list">
        {members.map((member) => {
          const summary = summaries.get(member.id);
          return (
            <tr key={member.id} data-testid={`member-${member.email}`}>
              <td className={tdClass}>
                <span className="font-medium text-slate-900">{member.name}</span>
                {member.role !== "trainee" && (
                  <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                    {roleLabels[member.role]}
                  </span>
                )}
                <span className="block text-xs text-slate-500">{member.email}</span>
              </td>
              <td className={num} data-testid="member-attempts">
                {summary?.attempts ?? 0}
              </td>
              <td className={num} data-testid="member-average">
                {formatScore(summary?.averageOverall)}
              </td>
              {stepKeys.map((key) => (
                <td key={key} className={num}>
                  {formatScore(summary?.steps?.[key])}
                </td>
              ))}
              <td className={tdClass} data-testid="member-weakest">
                {summary?.weakestStep ? stepLabels[summary.weakestStep] : "—"}
              </td>
              <td className={`${tdClass} text-slate-600`}>
                {summary?.lastPracticeAt ? formatDateTime(summary.lastPracticeAt.toISOString()) : "—"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
