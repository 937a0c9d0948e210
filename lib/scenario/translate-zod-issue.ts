import { z } from "zod";

// Trainers read schema problems in the editor, so each zod issue the scenario schema can raise gets a
// Japanese sentence of our own: zod's `ja` locale ("無効な入力: 数値が期待されましたが、stringが入力されました")
// names types in English and reads like a translation. Its locale stays the fallback for the rare codes
// the scenario schema never raises. The issue needs its `input` (safeParse with `reportInput: true`).

const zodJa = z.locales.ja().localeError;

/** A trainer-facing Japanese message for one zod issue of the scenario schema. */
export function translateZodIssue(issue: z.core.$ZodIssue): string {
  const received = describeInput(issue.input);
  switch (issue.code) {
    case "invalid_type": {
      const key = issue.path[issue.path.length - 1];
      if (issue.input === undefined && typeof key === "string") {
        return `必須のキー "${key}" がありません（${nounOf(issue.expected)}を書いてください）`;
      }
      const whole = issue.path.length === 0 ? "シナリオ全体を" : "";
      return `${whole}${askFor(issue.expected)}${received}`;
    }
    case "invalid_value": {
      if (issue.values.length === 1) return `"${String(issue.values[0])}" を指定してください${received}`;
      return `次のいずれかを指定してください：${issue.values.map(String).join("、")}${received}`;
    }
    case "too_small":
    case "too_big":
      return outOfRange(issue) + received;
    case "invalid_format":
      // The scenario schema's only pattern is the id one (node, fact, goal, phrase and scenario ids).
      if (issue.format === "regex") {
        return `ID は英字で始め、英字・数字・「_」「-」だけで書いてください${received}`;
      }
      break;
    case "unrecognized_keys":
      return issue.keys.map((key) => `不明なキー "${key}" です`).join("、");
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return `書き方が正しくありません${received}`;
  }
  return zodFallback(issue);
}

function askFor(expected: string): string {
  switch (expected) {
    case "string":
      return "文字列を入力してください";
    case "number":
      return "数値を入力してください";
    case "int":
      return "整数を入力してください";
    case "boolean":
      return "true か false を指定してください";
    case "object":
      return "「キー: 値」の形（マップ）で書いてください";
    case "array":
      return "リスト（「- 」で始まる行、または [ ] ）で書いてください";
    default:
      return `${nounOf(expected)}を書いてください`;
  }
}

function nounOf(expected: string): string {
  const nouns: Record<string, string> = {
    string: "文字列",
    number: "数値",
    int: "整数",
    boolean: "true か false",
    object: "「キー: 値」のマップ",
    array: "リスト",
  };
  return nouns[expected] ?? expected;
}

/** `（文字列になっています）`: what the trainer wrote instead, or "" when nothing was written. */
function describeInput(input: unknown): string {
  if (input === undefined) return "";
  if (input === null) return "（値が空です）";
  if (typeof input === "string")
    return input === "" ? "（空の文字列です）" : `（"${clip(input)}" になっています）`;
  if (typeof input === "number") {
    return `（${Number.isInteger(input) ? "" : "小数の "}${input} になっています）`;
  }
  if (typeof input === "boolean") return `（${input} になっています）`;
  if (Array.isArray(input)) return input.length === 0 ? "（空のリストです）" : "（リストになっています）";
  return "（「キー: 値」のマップになっています）";
}

const rangeWords = {
  too_small: {
    text: (n: number) => (n <= 1 ? "空欄にはできません" : `${n}文字以上で書いてください`),
    list: (n: number) => `${n}つ以上書いてください`,
    inclusive: "以上",
    exclusive: "より大きい",
  },
  too_big: {
    text: (n: number) => `${n}文字以内で書いてください`,
    list: (n: number) => `${n}個以内にしてください`,
    inclusive: "以下",
    exclusive: "より小さい",
  },
};

function outOfRange(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const words = rangeWords[issue.code];
  const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  if (issue.origin === "string") return words.text(limit);
  if (issue.origin === "array" || issue.origin === "set") return words.list(limit);
  return `${limit} ${issue.inclusive ? words.inclusive : words.exclusive}の数値にしてください`;
}

function zodFallback(issue: z.core.$ZodIssue): string {
  const raw = issue as unknown as z.core.$ZodRawIssue;
  const result = zodJa(raw);
  if (typeof result === "string") return result;
  return result?.message ?? "書き方が正しくありません";
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
