import { ContestPreScorePanel } from "@/components/contest/pre-score-panel";
import { type StepKey, stepLabels } from "@/components/labels-ja";
import { cardClass } from "@/components/ui";
import type { CallView } from "@/lib/calls/call-view";
import type { Scorecard } from "@/lib/calls/scorecard";
import { ContestScores } from "./contest-scores";
import { GoalChecklist } from "./goal-checklist";
import { MoodChart } from "./mood-chart";
import { ScoreBars, ScoreExplanations } from "./score-bars";
import { ScoreRadar } from "./score-radar";

/** Every score of an ended call: bars, radar, how it was scored, the caller's mood, goals, contest. */
export function ScorecardPanel({
  scorecard,
  moodVariables,
}: {
  scorecard: Scorecard;
  moodVariables: CallView["scenario"]["moodVariables"];
}) {
  const radarSteps = (Object.keys(stepLabels) as StepKey[]).map((key) => ({
    key,
    label: stepLabels[key],
    score: scorecard.steps[key],
  }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="scores-heading" className={cardClass}>
        <h2 id="scores-heading" className="text-lg font-semibold">
          採点結果
        </h2>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div className="space-y-4">
            <ScoreBars scorecard={scorecard} />
            <ScoreExplanations explanations={scorecard.explanations} />
          </div>
          <ScoreRadar steps={radarSteps} />
        </div>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="mood-heading" className={cardClass}>
          <h2 id="mood-heading" className="text-lg font-semibold">
            お客様の気持ち
          </h2>
          <div className="mt-3">
            {scorecard.moodTimeline.length > 0 ? (
              <MoodChart timeline={scorecard.moodTimeline} variables={moodVariables} />
            ) : (
              <p className="text-sm text-slate-600">記録がありません。</p>
            )}
          </div>
        </section>
        <section aria-labelledby="goals-heading" className={cardClass}>
          <h2 id="goals-heading" className="text-lg font-semibold">
            通話の目標
          </h2>
          <div className="mt-3">
            <GoalChecklist goals={scorecard.goals} />
          </div>
        </section>
      </div>
      {scorecard.contestPreScore ? (
        <ContestPreScorePanel preScore={scorecard.contestPreScore} />
      ) : (
        scorecard.contest &&
        scorecard.contest.length > 0 && (
          <section aria-labelledby="contest-heading" className={cardClass}>
            <h2 id="contest-heading" className="text-lg font-semibold">
              電話応対コンクールの評価
            </h2>
            <div className="mt-3">
              <ContestScores contest={scorecard.contest} />
            </div>
          </section>
        )
      )}
    </div>
  );
}
