import type { VoiceReview } from "@/lib/review/voice-measures";
import type { Overlap, Speaker } from "@/lib/voice/timeline";

// A MiiTel-style view of a voice call: one lane per speaker on one time axis, the overlaps and the
// silences of 3 s or more marked between them, and the measures beside it.

const overlapLabels: Record<Overlap["kind"], string> = {
  backchannel: "相づち",
  interruption: "割り込み",
  caller: "お客様のかぶせ",
};
const overlapColors: Record<Overlap["kind"], string> = {
  backchannel: "bg-emerald-500",
  interruption: "bg-rose-500",
  caller: "bg-amber-400",
};
const laneColors: Record<Speaker, string> = { caller: "bg-slate-500", operator: "bg-brand-600" };

/** The two-speaker timeline and the measures of a voice call. */
export function VoiceTimeline({ review, personaName }: { review: VoiceReview; personaName: string }) {
  const { segments, measures, durationMs } = review;
  const span = Math.max(1, durationMs);
  const at = (ms: number) => `${(Math.max(0, ms) / span) * 100}%`;
  const width = (from: number, to: number) => `${(Math.max(0, to - from) / span) * 100}%`;
  // About 24 px per second, so a long call scrolls instead of squeezing its 相づち to nothing.
  const minWidth = `${Math.max(600, Math.round(durationMs / 1000) * 24)}px`;
  const lane = (speaker: Speaker, label: string) => (
    <div className="flex items-center gap-2">
      <span className="w-20 shrink-0 truncate text-xs text-slate-600">{label}</span>
      <div className="relative h-6 flex-1 rounded bg-slate-100" data-testid={`timeline-lane-${speaker}`}>
        {segments
          .filter((s) => s.speaker === speaker)
          .map((s) => (
            <span
              key={`${s.startMs}-${s.endMs}`}
              className={`absolute top-1 bottom-1 rounded ${laneColors[speaker]}`}
              style={{ left: at(s.startMs), width: width(s.startMs, s.endMs) }}
              title={`${formatSeconds(s.startMs)}〜${formatSeconds(s.endMs)}${s.text ? `「${s.text}」` : ""}`}
              data-testid="timeline-segment"
            />
          ))}
      </div>
    </div>
  );
  return (
    <div className="space-y-4" data-testid="voice-timeline">
      <div className="overflow-x-auto">
        <div className="space-y-1" style={{ minWidth }}>
          {lane("caller", personaName || "お客様")}
          <div className="flex items-center gap-2">
            <span className="w-20 shrink-0 text-xs text-slate-500">重なり・沈黙</span>
            <div className="relative h-4 flex-1">
              {measures.silences.map((s) => (
                <span
                  key={`silence-${s.startMs}`}
                  className="absolute top-0 bottom-0 rounded border border-dashed border-slate-400 bg-slate-50"
                  style={{ left: at(s.startMs), width: width(s.startMs, s.endMs) }}
                  title={`沈黙 ${formatSeconds(s.durationMs)}`}
                  data-testid="timeline-silence"
                />
              ))}
              {measures.overlaps.map((o) => (
                <span
                  key={`overlap-${o.startMs}`}
                  className={`absolute top-0 bottom-0 rounded ${overlapColors[o.kind]}`}
                  style={{ left: at(o.startMs), width: width(o.startMs, o.endMs) }}
                  title={`${overlapLabels[o.kind]} ${formatSeconds(o.durationMs)}${o.text ? `「${o.text}」` : ""}`}
                  data-testid={`timeline-overlap-${o.kind}`}
                />
              ))}
            </div>
          </div>
          {lane("operator", "あなた")}
        </div>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="凡例">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded bg-emerald-500" />
          相づち（お客様の話の途中の短いあいづち）
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded bg-rose-500" />
          割り込み（お客様の話をさえぎった発話）
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded border border-dashed border-slate-400 bg-slate-50" />
          3秒以上の沈黙
        </li>
      </ul>
      <VoiceMeasures review={review} />
    </div>
  );
}

function VoiceMeasures({ review: { measures } }: { review: VoiceReview }) {
  const backchannels = measures.overlaps.filter((o) => o.kind === "backchannel");
  const interruptions = measures.overlaps.filter((o) => o.kind === "interruption");
  const answered = measures.latencies.filter((l) => l.latencyMs >= 0);
  const averageLatency =
    answered.length === 0 ? null : answered.reduce((sum, l) => sum + l.latencyMs, 0) / answered.length;
  const deadAir = measures.silences.filter((s) => s.after === "caller");
  const items: { key: string; label: string; value: string; note?: string }[] = [
    {
      key: "talk-ratio",
      label: "話す割合（あなた：お客様）",
      value: `${Math.round(measures.operatorTalkShare * 100)}：${100 - Math.round(measures.operatorTalkShare * 100)}`,
      note: "傾聴では、お客様に多く話していただくのが目安です。",
    },
    {
      key: "latency",
      label: "応答までの平均時間",
      value: averageLatency === null ? "—" : formatSeconds(averageLatency),
      note: measures.latencies.map((l) => formatSeconds(l.latencyMs)).join("、") || undefined,
    },
    {
      key: "silences",
      label: "3秒以上の沈黙",
      value: `${measures.silences.length}回`,
      note:
        deadAir.length > 0
          ? `お客様のお話の後：${deadAir.map((s) => formatSeconds(s.durationMs)).join("、")}`
          : undefined,
    },
    {
      key: "backchannels",
      label: "お話の途中の相づち",
      value: `${backchannels.length}回`,
    },
    {
      key: "interruptions",
      label: "割り込み",
      value: `${interruptions.length}回`,
      note:
        interruptions.length > 0
          ? interruptions.map((o) => formatSeconds(o.durationMs)).join("、")
          : undefined,
    },
    {
      key: "pace",
      label: "話す速さ",
      value: measures.moraePerMinute.operator === null ? "—" : `${measures.moraePerMinute.operator}拍/分`,
      note:
        measures.moraePerMinute.caller === null
          ? "落ち着いた応対の目安は1分間に300〜350拍ほどです。"
          : `お客様は${measures.moraePerMinute.caller}拍/分。落ち着いた応対の目安は1分間に300〜350拍ほどです。`,
    },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div
          key={item.key}
          className="rounded-lg border border-slate-200 p-3"
          data-testid={`voice-measure-${item.key}`}
        >
          <dt className="text-xs text-slate-500">{item.label}</dt>
          <dd className="text-xl font-semibold tabular-nums text-slate-900">{item.value}</dd>
          {item.note && <dd className="mt-1 text-xs text-slate-600">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** 1.2秒, 12秒, -0.8秒: tenths under ten seconds. */
function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Math.abs(seconds) < 10 ? `${seconds.toFixed(1)}秒` : `${Math.round(seconds)}秒`;
}
