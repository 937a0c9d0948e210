import { HighlightedText } from "@/components/feedback/highlighted-text";
import { LabelChips } from "@/components/feedback/label-chips";
import {
  betterPhrasing,
  listFeedback,
  listReplyChips,
  listReplyMarks,
} from "@/components/feedback/reply-marks";
import type { StoredAnalysis } from "@/lib/calls/call-view";

/** The live feedback under one reply on the call screen: chips, then the details on demand. */
export function ReplyFeedback({ analysis }: { analysis: StoredAnalysis }) {
  const chips = listReplyChips(analysis);
  return (
    <div className="max-w-[85%] space-y-1" data-testid="feedback-chips">
      {chips.length > 0 ? (
        <LabelChips chips={chips} label="この返答の評価" />
      ) : (
        <p className="text-xs text-slate-500">傾聴の要素が見つかりませんでした</p>
      )}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer select-none">フィードバックを見る</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {listFeedback(analysis).map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
        <p className="mt-1">
          <span className="font-semibold">より良い言い方: </span>
          {betterPhrasing(analysis)}
        </p>
      </details>
    </div>
  );
}

/** The reply with the words that earned (or cost) it marked. */
export function MarkedReply({ text, analysis }: { text: string; analysis: StoredAnalysis | null }) {
  return analysis ? <HighlightedText text={text} spans={listReplyMarks(analysis)} /> : text;
}
