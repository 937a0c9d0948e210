import { type MarkSpan, type MarkTone, splitBySpans } from "./split-by-spans";

const markClass: Record<MarkTone, string> = {
  good: "rounded-sm bg-emerald-100 px-0.5 text-emerald-950",
  warn: "rounded-sm bg-amber-100 px-0.5 text-amber-950",
  bad: "rounded-sm bg-rose-100 px-0.5 text-rose-950 underline decoration-rose-400 decoration-wavy underline-offset-4",
  source: "rounded-sm bg-sky-100 px-0.5 text-sky-950 underline decoration-sky-400 underline-offset-4",
};

/** Text with <mark>s over the given spans; the label of a mark is its tooltip. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly MarkSpan[] }) {
  return (
    <>
      {splitBySpans(text, spans).map((segment) =>
        segment.tone === null ? (
          <span key={segment.start}>{segment.text}</span>
        ) : (
          <mark
            key={segment.start}
            className={markClass[segment.tone]}
            title={segment.labels.length > 0 ? segment.labels.join("・") : undefined}
          >
            {segment.text}
          </mark>
        ),
      )}
    </>
  );
}
