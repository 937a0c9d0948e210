import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ContestReviewSection } from "@/components/contest/contest-review-section";
import { describeCallEnd, formatDateTime, formatScore } from "@/components/labels-ja";
import { CommentForm, OverrideForm, RemoveOverrideButton } from "@/components/review/annotation-forms";
import { AttemptsTable } from "@/components/review/attempts-table";
import { ImprovementPanel } from "@/components/review/improvement-panel";
import { LlmUsagePanel } from "@/components/review/llm-usage-panel";
import { automaticFormValues, overrideLabelNames } from "@/components/review/override-labels";
import { RecordingsPanel } from "@/components/review/recordings-panel";
import { ScorecardPanel } from "@/components/review/scorecard-panel";
import { TranscriptReview } from "@/components/review/transcript-review";
import { TurnAnnotations } from "@/components/review/turn-annotations";
import { VoiceTimeline } from "@/components/review/voice-timeline";
import {
  alertErrorClass,
  alertInfoClass,
  buttonClass,
  cardClass,
  secondaryButtonClass,
} from "@/components/ui";
import type { SessionUser } from "@/lib/accounts/users";
import { requireUser } from "@/lib/auth/session";
import type { CallView } from "@/lib/calls/call-view";
import { listCallsForUser } from "@/lib/calls/history";
import { type Db, getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { seesLlmUsage } from "@/lib/llm/call-usage-access";
import { getCallUsage } from "@/lib/llm/llm-usage";
import { listComments, listOverrides, type StoredOverride, type TurnComment } from "@/lib/review/annotations";
import { getCallForViewer, type ViewedCall } from "@/lib/review/call-access";
import { correctTurns } from "@/lib/review/corrected-turns";
import { reviewVoiceCall } from "@/lib/review/voice-measures";
import { listRecordedSeqs } from "@/lib/speech/recordings";
import { addCommentAction, removeOverrideAction, setOverrideAction } from "./actions";

export const metadata: Metadata = { title: "通話の振り返り" };

const idSchema = z.uuid();

export default async function CallReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireUser(`/calls/${encodeURIComponent(rawId)}/review`);
  const parsedId = idSchema.safeParse(rawId);
  if (!parsedId.success) notFound();
  const id = parsedId.data;
  const db = await getDb();
  const viewed = await loadViewableCall(db, user, id);
  const { call, access, owner } = viewed;
  // The owner goes back to a live call; a trainer sees what there is so far.
  if (call.status === "active" && access === "owner") redirect(`/calls/${id}`);
  const [attempts, comments, overrides, usage, recordedSeqs] = await Promise.all([
    listCallsForUser(db, owner, { scenarioId: call.scenario.scenarioId }),
    listComments(db, user, id),
    listOverrides(db, user, id),
    seesLlmUsage(user) ? getCallUsage(db, call.id) : null,
    // Read after loadViewableCall: the viewer may see this call.
    listRecordedSeqs(db, call.id, new Date()),
  ]);
  const recorded = call.turns.filter((t) => recordedSeqs.includes(t.seq));
  const { scorecard } = call;
  const practiceHref = `/practice?scenario=${encodeURIComponent(call.scenario.scenarioId)}`;
  const editable = user.role !== "trainee";
  const extras = annotationExtras({ call, comments, overrides, editable });
  // Chips, highlights and praise follow the trainer's corrections; the annotations keep the analyzer's.
  const shownTurns = correctTurns(call.turns, overrides);
  const voice = reviewVoiceCall(call.turns);

  return (
    <div className="space-y-6">
      <ReviewHeader viewed={viewed} />

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
      ) : call.status === "active" ? (
        <p className={alertInfoClass} role="status" data-testid="call-in-progress">
          この通話はまだ終わっていません。採点結果は通話の終了後に表示されます。ここまでの会話は下でご覧いただけます。
        </p>
      ) : (
        <p className={alertErrorClass} role="status">
          この通話の採点結果を読み込めませんでした。会話の記録は下でご覧いただけます。
        </p>
      )}

      {call.scenario.contest && call.status === "ended" && scorecard?.contestPreScore && (
        <ContestReviewSection db={db} viewer={user} call={call} isOwner={access === "owner"} />
      )}

      {usage && (call.mode === "llm" || usage.requests > 0) && (
        <LlmUsagePanel usage={usage} fallback={call.llmFallback} />
      )}

      {voice && (
        <section aria-labelledby="voice-heading" className={cardClass}>
          <h2 id="voice-heading" className="text-lg font-semibold">
            話し方のタイムライン
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            音声から測った、お客様とあなたの話した時間です。重なりと3秒以上の沈黙に印を付けています。
          </p>
          <div className="mt-4">
            <VoiceTimeline review={voice} personaName={call.scenario.personaName} />
          </div>
        </section>
      )}

      {recorded.length > 0 && (
        <section aria-labelledby="recordings-heading" className={cardClass} data-testid="recordings">
          <h2 id="recordings-heading" className="text-lg font-semibold">
            返答の録音
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            チームの設定で録音した、返答ごとの声です。保存期間を過ぎると自動的に削除されます。
          </p>
          <div className="mt-3">
            <RecordingsPanel
              callId={call.id}
              replies={recorded.map((t) => ({ seq: t.seq, text: t.text }))}
              canDelete={access !== "owner" || user.role !== "trainee"}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="transcript-heading" className={cardClass}>
        <h2 id="transcript-heading" className="text-lg font-semibold">
          会話の振り返り
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {access === "owner"
            ? "あなたの返答ごとに、できたことと直したいところ、より良い言い方を示しています。"
            : `${owner.name}さんの返答ごとの自動評価です。発言ごとにコメントを残したり、自動評価を理由とともに修正したりできます。修正は点数に反映されます。`}
        </p>
        <div className="mt-4">
          <TranscriptReview turns={shownTurns} personaName={call.scenario.personaName} extras={extras} />
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
        {access === "owner" ? (
          <div className="flex flex-wrap gap-3 pt-1">
            <Link href={practiceHref} className={buttonClass} data-testid="practice-again">
              もう一度練習する
            </Link>
            <Link href="/history" className={secondaryButtonClass}>
              練習の記録へ
            </Link>
          </div>
        ) : (
          <div className="flex flex-wrap gap-3 pt-1">
            <Link href="/trainer" className={secondaryButtonClass}>
              チームのダッシュボードへ
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}

function ReviewHeader({ viewed: { call, access, owner } }: { viewed: ViewedCall }) {
  return (
    <header className={`${cardClass} flex flex-wrap items-start justify-between gap-4`}>
      <div className="min-w-0 space-y-1">
        <p className="text-sm text-slate-500">通話の振り返り</p>
        <h1 className="text-2xl font-bold" data-testid="review-heading">
          {call.scenario.title}
        </h1>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
          {access !== "owner" && (
            <div className="flex gap-1">
              <dt>研修生：</dt>
              <dd data-testid="review-trainee">{owner.name}</dd>
            </div>
          )}
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

// A call the viewer may not see and an unknown id look the same: 404.
async function loadViewableCall(db: Db, user: SessionUser, id: string): Promise<ViewedCall> {
  try {
    return await getCallForViewer(db, user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** Under each turn: the trainers' corrections and comments, and for trainers the forms to add them. */
function annotationExtras(input: {
  call: CallView;
  comments: readonly TurnComment[];
  overrides: readonly StoredOverride[];
  editable: boolean;
}): Map<number, React.ReactNode> {
  const extras = new Map<number, React.ReactNode>();
  const callId = input.call.id;
  for (const turn of input.call.turns) {
    const comments = input.comments.filter((c) => c.seq === turn.seq);
    const overrides = input.overrides.filter((o) => o.seq === turn.seq);
    const automatic = turn.role === "operator" && turn.analysis ? automaticFormValues(turn.analysis) : null;
    const forms =
      input.editable && automatic ? (
        <div className="space-y-2">
          <CommentForm action={addCommentAction.bind(null, { callId, seq: turn.seq })} seq={turn.seq} />
          <OverrideForm
            action={setOverrideAction.bind(null, { callId, seq: turn.seq })}
            seq={turn.seq}
            automatic={automatic}
          />
        </div>
      ) : null;
    if (comments.length === 0 && overrides.length === 0 && !forms) continue;
    extras.set(
      turn.seq,
      <TurnAnnotations
        overrides={overrides}
        comments={comments}
        automatic={turn.analysis}
        renderRemove={
          input.editable
            ? (o) => (
                <RemoveOverrideButton
                  action={removeOverrideAction.bind(null, { callId, seq: o.seq, label: o.label })}
                  labelName={overrideLabelNames[o.label]}
                />
              )
            : undefined
        }
      >
        {forms}
      </TurnAnnotations>,
    );
  }
  return extras;
}
