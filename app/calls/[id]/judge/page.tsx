import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JudgingForm } from "@/components/contest/judging-form";
import { PanelResult } from "@/components/contest/panel-result";
import { ContestPreScorePanel } from "@/components/contest/pre-score-panel";
import { formatDateTime } from "@/components/labels-ja";
import { VoiceTimeline } from "@/components/review/voice-timeline";
import { alertErrorClass, cardClass } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getJudgingSheet } from "@/lib/contest/judging";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { reviewVoiceCall } from "@/lib/review/voice-measures";

export const metadata: Metadata = { title: "コンクールの審査" };

export default async function JudgePage({ params }: { params: Promise<{ id: string }> }) {
  const rawId = (await params).id;
  const user = await requireRole(["trainer", "admin"], `/calls/${encodeURIComponent(rawId)}/judge`);
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const result = await getJudgingSheet(await getDb(), user, id.data).then(
    (view) => ({ ok: true as const, view }),
    (error: unknown) => {
      if (isAppError(error) && error.code === "not_found") notFound();
      if (isAppError(error) && error.code === "invalid_input")
        return { ok: false as const, message: error.message };
      throw error;
    },
  );
  if (!result.ok) {
    return (
      <p role="alert" className={alertErrorClass}>
        {result.message}
      </p>
    );
  }
  const { call, owner, preScore, mine, judges, panel } = result.view;
  // A voice attempt: the judges see how it was said, on the review's two-speaker timeline.
  const voice = reviewVoiceCall(call.turns);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/calls/${call.id}/review`} className="text-sm text-brand-700 underline">
          振り返りに戻る
        </Link>
        <h1 className="mt-1 text-2xl font-bold">審査シート</h1>
        <p className="text-sm text-slate-600">
          {owner.name}さん・{call.scenario.title}・{formatDateTime(call.startedAt)}
        </p>
        <p className="text-sm text-slate-600" data-testid="judge-count">
          審査済み：{judges}名
        </p>
      </div>
      <section className={cardClass} aria-labelledby="judge-transcript-heading">
        <h2 id="judge-transcript-heading" className="text-lg font-semibold">
          通話の記録
        </h2>
        {voice && (
          <div className="mt-3 space-y-2" data-testid="judge-voice">
            <h3 className="text-sm font-semibold">話し方のタイムライン（音声での挑戦）</h3>
            <p className="text-xs text-slate-600">
              音声から測った、お客様と研修生の話した時間です。重なりと3秒以上の沈黙に印を付けています。
            </p>
            <VoiceTimeline review={voice} personaName={call.scenario.personaName} />
          </div>
        )}
        <ol className="mt-3 space-y-2 text-sm" data-testid="judge-transcript">
          {call.turns.map((turn) => (
            <li key={turn.seq} className="flex gap-3">
              <span className="w-12 shrink-0 font-mono text-xs text-slate-500">
                {Math.floor(turn.atMs / 60000)}:
                {String(Math.floor((turn.atMs % 60000) / 1000)).padStart(2, "0")}
              </span>
              <span className="w-24 shrink-0 text-slate-500">
                {turn.role === "caller" ? call.scenario.personaName : owner.name}
              </span>
              <span>{turn.text}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className={cardClass} aria-labelledby="judge-sheet-heading">
        <h2 id="judge-sheet-heading" className="text-lg font-semibold">
          {mine ? "あなたの審査" : "審査する"}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          各項目を5段階で評価し、必要ならコメントを書いてください。ほかの審査員の評価は、送信した後に表示されます。
        </p>
        <div className="mt-3">
          <JudgingForm callId={call.id} initial={mine?.marks ?? null} />
        </div>
      </section>
      {panel && (
        <section className={cardClass} aria-labelledby="panel-heading" data-testid="judge-panel">
          <h2 id="panel-heading" className="text-lg font-semibold">
            審査員全員の結果
          </h2>
          <div className="mt-3">
            <PanelResult panel={panel} showSheets />
          </div>
        </section>
      )}
      <ContestPreScorePanel preScore={preScore} />
    </div>
  );
}
