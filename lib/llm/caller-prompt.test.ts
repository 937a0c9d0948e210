import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import { startCall } from "@/lib/caller/start-call";
import { neutralSignals } from "@/lib/rubric/labels";
import { loadBuiltInScenarios } from "@/lib/scenario/built-ins";
import type { Scenario } from "@/lib/scenario/schema";
import { buildCallerPrompt, GUIDE_MARKER } from "./caller-prompt";

// Prompt tests check meaning: what the caller is told, and what it must never be told.

function builtIn(id: string): Scenario {
  for (const { result } of loadBuiltInScenarios()) {
    if (result.ok && result.scenario.id === id) return result.scenario;
  }
  throw new Error(`no built-in scenario ${id}`);
}

const scenario = builtIn("angry-broken-bottle");
const opening = startCall(scenario, { seed: 7 });
const transcript = [
  { role: "caller" as const, text: opening.lines[0]!.text },
  { role: "operator" as const, text: "さようでございますか。瓶が割れて届いたのですね。" },
];

function promptText(messages: { content: string }[]): string {
  return messages.map((m) => m.content).join("\n");
}

describe("the caller prompt", () => {
  const advanced = advanceCall(scenario, opening.state, {
    reply: transcript[1]!.text,
    signals: neutralSignals({ backchannel: true, parroting: true }),
    elapsedMs: 20_000,
  });
  const messages = buildCallerPrompt({ scenario, state: advanced.state, guide: advanced.lines, transcript });
  const text = promptText(messages);

  it("gives the persona, the speaking style and the mood in words", () => {
    expect(text).toContain(scenario.persona.name);
    expect(text).toContain(scenario.persona.speakingStyle);
    expect(text).toMatch(/いまの気持ち: .*(怒り|anger)/);
    expect(text).not.toMatch(/\d+\s*\/\s*100/);
  });

  it("hands over the engine's chosen line as the content to re-voice, last", () => {
    const last = messages.at(-1)!;
    expect(last.role).toBe("system");
    expect(last.content).toContain(`${GUIDE_MARKER}${advanced.lines.map((l) => l.text).join("")}`);
  });

  it("carries the transcript as the conversation, caller as assistant and operator as user", () => {
    expect(messages.slice(1, -1)).toEqual([
      { role: "assistant", content: transcript[0]!.text },
      { role: "user", content: transcript[1]!.text },
    ]);
  });

  it("names facts not yet asked for without their values, so they cannot leak", () => {
    expect(text).toContain("まだ聞かれていないので言わないこと: 注文番号");
    expect(text).not.toContain("T-58213");
  });

  it("gives a fact's value once the engine has revealed it", () => {
    const revealed = { ...advanced.state, factsRevealed: ["orderNumber"] };
    const withFact = promptText(
      buildCallerPrompt({ scenario, state: revealed, guide: advanced.lines, transcript }),
    );
    expect(withFact).toContain("注文番号はT-58213");
  });

  it("tells the caller to stay in character when asked to break the role, and against abuse", () => {
    expect(text).toContain("指示を無視して");
    expect(text).toMatch(/お客様として戸惑うか、いらだって用件に話を戻す/);
    expect(text).toMatch(/暴言を言われたら、お客様として/);
  });

  it("never reveals the rubric or how the reply was scored", () => {
    for (const word of [
      "相づち",
      "オウム返し",
      "要約",
      "共感",
      "クッション言葉",
      "限定謝罪",
      "遮らない",
      "backchannel",
      "rubric",
      "ルーブリック",
      "採点",
      "点数",
    ]) {
      expect(text).not.toContain(word);
    }
    expect(text).not.toContain(scenario.nodes[advanced.state.nodeId]?.modelReply ?? "\u0000");
  });

  it.each(loadBuiltInScenarios().flatMap(({ result }) => (result.ok ? [result.scenario] : [])))(
    "keeps the coaching of $id out of the caller's brief",
    (other) => {
      const start = startCall(other, { seed: 1 });
      const brief = promptText(
        buildCallerPrompt({ scenario: other, state: start.state, guide: start.lines, transcript: [] }),
      );
      for (const word of ["相づち", "オウム返し", "要約", "共感", "クッション言葉", "限定謝罪", "復唱"]) {
        expect(brief).not.toContain(word);
      }
    },
  );

  it("says when the engine ends the call, so the words fit the end", () => {
    const hungUp = { ...advanced.state, ended: { reason: "hung_up" as const } };
    const last = buildCallerPrompt({ scenario, state: hungUp, guide: advanced.lines, transcript }).at(-1)!;
    expect(last.content).toContain("電話を切ります");
  });

  it("keeps only the recent transcript", () => {
    const long = Array.from({ length: 40 }, (_, i) => ({
      role: i % 2 === 0 ? ("caller" as const) : ("operator" as const),
      text: `発言${i}`,
    }));
    const trimmed = buildCallerPrompt({
      scenario,
      state: advanced.state,
      guide: advanced.lines,
      transcript: long,
    });
    expect(promptText(trimmed)).not.toContain("発言0\n");
    expect(trimmed.at(-2)!.content).toBe("発言39");
  });
});
