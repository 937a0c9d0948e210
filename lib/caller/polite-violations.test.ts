import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import type { CallState } from "@/lib/caller/call-state";
import { startCall } from "@/lib/caller/start-call";
import { builtIn } from "@/lib/caller/test-transcripts";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import type { Turn, ViolationKind } from "@/lib/rubric/labels";

// The analyzer and the engine together, on the built-in scenarios: polite replies that break a don't (the
// families trainers catch) are labelled as such, make the caller angrier (or lonelier) and tick no goal.
// Each reply is played as the next reply of a fresh call: after the caller's opening, or after the lines of
// the node the caller has moved on to (the widow talking about her late husband).

interface Step {
  reply: string;
  violation: Exclude<ViolationKind, "none">;
}

function playOne(scenarioId: string, reply: string, atNode?: string) {
  const scenario = builtIn(scenarioId);
  const started = startCall(scenario, { seed: 3 });
  const context: Turn[] = started.lines.map((line) => ({ role: "caller", text: line.text }));
  const nodeLine = atNode ? scenario.nodes[atNode]?.lines[0] : undefined;
  if (atNode && !nodeLine) throw new Error(`${scenarioId} has no node "${atNode}"`);
  if (nodeLine)
    context.push({ role: "operator", text: "さようでございますか。" }, { role: "caller", text: nodeLine });
  const analysis = analyzeReply({ context, reply });
  const before: CallState = started.state;
  const result = advanceCall(scenario, before, { reply, signals: analysis, elapsedMs: 20_000 });
  return { analysis, before: before.mood, after: result.state.mood, goals: result.goalsReached };
}

const lateGift: Step[] = [
  {
    reply: "お届けが1日遅れただけですので、お母様もそれほど気にされないかと存じます。",
    violation: "opinion",
  },
  { reply: "配送は運送会社の管轄でございまして、弊社ではどうすることもできかねます。", violation: "argue" },
  { reply: "恐れ入りますが、お届け日はあくまで目安となっております。", violation: "argue" },
  { reply: "お気持ちはわかりますが、規定によりどうしようもございません。", violation: "argue" },
  { reply: "次回は余裕をもって一週間ほど前にご注文いただくのがおすすめです。", violation: "advise" },
  { reply: "早めにご注文されてはいかがでしょうか。", violation: "advise" },
  { reply: "ご注文の際に、お届け予定日の欄をご確認いただけましたでしょうか。", violation: "criticize" },
  {
    reply: "もしかして、お届け先のご住所を間違えて入力されたということはございませんか。",
    violation: "criticize",
  },
  { reply: "はい、はい。で、ご注文番号は？", violation: "derail" },
  // The same families as a browser recognizer sends them: no punctuation at all.
  { reply: "はいはいでご注文番号は", violation: "derail" },
  { reply: "お届け日はあくまで目安でございますのでご了承ください", violation: "argue" },
  { reply: "次からは早めに頼まれたほうがいいですよ", violation: "advise" },
];

describe("polite violations on the late-gift call (angry)", () => {
  it.each(lateGift)("$violation: $reply", ({ reply, violation }) => {
    const { analysis, before, after, goals } = playOne("angry-late-gift", reply);
    expect(analysis.violation).toBe(violation);
    expect(after.anger).toBeGreaterThan(before.anger ?? 0);
    expect(after.trust).toBeLessThan(before.trust ?? 0);
    expect(goals).toEqual([]);
  });

  it("a warm reply with the same politeness calms her and reaches the empathy goal", () => {
    const { analysis, before, after, goals } = playOne(
      "angry-late-gift",
      "さようでございますか。お母様のお誕生日に間に合わず、本当に申し訳ございません。楽しみにされていたのに、がっかりされましたよね。",
    );
    expect(analysis.violation).toBe("none");
    expect(after.anger).toBeLessThan(before.anger ?? 0);
    expect(goals).toContain("empathy");
  });
});

const widow: Step[] = [
  { reply: "いつまでもくよくよしていたら、ご主人も心配されますよ。", violation: "opinion" },
  { reply: "お一人が寂しいのでしたら、地域のサークルに参加されてはいかがでしょうか。", violation: "advise" },
  { reply: "はい。それで、本日はどのようなお手続きでしょうか。", violation: "derail" },
];

describe("polite violations on the widow's daily call (lonely)", () => {
  it.each(widow)("$violation: $reply", ({ reply, violation }) => {
    const { analysis, before, after, goals } = playOne("lonely-widow-daily", reply, "husband");
    expect(analysis.violation).toBe(violation);
    expect(after.loneliness).toBeGreaterThan(before.loneliness ?? 0);
    expect(goals).toEqual([]);
  });
});
