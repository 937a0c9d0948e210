import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PrintButton } from "@/components/contest/print-button";
import { formatDateTime, formatDuration } from "@/components/labels-ja";
import { requireUser } from "@/lib/auth/session";
import { contestMarkLabels } from "@/lib/contest/categories";
import { TRIM_FROM_JUDGES } from "@/lib/contest/final-score";
import { getContestResult } from "@/lib/contest/judging";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getCallForViewer } from "@/lib/review/call-access";

export const metadata: Metadata = { title: "評価シート" };

/** A printable A4 score sheet of one contest attempt, for the trainee, the team's trainers and admins. */
export default async function ScoreSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const rawId = (await params).id;
  const user = await requireUser(`/calls/${encodeURIComponent(rawId)}/sheet`);
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const db = await getDb();
  const viewed = await getCallForViewer(db, user, id.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { call, owner } = viewed;
  const preScore = call.scorecard?.contestPreScore;
  if (!call.scenario.contest || call.status !== "ended" || !preScore) notFound();
  const result = await getContestResult(db, user, call.id, preScore);
  const panel = result.panel;
  return (
    <article className="mx-auto max-w-3xl space-y-4 bg-white text-slate-900" data-testid="score-sheet">
      <div className="flex items-center justify-between gap-2 print:hidden">
        <Link href={`/calls/${call.id}/review`} className="text-sm text-brand-700 underline">
          振り返りに戻る
        </Link>
        <PrintButton />
      </div>
      <header className="border-b-2 border-slate-800 pb-2">
        <p className="text-xs text-slate-500">電話応対コンクール 練習 評価シート</p>
        <h1 className="text-xl font-bold">{call.scenario.title}</h1>
        <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-2 print:grid-cols-2">
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500">氏名</dt>
            <dd data-testid="sheet-trainee">{owner.name}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500">実施日時</dt>
            <dd>{formatDateTime(call.startedAt)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500">使った時間</dt>
            <dd>
              {formatDuration(preScore.timeUsedSec)}（制限 {formatDuration(preScore.timeLimitSec)}）
              {preScore.overtimeSec > 0 && `・${preScore.overtimeSec}秒超過`}
            </dd>
          </div>
          {preScore.variant && (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">お客様の事情</dt>
              <dd>{preScore.variant.label}</dd>
            </div>
          )}
        </dl>
      </header>
      <section aria-labelledby="sheet-final" className="flex items-end justify-between gap-4">
        <h2 id="sheet-final" className="shrink-0 text-base font-semibold">
          最終得点
        </h2>
        {panel ? (
          <p className="text-right">
            <span className="text-3xl font-bold tabular-nums" data-testid="sheet-final-score">
              {panel.final.score.toFixed(1)}
            </span>
            <span className="text-sm"> / 100点</span>
            <span className="block text-xs text-slate-600">
              {panel.final.rule === "trimmed"
                ? `審査員${panel.final.judges}名（最高点と最低点を除いた平均）`
                : panel.final.judges === 1
                  ? "審査員1名の評価"
                  : `審査員${panel.final.judges}名の平均（${TRIM_FROM_JUDGES}名以上は最高点と最低点を除く）`}
            </span>
          </p>
        ) : (
          <p className="text-sm text-slate-600" data-testid="sheet-unjudged">
            審査員の審査結果はまだありません（下の評価は機械による推定です）。
          </p>
        )}
      </section>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-y border-slate-400 text-left">
            <th className="min-w-[5.5rem] py-1 pr-2 font-semibold">審査項目</th>
            <th className="py-1 pr-2 font-semibold">審査員の評価</th>
            <th className="py-1 pr-2 font-semibold">機械による推定</th>
            <th className="py-1 font-semibold">コメント・根拠</th>
          </tr>
        </thead>
        <tbody>
          {preScore.categories.map((category) => {
            const judged = panel?.agreement.find((row) => row.id === category.id);
            const comments =
              panel?.sheets.flatMap((sheet) =>
                sheet.marks[category.id].comment
                  ? [`${sheet.judgeName}：${sheet.marks[category.id].comment}`]
                  : [],
              ) ?? [];
            return (
              <tr
                key={category.id}
                className="break-inside-avoid border-b border-slate-200 align-top"
                data-testid={`sheet-${category.id}`}
              >
                <th className="py-1 pr-2 text-left font-medium">{category.label}</th>
                <td className="whitespace-nowrap py-1 pr-2 tabular-nums">
                  {judged ? `${judged.mark.toFixed(1)} / 5` : "—"}
                </td>
                <td className="whitespace-nowrap py-1 pr-2">{contestMarkLabels[category.mark]}</td>
                <td className="py-1 text-xs leading-snug">
                  {comments.map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                  <p className="text-slate-500">{category.evidence.slice(0, 3).join("／")}</p>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        {`評価は5段階（5 大変よい・4 よい・3 ふつう・2 もう少し・1 努力が必要）。最終得点は各審査員の6項目の合計を100点満点に換算し、審査員が${TRIM_FROM_JUDGES}名以上のときは最高点と最低点を除いて平均したものです。`}
      </p>
    </article>
  );
}
