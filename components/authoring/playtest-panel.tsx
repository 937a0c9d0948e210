"use client";

import { useState } from "react";
import { ReplyFeedback } from "@/components/call/feedback-chips";
import { MoodMeters } from "@/components/call/mood-meters";
import { endReasonLabels } from "@/components/labels-ja";
import { alertErrorClass, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import type { PlaytestResult } from "@/lib/authoring/playtest";
import type { StoredAnalysis } from "@/lib/calls/call-view";
import { callAuthoringApi } from "./authoring-client";

interface PlaytestTurn {
  /** Position in the transcript: turns are only ever appended. */
  seq: number;
  role: "caller" | "operator";
  text: string;
  analysis: StoredAnalysis | null;
}

/** Plays the scenario as written now (even unsaved), with the same engine and rubric as a real call. */
export function PlaytestPanel({ yaml, canRun }: { yaml: string; canRun: boolean }) {
  const [turns, setTurns] = useState<PlaytestTurn[]>([]);
  const [last, setLast] = useState<PlaytestResult | null>(null);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (text?: string) => {
    setPending(true);
    setError(null);
    const answer = await callAuthoringApi<PlaytestResult>(
      "/api/trainer/scenarios/playtest",
      "POST",
      text === undefined
        ? { yaml }
        : {
            yaml,
            state: last?.state,
            reply: text,
            transcript: turns.map(({ role, text }) => ({ role, text })),
          },
    );
    setPending(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setTurns((previous) => {
      const kept = text === undefined ? [] : previous;
      const added: Omit<PlaytestTurn, "seq">[] = [
        ...(text === undefined ? [] : [{ role: "operator" as const, text, analysis: answer.data.analysis }]),
        ...answer.data.lines.map((line) => ({ role: "caller" as const, text: line.text, analysis: null })),
      ];
      return [...kept, ...added.map((turn, i) => ({ ...turn, seq: kept.length + i }))];
    });
    setLast(answer.data);
    setReply("");
  };

  return (
    <div className="space-y-3" data-testid="playtest-panel">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={!canRun || pending}
          onClick={() => void run()}
        >
          {last ? "最初からやり直す" : "試し通話を始める"}
        </button>
        {!canRun && <span className="text-xs text-slate-500">問題を直すと試せます。</span>}
      </div>
      {error && (
        <p role="alert" className={alertErrorClass}>
          {error}
        </p>
      )}
      {last && (
        <div className="grid gap-4 md:grid-cols-[1fr_220px]">
          <ol className="space-y-2" aria-label="試し通話" data-testid="playtest-transcript">
            {turns.map((turn) =>
              turn.role === "caller" ? (
                <li
                  key={turn.seq}
                  className="rounded-lg bg-slate-100 px-3 py-2 text-sm"
                  data-testid="playtest-caller"
                >
                  {turn.text}
                </li>
              ) : (
                <li key={turn.seq} className="flex flex-col items-end gap-1" data-testid="playtest-reply">
                  <span className="rounded-lg bg-brand-600 px-3 py-2 text-sm text-white">{turn.text}</span>
                  {turn.analysis && <ReplyFeedback analysis={turn.analysis} />}
                </li>
              ),
            )}
          </ol>
          <div className="space-y-3 text-sm">
            <p>
              場面:{" "}
              <span className="font-mono" data-testid="playtest-node">
                {last.nodeId}
              </span>
            </p>
            <MoodMeters variables={last.moodVariables} mood={last.mood} />
            <ul className="space-y-1" aria-label="到達目標">
              {last.goals.map((goal) => (
                <li key={goal.id} className={goal.reached ? "text-emerald-700" : "text-slate-500"}>
                  {goal.reached ? "✓" : "・"} {goal.label}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {last && !last.ended && (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (reply.trim()) void run(reply.trim());
          }}
        >
          <input
            className={inputClass}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            aria-label="試し通話の返答"
            placeholder="オペレーターとして返答してください"
          />
          <button type="submit" className={`${buttonClass} shrink-0`} disabled={pending || !reply.trim()}>
            返答する
          </button>
        </form>
      )}
      {last?.ended && (
        <p className="text-sm font-semibold" data-testid="playtest-ended">
          通話終了: {endReasonLabels[last.ended.reason] ?? last.ended.reason}
        </p>
      )}
    </div>
  );
}
