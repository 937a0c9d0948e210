import type { ReactNode } from "react";
import { HighlightedText } from "@/components/feedback/highlighted-text";
import { LabelChips } from "@/components/feedback/label-chips";
import {
  betterPhrasing,
  collectSourceMarks,
  type FeedbackItem,
  listFeedback,
  listReplyChips,
  listReplyMarks,
} from "@/components/feedback/reply-marks";
import type { MarkSpan } from "@/components/feedback/split-by-spans";
import type { TurnView } from "@/lib/calls/call-view";
import { JudgeNote } from "./judge-note";
import { groupTranscript } from "./transcript-items";

/**
 * The whole call, line by line, with each reply's labels, highlights, feedback and better wording.
 * `extras` adds content under a turn (by seq): the trainer's comments and label corrections.
 */
export function TranscriptReview({
  turns,
  personaName,
  extras,
}: {
  turns: readonly TurnView[];
  personaName: string;
  extras?: ReadonlyMap<number, ReactNode>;
}) {
  const items = groupTranscript(turns);
  const sourceMarks = collectSourceMarks(turns);
  if (items.length === 0) return <p className="text-sm text-slate-600">この通話には発言がありません。</p>;
  return (
    <div className="space-y-4">
      <MarkLegend />
      <ol className="space-y-4" data-testid="transcript">
        {items.map((item) =>
          item.type === "caller" ? (
            <CallerLine
              key={item.turn.seq}
              turn={item.turn}
              overlaps={item.overlaps}
              personaName={personaName}
              marks={sourceMarks.get(item.turn.seq) ?? []}
              extra={extras?.get(item.turn.seq)}
            />
          ) : (
            <OperatorReply key={item.turn.seq} turn={item.turn} extra={extras?.get(item.turn.seq)} />
          ),
        )}
      </ol>
    </div>
  );
}

function MarkLegend() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      <span>
        <mark className="rounded-sm bg-emerald-100 px-1 text-emerald-950">緑</mark> できたところ
      </span>
      <span>
        <mark className="rounded-sm bg-rose-100 px-1 text-rose-950">赤</mark>・
        <mark className="rounded-sm bg-amber-100 px-1 text-amber-950">黄</mark> 直したいところ
      </span>
      <span>
        <mark className="rounded-sm bg-sky-100 px-1 text-sky-950">水色</mark>{" "}
        オウム返し・要約で使ったお客様の言葉
      </span>
    </p>
  );
}

function CallerLine({
  turn,
  overlaps,
  personaName,
  marks,
  extra,
}: {
  turn: TurnView;
  overlaps: readonly TurnView[];
  personaName: string;
  marks: readonly MarkSpan[];
  extra?: ReactNode;
}) {
  const interrupted = turn.kind === "interrupted";
  return (
    <li className="sm:mr-12" data-testid={`turn-${turn.seq}`}>
      <div
        className={`rounded-xl border bg-white p-4 ${interrupted ? "border-rose-300 border-l-4" : "border-slate-200"}`}
      >
        <p className="flex flex-wrap items-center gap-2 text-xs font-semibold text-slate-500">
          <span>お客様（{personaName}）</span>
          {interrupted && (
            <span
              className="rounded-full bg-rose-100 px-2 py-0.5 text-rose-800"
              data-testid="interrupted-marker"
            >
              遮られて
            </span>
          )}
        </p>
        <p className="mt-1 whitespace-pre-wrap text-slate-900">
          <HighlightedText text={turn.text} spans={marks} />
        </p>
        {overlaps.length > 0 && (
          <ul aria-label="お話の途中の相づち" className="mt-2 flex flex-wrap gap-1.5">
            {overlaps.map((overlap) => (
              <OverlapBackchannel key={overlap.seq} turn={overlap} />
            ))}
          </ul>
        )}
        {extra && <div className="mt-3">{extra}</div>}
      </div>
    </li>
  );
}

function OverlapBackchannel({ turn }: { turn: TurnView }) {
  const problems = turn.analysis ? listReplyChips(turn.analysis).filter((chip) => chip.tone !== "good") : [];
  const note = problems.map((chip) => chip.label).join("・");
  return (
    <li
      className={`rounded-full border px-2 py-0.5 text-xs ${
        problems.length > 0
          ? "border-amber-200 bg-amber-50 text-amber-900"
          : "border-brand-100 bg-brand-50 text-brand-700"
      }`}
      title={note || undefined}
      data-testid={`turn-${turn.seq}`}
    >
      相づち「{turn.text}」{note && <span className="ml-1">（{note}）</span>}
    </li>
  );
}

function OperatorReply({ turn, extra }: { turn: TurnView; extra?: ReactNode }) {
  const analysis = turn.analysis;
  const feedback = analysis ? listFeedback(analysis) : [];
  // The analyzer's points are already the three that matter, in order: all shown. Older replies have
  // one line per signal, and their tips stay folded away.
  const prioritized = (analysis?.points.length ?? 0) > 0;
  const shown = prioritized ? feedback : feedback.filter((item) => item.tone !== "tip");
  const tips = prioritized ? [] : feedback.filter((item) => item.tone === "tip");
  return (
    <li className="sm:ml-12" data-testid={`turn-${turn.seq}`}>
      <div className="space-y-3 rounded-xl border border-brand-100 bg-brand-50/60 p-4">
        <p className="text-xs font-semibold text-brand-700">あなた</p>
        <p className="whitespace-pre-wrap text-slate-900">
          <HighlightedText text={turn.text} spans={analysis ? listReplyMarks(analysis) : []} />
        </p>
        {analysis && (
          <>
            <LabelChips chips={listReplyChips(analysis)} label="この返答の評価" />
            <JudgeNote analyzer={analysis} judge={turn.judge} />
            {shown.length > 0 && <FeedbackList items={shown} />}
            {tips.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600 hover:text-slate-900">
                  ほかのヒント（{tips.length}件）
                </summary>
                <FeedbackList items={tips} />
              </details>
            )}
            {turn.judgePhrasing ? (
              <JudgePhrasing text={turn.judgePhrasing} offline={betterPhrasing(analysis)} />
            ) : (
              <BetterWording
                label="より良い言い方"
                text={betterPhrasing(analysis)}
                original={turn.text}
                testId="better-phrasing"
              />
            )}
            <BetterWording label="模範応答" text={analysis.modelReply} original={turn.text} />
          </>
        )}
        {extra}
      </div>
    </li>
  );
}

const feedbackIcon: Record<FeedbackItem["tone"], { icon: string; className: string; srLabel: string }> = {
  good: { icon: "✓", className: "text-emerald-700", srLabel: "できた点" },
  bad: { icon: "✗", className: "text-rose-700", srLabel: "課題" },
  warn: { icon: "!", className: "text-amber-700", srLabel: "注意" },
  tip: { icon: "・", className: "text-slate-400", srLabel: "ヒント" },
};

function FeedbackList({ items }: { items: readonly FeedbackItem[] }) {
  return (
    <ul className="mt-1 space-y-1 text-sm text-slate-700">
      {items.map((item) => {
        const look = feedbackIcon[item.tone];
        return (
          <li key={item.key} className="flex gap-2">
            <span aria-hidden="true" className={`shrink-0 font-bold ${look.className}`}>
              {look.icon}
            </span>
            <span>
              <span className="sr-only">{look.srLabel}：</span>
              {item.text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

// The judge model's phrasing, accepted by the phrasing guard: marked as the AI's, with the analyzer's
// own phrasing one click away (it is what the trainee would see without an LLM).
function JudgePhrasing({ text, offline }: { text: string; offline: string }) {
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm"
      data-testid="judge-phrasing"
    >
      <p className="flex items-center gap-1.5 text-xs font-semibold text-slate-500">
        より良い言い方
        <span
          className="rounded border border-violet-200 bg-violet-50 px-1 text-[10px] leading-4 font-bold text-violet-800"
          title="AI（評価用のモデル）が書いた言い方です。採点には使っていません。"
          data-testid="ai-badge"
        >
          AI
        </span>
      </p>
      <p className="mt-0.5 text-slate-900">{text}</p>
      <details className="mt-1.5">
        <summary className="cursor-pointer text-xs text-slate-600 hover:text-slate-900">
          AI を使わない言い方を見る
        </summary>
        <p className="mt-1 text-slate-900" data-testid="offline-phrasing">
          {offline}
        </p>
      </details>
    </div>
  );
}

function BetterWording({
  label,
  text,
  original,
  testId,
}: {
  label: string;
  text: string | undefined;
  original: string;
  testId?: string;
}) {
  if (!text || text.trim() === original.trim()) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm" data-testid={testId}>
      <p className="text-xs font-semibold text-slate-500">{label}</p>
      <p className="mt-0.5 text-slate-900">{text}</p>
    </div>
  );
}
