import { describe, expect, it } from "vitest";
import { checkScenarioFiles } from "@/lib/scenario/check-scenario-files";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { intentKinds } from "@/lib/scenario/schema";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";
import { translateYamlDataError, translateYamlError } from "@/lib/scenario/translate-yaml-error";

// Trainers see messageJa in the editor and in the publish and import answers; developers keep the
// English message. One case per kind of problem, each read back through the real loader.

const replace = (from: string, to: string) => {
  if (!minimalScenarioYaml.includes(from)) throw new Error(`fixture lacks ${from}`);
  return minimalScenarioYaml.replace(from, to);
};

const messagesJa = (yaml: string) => {
  const result = loadScenario(yaml, "tiny.yaml");
  return result.ok ? [] : result.issues.map((issue) => issue.messageJa);
};

const yamlPrefix = "YAML の書き方に誤りがあります：";

describe("Japanese messages for YAML syntax errors", () => {
  it.each([
    {
      name: "a duplicate key",
      yaml: replace("title: 小さな例", "title: 小さな例\ntitle: 別"),
      ja: 'キー "title" が重複しています（同じ階層に同じキーは1回だけ書けます）',
    },
    {
      name: "a mapping item out of line",
      yaml: replace("  speakingStyle: 早口", " speakingStyle: 早口"),
      ja: "字下げ（行頭の空白）がそろっていません。同じ階層の項目は同じ位置から書き始めてください",
    },
    {
      name: "an unterminated double quote",
      yaml: replace("title: 小さな例", 'title: "小さな例'),
      ja: '「"」で始めた文字列が閉じられていません',
    },
    {
      name: "an unterminated single quote",
      yaml: replace("title: 小さな例", "title: '小さな例"),
      ja: "「'」で始めた文字列が閉じられていません",
    },
    {
      name: "a tab as indentation",
      yaml: replace("  age: 40", "\tage: 40"),
      ja: "字下げにタブ文字は使えません。半角スペースで字下げしてください",
    },
    {
      name: "an unclosed list",
      yaml: replace("lines: [もういい！]", "lines: [もういい！"),
      ja: "「[」で始めたリストが「]」で閉じられていません",
    },
    {
      name: "a colon inside a plain value",
      yaml: replace("title: 小さな例", "title: キャンセル: 返金"),
      ja: '1行に「キー: 値」が2つあるか、字下げがずれています。値に「: 」を含めるときは "…" で囲んでください',
    },
    {
      name: "a value starting with a reserved character",
      yaml: replace("speakingStyle: 早口", "speakingStyle: @早口"),
      ja: '値を「@」で始めることはできません。値を "…" で囲んでください',
    },
    {
      name: "two documents",
      yaml: `${minimalScenarioYaml}---\nid: other\n`,
      ja: "「---」で区切られた文書が複数あります。1つのファイルにはシナリオを1つだけ書いてください",
    },
    {
      name: "a stray closing bracket",
      yaml: replace("speakingStyle: 早口", "speakingStyle: ]"),
      ja: "ここに「]」は書けません",
    },
  ])("explains $name", ({ yaml, ja }) => {
    expect(messagesJa(yaml)).toContain(`${yamlPrefix}${ja}`);
  });

  it("falls back to the line and column for errors it has no sentence for", () => {
    const message = translateYamlError(
      { code: "IMPOSSIBLE", message: "Block scalar header not found" },
      { line: 12, column: 3, source: "" },
    );
    expect(message).toBe(`${yamlPrefix}12行 3列目付近を確認してください`);
  });

  it("explains the errors of building data from a well-formed document", () => {
    expect(messagesJa("a: *missing\n")).toEqual([
      `${yamlPrefix}エイリアス（*）が参照するアンカー（&）が、それより前にありません`,
    ]);
    expect(translateYamlDataError("Excessive alias count indicates a resource exhaustion attack")).toBe(
      `${yamlPrefix}エイリアス（*）の参照が多すぎます`,
    );
  });
});

describe("Japanese messages for schema problems", () => {
  it.each([
    {
      name: "an unknown key",
      yaml: replace("start: opening", "start: opening\nfoo: 1"),
      ja: '不明なキー "foo" です',
    },
    {
      name: "text where a number belongs",
      yaml: replace("age: 40", "age: 四十"),
      ja: '数値を入力してください（"四十" になっています）',
    },
    {
      name: "a fraction where an integer belongs",
      yaml: replace("age: 40", "age: 40.5"),
      ja: "整数を入力してください（小数の 40.5 になっています）",
    },
    { name: "an empty value", yaml: replace("age: 40", "age:"), ja: "数値を入力してください（値が空です）" },
    {
      name: "a number too big",
      yaml: replace("age: 40", "age: 200"),
      ja: "120 以下の数値にしてください（200 になっています）",
    },
    {
      name: "a number too small",
      yaml: replace("speakingRate: 8", "speakingRate: 1"),
      ja: "2 以上の数値にしてください（1 になっています）",
    },
    {
      name: "a missing required key",
      yaml: replace("title: 小さな例\n", ""),
      ja: '必須のキー "title" がありません（文字列を書いてください）',
    },
    {
      name: "an enum typo",
      yaml: replace("kind: angry", "kind: angy"),
      ja: '次のいずれかを指定してください：angry、lonely、inquiry、contest、custom（"angy" になっています）',
    },
    {
      name: "an empty text",
      yaml: replace("title: 小さな例", 'title: ""'),
      ja: "空欄にはできません（空の文字列です）",
    },
    {
      name: "an empty list",
      yaml: replace("lines: [もういい！]", "lines: []"),
      ja: "1つ以上書いてください（空のリストです）",
    },
    {
      name: "text where a list belongs",
      yaml: replace("askedBy: [注文番号]", "askedBy: 注文番号"),
      ja: 'リスト（「- 」で始まる行、または [ ] ）で書いてください（"注文番号" になっています）',
    },
    {
      name: "a number where a mapping belongs",
      yaml: replace("when: { facts: [orderNumber] }", "when: 3"),
      ja: "「キー: 値」の形（マップ）で書いてください（3 になっています）",
    },
    {
      name: "yes where a boolean belongs",
      yaml: replace("difficulty: easy", "difficulty: easy\nhintsAllowed: yes"),
      ja: 'true か false を指定してください（"yes" になっています）',
    },
    {
      name: "a bad item in a one-or-many list",
      yaml: replace("intent: properClosing", "intent: [properClosing, closing]"),
      ja: `次のいずれかを指定してください：${intentKinds.join("、")}（"closing" になっています）`,
    },
    {
      name: "a bad id",
      yaml: replace("id: tiny", "id: 1tiny"),
      ja: 'ID は英字で始め、英字・数字・「_」「-」だけで書いてください（"1tiny" になっています）',
    },
    {
      name: "a bad node id (a record key)",
      yaml: replace("  angry:\n", "  1angry:\n"),
      ja: 'ID は英字で始め、英字・数字・「_」「-」だけで書いてください（"1angry" になっています）',
    },
    {
      name: "a scalar document",
      yaml: "just text",
      ja: 'シナリオ全体を「キー: 値」の形（マップ）で書いてください（"just text" になっています）',
    },
  ])("explains $name", ({ yaml, ja }) => {
    expect(messagesJa(yaml)).toContain(ja);
  });

  it("points a bad record key at the key itself", () => {
    const result = loadScenario(replace("  angry:\n", "  1angry:\n"), "tiny.yaml");
    expect(result.ok ? [] : result.issues).toContainEqual(
      expect.objectContaining({ path: "nodes.1angry", line: 31, column: 3 }),
    );
  });
});

describe("Japanese messages for graph and reference problems", () => {
  it.each([
    {
      name: "a missing target",
      yaml: replace("- to: done", "- to: dne"),
      ja: '遷移先のノード "dne" がありません',
    },
    {
      name: "an unreachable node",
      yaml: replace("- to: done", "- to: dne"),
      ja: 'ノード "done" には開始ノードからたどり着けません',
    },
    {
      name: "a missing start",
      yaml: replace("start: opening", "start: begin"),
      ja: '開始ノード "begin" がありません',
    },
    {
      name: "no resolved end",
      yaml: replace("end: resolved", "end: hung_up"),
      ja: "解決（end: resolved）で通話を終えるノードがありません",
    },
    {
      name: "an end node with transitions",
      yaml: replace("    end: resolved", "    end: resolved\n    transitions: [{ to: opening }]"),
      ja: '終了ノード "done" には遷移（transitions）を書けません',
    },
    {
      name: "a node that cannot end",
      yaml: replace(
        "  angry:\n    lines: [もういい！]\n    end: hung_up",
        "  angry:\n    lines: [もういい！]\n    modelReply: はい。\n    transitions: [{ to: angry }]",
      ),
      ja: 'ノード "angry" から終了ノードにたどり着けません',
    },
    {
      name: "an unknown fact",
      yaml: replace("facts: [orderNumber]", "facts: [orderNo]"),
      ja: '情報 "orderNo" は persona.facts に定義されていません',
    },
    {
      name: "an unknown goal",
      yaml: replace("when: { listening: poor }", "when: { goals: [calm] }"),
      ja: '目標 "calm" は goals に定義されていません',
    },
    {
      name: "an unknown phrase",
      yaml: replace("when: { listening: poor }", "when: { said: steps }"),
      ja: 'フレーズ "steps" は phrases に定義されていません',
    },
    {
      name: "an unknown mood variable",
      yaml: replace("when: { listening: poor }", "when: { mood: { rage: { gte: 90 } } }"),
      ja: '気分の変数 "rage" は定義されていません（mood.variables）',
    },
    {
      name: "a node without a model reply",
      yaml: replace("    modelReply: さようでございますか。\n", ""),
      ja: 'ノード "opening" にはフィードバックに使う模範応答（modelReply）が必要です',
    },
    {
      name: "a lonely caller without a limit",
      yaml: replace("kind: angry", "kind: lonely"),
      ja: "寂しさから電話してくるお客様（lonely）には、maxTurns か timeLimitSec を設定してください（話が終わらなくなるのを防ぐため）",
    },
  ])("explains $name", ({ yaml, ja }) => {
    expect(messagesJa(yaml)).toContain(ja);
  });

  it("explains an id used by two files", () => {
    const { issues } = checkScenarioFiles([
      { fileName: "a.yaml", text: minimalScenarioYaml },
      { fileName: "b.yaml", text: minimalScenarioYaml },
    ]);
    expect(issues.map((issue) => issue.messageJa)).toEqual(['id "tiny" は a.yaml でも使われています']);
  });
});
