import { applyMood, type Mood } from "@/lib/caller/apply-mood";
import type { CallerLine, CallState, EndReason } from "@/lib/caller/call-state";
import {
  defaultInterruptedLines,
  defaultRefuseLines,
  defaultTimeoutLines,
} from "@/lib/caller/caller-defaults";
import { chooseNextNode } from "@/lib/caller/choose-next-node";
import { scenarioForState } from "@/lib/caller/contest-variant";
import { detectIntents, detectPhrases, type Intent } from "@/lib/caller/detect-intents";
import { matchesCondition, type TurnFacts } from "@/lib/caller/match-condition";
import { normalizeText } from "@/lib/caller/normalize-text";
import { fingerprint, type LineDraw, pickLine } from "@/lib/caller/pick-line";
import type { ListeningSignals } from "@/lib/rubric/labels";
import type { Scenario } from "@/lib/scenario/schema";

export interface TraineeReply {
  reply: string;
  signals: ListeningSignals;
  /** Milliseconds since the call started, measured by whoever runs the call (time is injected). */
  elapsedMs: number;
  /** The trainee hung up after this reply. */
  endedByTrainee?: boolean;
}

export interface AdvanceResult {
  state: CallState;
  lines: CallerLine[];
  moodDelta: Mood;
  /** Goals newly reached by this reply. */
  goalsReached: string[];
  intents: Intent[];
  ended: null | { reason: EndReason };
}

/**
 * One exchange: the trainee's reply (with its rubric signals) moves the mood, may reveal facts and
 * reach goals, and picks the caller's next node and words. Pure: same scenario, state and reply,
 * same result. Expects a state from startCall/advanceCall of this scenario (see parseCallState).
 */
export function advanceCall(base: Scenario, state: CallState, input: TraineeReply): AdvanceResult {
  if (state.ended) {
    return { state, lines: [], moodDelta: {}, goalsReached: [], intents: [], ended: state.ended };
  }
  const scenario = scenarioForState(base, state);
  const intents = detectIntents(input.reply, scenario);
  if (input.signals.question === "open")
    intents.push(...openQuestionAsks(scenario, state, input.reply, intents));
  if (input.endedByTrainee) intents.push({ kind: "endedByTrainee" });
  const elapsedMs = Math.max(state.elapsedMs, input.elapsedMs);
  const turn = state.turn + 1;
  let draw: LineDraw = { rng: state.rng, lastVariant: state.lastVariant, said: state.said };
  const say = (
    lines: readonly string[],
    key: string,
    nodeId: string,
    kind: CallerLine["kind"],
  ): CallerLine => {
    const picked = pickLine(lines, key, draw);
    draw = picked.draw;
    return { text: picked.text, nodeId, kind };
  };

  // A reply that comes after the time limit is not heard: the call is already over.
  if (scenario.timeLimitSec !== undefined && elapsedMs > scenario.timeLimitSec * 1000) {
    const line = input.endedByTrainee ? [] : [sayTimeout(scenario, state.nodeId, say)];
    const ended = { reason: "time_out" as const };
    const next = {
      ...state,
      turn,
      elapsedMs,
      rng: draw.rng,
      lastVariant: draw.lastVariant,
      said: draw.said ?? state.said,
      ended,
    };
    return { state: next, lines: line, moodDelta: {}, goalsReached: [], intents, ended };
  }

  const interrupted = input.signals.interruption;
  const { mood, delta } = applyMood(scenario.mood, state.mood, input.signals, intents);
  const facts: TurnFacts = {
    signals: input.signals,
    intents,
    said: detectPhrases(input.reply, scenario),
    mood,
    goalsReached: state.goalsReached,
    factsRevealed: state.factsRevealed,
    turn,
    turnsInNode: state.turnsInNode + 1,
    transfers: state.transfers + (intents.some((intent) => intent.kind === "transferred") ? 1 : 0),
    elapsedMs,
  };

  const lines: CallerLine[] = [];
  if (interrupted) {
    const interruptedLines = scenario.persona.interruptedLines ?? defaultInterruptedLines[scenario.kind];
    lines.push(say(interruptedLines, "interrupted", state.nodeId, "interrupted"));
  } else {
    for (const intent of intents) {
      if (intent.kind !== "askedFact") continue;
      const fact = scenario.persona.facts[intent.factId];
      if (!fact) continue;
      if (matchesCondition(fact.requires, facts)) {
        // A closed question that fits is confirmed; an open one draws the whole story out.
        const confirm = input.signals.question === "closed" ? fact.confirmAnswers : undefined;
        const answer = confirm
          ? say(confirm, `confirm:${intent.factId}`, state.nodeId, "fact")
          : say(fact.answers, `fact:${intent.factId}`, state.nodeId, "fact");
        lines.push(answer);
        if (!facts.factsRevealed.includes(intent.factId)) {
          facts.factsRevealed = [...facts.factsRevealed, intent.factId];
        }
      } else {
        const refuse = fact.refuseLines ?? defaultRefuseLines[scenario.kind];
        lines.push(say(refuse, `refuse:${intent.factId}`, state.nodeId, "line"));
      }
    }
  }

  const newGoals = reachGoals(scenario, facts);
  facts.goalsReached = [...facts.goalsReached, ...newGoals];

  const nextId = chooseNextNode(scenario, state.nodeId, facts, { interrupted });
  const nodeId = nextId ?? state.nodeId;
  const node = scenario.nodes[nodeId];
  if (!node) throw new Error(`call state points at node "${nodeId}", which scenario "${scenario.id}" lacks`);
  const endReached = nextId !== null ? node.end : undefined;

  if (nextId !== null && !(input.endedByTrainee && !endReached)) {
    lines.push(say(node.lines, `${nodeId}:lines`, nodeId, "line"));
  } else if (nextId === null && !input.endedByTrainee && !lines.some((line) => line.kind === "fact")) {
    // Staying in a node: a stay line not yet said, else one of the node's own lines not yet said.
    const unsaid = (list: readonly string[] | undefined) =>
      list?.some((line) => !(draw.said ?? []).includes(fingerprint(line))) ? list : undefined;
    // Everything said already: one of them again, but not the line just said.
    const lastSaid = draw.said?.at(-1);
    const pool = [...new Set([...(node.stayLines ?? []), ...node.lines])];
    const again = pool.filter((line) => fingerprint(line) !== lastSaid);
    const stay = unsaid(node.stayLines) ?? unsaid(node.lines) ?? (again.length > 0 ? again : pool);
    lines.push(say(stay, `${nodeId}:stay`, nodeId, "line"));
  }

  let reason: EndReason | undefined = endReached ?? (input.endedByTrainee ? "ended_by_trainee" : undefined);
  let spoken = lines;
  if (reason === undefined && scenario.maxTurns !== undefined && turn >= scenario.maxTurns) {
    reason = "time_out";
    spoken = [...lines.filter((line) => line.kind === "fact"), sayTimeout(scenario, nodeId, say)];
  }
  const ended = reason ? { reason } : null;
  const next: CallState = {
    ...state,
    nodeId,
    mood,
    goalsReached: facts.goalsReached as string[],
    factsRevealed: facts.factsRevealed as string[],
    turn,
    turnsInNode: nextId === null ? facts.turnsInNode : 0,
    elapsedMs,
    transfers: facts.transfers,
    rng: draw.rng,
    lastVariant: draw.lastVariant,
    said: draw.said ?? state.said,
    ended,
  };
  return { state: next, lines: spoken, moodDelta: delta, goalsReached: newGoals, intents, ended };
}

/**
 * The call stopped at its time limit with no reply pending (the contest's hard stop): it ends as a
 * time-out and the caller says their closing line. Pure, like advanceCall.
 */
export function endOnTimeLimit(
  scenario: Scenario,
  state: CallState,
): { state: CallState; lines: CallerLine[] } {
  if (state.ended) return { state, lines: [] };
  const picked = pickLine(scenario.persona.timeoutLines ?? defaultTimeoutLines[scenario.kind], "timeout", {
    rng: state.rng,
    lastVariant: state.lastVariant,
    said: state.said,
  });
  const next: CallState = {
    ...state,
    rng: picked.draw.rng,
    lastVariant: picked.draw.lastVariant,
    said: picked.draw.said ?? state.said,
    ended: { reason: "time_out" },
  };
  return { state: next, lines: [{ text: picked.text, nodeId: state.nodeId, kind: "line" }] };
}

/**
 * An open question with a broad word (ご要望, 気になる点) draws out the first fact not yet revealed
 * that listens for it: open questions reveal more, one need at a time.
 */
function openQuestionAsks(scenario: Scenario, state: CallState, reply: string, asked: Intent[]): Intent[] {
  const text = normalizeText(reply);
  // A question about something in particular is answered on that; only a broad one draws more out.
  if (asked.some((intent) => intent.kind === "askedFact")) return [];
  for (const [factId, fact] of Object.entries(scenario.persona.facts)) {
    if (state.factsRevealed.includes(factId)) continue;
    if (fact.openAskedBy?.some((word) => text.includes(normalizeText(word)))) {
      return [{ kind: "askedFact", factId }];
    }
  }
  return [];
}

// Goals are checked in declared order so that a goal may require an earlier one reached by the same reply.
// A reply with a violation reaches none: a goal ticked by 「お気持ちはわかりますが…」 teaches the wrong lesson.
function reachGoals(scenario: Scenario, facts: TurnFacts): string[] {
  const reached: string[] = [];
  if (facts.signals.violation !== "none") return reached;
  for (const [id, goal] of Object.entries(scenario.goals)) {
    if (facts.goalsReached.includes(id)) continue;
    if (matchesCondition(goal.when, { ...facts, goalsReached: [...facts.goalsReached, ...reached] })) {
      reached.push(id);
    }
  }
  return reached;
}

function sayTimeout(
  scenario: Scenario,
  nodeId: string,
  say: (lines: readonly string[], key: string, nodeId: string, kind: CallerLine["kind"]) => CallerLine,
): CallerLine {
  return say(scenario.persona.timeoutLines ?? defaultTimeoutLines[scenario.kind], "timeout", nodeId, "line");
}
