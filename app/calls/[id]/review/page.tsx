import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { describeCallEnd, formatDateTime, formatScore } from "@/components/labels-ja";
import { AttemptsTable } from "@/components/review/attempts-table";
import { ImprovementPanel } from "@/components/review/improvement-panel";
import { LlmUsagePanel } from "@/components/review/llm-usage-panel";
import { ScorecardPanel } from "@/components/review/scorecard-panel";
import { TranscriptReview } from "@/components/review/transcript-review";
import { alertErrorClass, buttonClass, cardClass, secondaryButtonClass } from "@/components/ui";
import type { SessionUser } from "@/lib/accounts/users";
import { requireUser } from "@/lib/auth/session";
import { getCallForUser } from "@/lib/calls/call-service";
import type { CallView } from "@/lib/calls/call-view";
import { listCallsForUser } from "@/lib/calls/history";
import { type Db, getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { seesLlmUsage } from "@/lib/llm/call-usage-access";
import { getCallUsage } from "@/lib/llm/llm-usage";

export const metadata: Metadata = { title: "通話の振り返り" };

const idSchema = z.uuid();

export default async function CallReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireUser();
  const parsedId = idSchema.safeParse(rawId);
  if (!parsedId.success) notFound();
  const id = parsedId.data;
  const db = await getDb();
  const call = await loadOwnCall(db, user, id);
  if (call.status === "active") redirect(`/calls/${id}`);
  const attempts = await listCallsForUser(db, user, { scenarioId: call.scenario.scenarioId });
  const usage = seesLlmUsage(user) ? await getCallUsage(db, call.id) : null;
  const { scorecard } = call;
  const practiceHref = `/practice?scenario=${encodeURIComponent(call.scenario.scenarioId)}`;

  return (
    <div className="space-y-6">
      <ReviewHeader call={call} />

      {scorecard ? (
        <>
          <ScorecardPanel scorecard={scorecard} moodVariables={call.scenario.moodVariables} />
          <section aria-labelledby="improve-heading" className={cardClass}>
            <h2 id="improve-heading" className="text-lg font-semibold">
              次に意識したいこと
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              点数の低かったステップから、次の練習で試せる一言です。
            </p>
            <div className="mt-3">
              <ImprovementPanel scorecard={scorecard} />
            </div>
          </section>
        </>
      ) : (
        <p className={alertErrorClass} role="status">
          この通話の採点結果を読み込めませんでした。会話の記録は下でご覧いただけます。
        </p>
      )}

      {usage && (call.mode === "llm" || usage.requests > 0) && (
        <LlmUsagePanel usage={usage} fallback={call.llmFallback} />
      )}

      <section aria-labelledby="transcript-heading" className={cardClass}>
        <h2 id="transcript-heading" className="text-lg font-semibold">
          会話の振り返り
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          あなたの返答ごとに、できたことと直したいところ、より良い言い方を示しています。
        </p>
        <div className="mt-4">
          <TranscriptReview turns={call.turns} personaName={call.scenario.personaName} />
        </div>
      </section>

      <section aria-labelledby="attempts-heading" className={`${cardClass} space-y-3`}>
        <h2 id="attempts-heading" className="text-lg font-semibold">
          これまでの練習との比較
        </h2>
        {attempts.length > 1 ? (
          <AttemptsTable attempts={attempts} currentId={call.id} />
        ) : (
          <p className="text-sm text-slate-600">このシナリオの練習は今回が初めてです。</p>
        )}
        <div className="flex flex-wrap gap-3 pt-1">
          <Link href={practiceHref} className={buttonClass} data-testid="practice-again">
            もう一度練習する
          </Link>
          <Link href="/history" className={secondaryButtonClass}>
            練習の記録へ
          </Link>
        </div>
      </section>
    </div>
  );
}

function ReviewHeader({ call }: { call: CallView }) {
  return (
    <header className={`${cardClass} flex flex-wrap items-start justify-between gap-4`}>
      <div className="min-w-0 space-y-1">
        <p className="text-sm text-slate-500">通話の振り返り</p>
        <h1 className="text-2xl font-bold" data-testid="review-heading">
          {call.scenario.title}
        </h1>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>お客様：</dt>
            <dd>{call.scenario.personaName}</dd>
          </div>
          <div className="flex gap-1">
            <dt>日時：</dt>
            <dd>{formatDateTime(call.startedAt)}</dd>
          </div>
          <div className="flex gap-1">
            <dt>結果：</dt>
            <dd data-testid="end-reason">{describeCallEnd(call.status, call.endReason)}</dd>
          </div>
        </dl>
      </div>
      <div className="text-right">
        <p className="text-sm text-slate-500">総合点</p>
        <p className="text-5xl font-bold tabular-nums text-brand-700">
          <span data-testid="overall-score">{formatScore(call.scorecard?.overall)}</span>
          <span className="ml-1 text-base font-medium text-slate-500">/ 100</span>
        </p>
      </div>
    </header>
  );
}

// Another user's call and an unknown id look the same: 404.
async function loadOwnCall(db: Db, user: SessionUser, id: string): Promise<CallView> {
  try {
    return await getCallForUser(db, user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
