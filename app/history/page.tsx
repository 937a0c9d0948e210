import type { Metadata } from "next";
import Link from "next/link";
import { HistoryTable } from "@/components/review/history-table";
import { StepTrendChart } from "@/components/review/step-trend-chart";
import { buildTrendPoints } from "@/components/review/trend-points";
import { buttonClass, cardClass } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { listCallsForUser } from "@/lib/calls/history";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "練習の記録" };

export default async function HistoryPage() {
  const user = await requireUser("/history");
  const calls = await listCallsForUser(await getDb(), user);
  const trend = buildTrendPoints(calls);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">練習の記録</h1>
        {calls.length > 0 && (
          <Link href="/practice" className={buttonClass}>
            練習をはじめる
          </Link>
        )}
      </div>

      {calls.length === 0 ? (
        <div className={`${cardClass} space-y-3 text-center`} data-testid="history-empty">
          <p className="text-slate-600">まだ練習の記録がありません。</p>
          <Link href="/practice" className={buttonClass}>
            シナリオを選んで練習する
          </Link>
        </div>
      ) : (
        <>
          <section aria-labelledby="trend-heading" className={cardClass}>
            <h2 id="trend-heading" className="text-lg font-semibold">
              スキルの推移
            </h2>
            <div className="mt-3">
              {trend.length >= 2 ? (
                <StepTrendChart points={trend} />
              ) : (
                <p className="text-sm text-slate-600">
                  採点済みの練習が2回以上になると、推移のグラフを表示します。
                </p>
              )}
            </div>
          </section>
          <section aria-labelledby="list-heading" className={`${cardClass} space-y-3`}>
            <h2 id="list-heading" className="text-lg font-semibold">
              すべての練習（{calls.length}件）
            </h2>
            <HistoryTable calls={calls} />
          </section>
        </>
      )}
    </div>
  );
}
