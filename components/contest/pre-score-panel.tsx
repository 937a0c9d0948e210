import { formatDuration } from "@/components/labels-ja";
import { cardClass } from "@/components/ui";
import type { Scorecard } from "@/lib/calls/scorecard";
import { contestMarkLabels } from "@/lib/contest/categories";

type PreScore = NonNullable<Scorecard["contestPreScore"]>;

/** The machine's estimate of the contest sheet, each category with its evidence from the transcript. */
export function ContestPreScorePanel({ preScore }: { preScore: PreScore }) {
  return (
    <section aria-labelledby="contest-prescore-heading" className={cardClass} data-testid="contest-prescore">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="contest-prescore-heading" className="text-lg font-semibold">
          電話応対コンクールの審査項目
        </h2>
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
          機械による推定
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        通話の記録から自動で見積もった点数です。審査員の採点ではありません。評価は5段階（5 大変よい〜1
        努力が必要）で、100点満点の値も併せて示します。
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {preScore.variant && (
          <div className="flex gap-2">
            <dt className="text-slate-500">今回のお客様の事情</dt>
            <dd data-testid="contest-variant">{preScore.variant.label}</dd>
          </div>
        )}
        <div className="flex gap-2">
          <dt className="text-slate-500">使った時間</dt>
          <dd data-testid="contest-time-used">
            {formatDuration(preScore.timeUsedSec)}（制限 {formatDuration(preScore.timeLimitSec)}）
            {preScore.overtimeSec > 0 && (
              <span className="ml-1 font-semibold text-rose-700" data-testid="contest-overtime">
                {preScore.overtimeSec}秒超過（制限時間後の返答 {preScore.repliesAfterLimit}件）
              </span>
            )}
          </dd>
        </div>
      </dl>
      <ul className="mt-4 grid gap-3 md:grid-cols-2">
        {preScore.categories.map((category) => (
          <li
            key={category.id}
            className="rounded-lg border border-slate-200 p-3"
            data-testid={`prescore-${category.id}`}
          >
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{category.label}</span>
              <span className="tabular-nums">
                <span className="text-lg font-semibold" data-testid={`prescore-${category.id}-mark`}>
                  {contestMarkLabels[category.mark]}
                </span>
                <span className="ml-2 text-xs text-slate-500">{category.score}点</span>
              </span>
            </div>
            <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
              {category.evidence.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
