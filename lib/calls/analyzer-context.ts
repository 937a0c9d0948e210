import type { Turn } from "@/lib/rubric/labels";
import type { ReplyAnalysis } from "@/lib/rubric/reply-analysis";

interface StoredTurn {
  seq: number;
  role: "caller" | "operator";
  text: string;
}

interface Part {
  /** Index of the stored turn in the transcript passed in. */
  index: number;
  offset: number;
  length: number;
}

export interface AnalyzerContext {
  turns: Turn[];
  /** For each analyzer turn, the stored turns it was made of. */
  parts: Part[][];
}

/**
 * The transcript as the analyzer sees it. A caller who says two lines in a row (an answer, then the
 * next question) has taken one turn: the reply answers both, so they are joined into one turn.
 */
export function toAnalyzerContext(transcript: readonly StoredTurn[]): AnalyzerContext {
  const turns: Turn[] = [];
  const parts: Part[][] = [];
  transcript.forEach((turn, index) => {
    const last = turns.at(-1);
    const lastParts = parts.at(-1);
    if (turn.role === "caller" && last?.role === "caller" && lastParts) {
      lastParts.push({ index, offset: last.text.length, length: turn.text.length });
      last.text += turn.text;
      return;
    }
    turns.push({ role: turn.role, text: turn.text });
    parts.push([{ index, offset: 0, length: turn.text.length }]);
  });
  return { turns, parts };
}

/**
 * Rewrites the analysis's source spans from analyzer turns back to stored turns, so that `turn` is
 * an index into the transcript passed to toAnalyzerContext (and `contextSeqs` holds their seqs).
 */
export function remapSources(
  analysis: ReplyAnalysis,
  context: AnalyzerContext,
  transcript: readonly StoredTurn[],
) {
  const evidence = Object.fromEntries(
    Object.entries(analysis.evidence).map(([key, value]) => [
      key,
      value.sources
        ? {
            ...value,
            sources: value.sources.flatMap((source) => {
              const pieces = context.parts[source.turn] ?? [];
              return pieces.flatMap((part) => {
                const start = Math.max(source.start, part.offset);
                const end = Math.min(source.end, part.offset + part.length);
                return end > start
                  ? [{ turn: part.index, start: start - part.offset, end: end - part.offset }]
                  : [];
              });
            }),
          }
        : value,
    ]),
  );
  return { ...analysis, evidence, contextSeqs: transcript.map((t) => t.seq) };
}
