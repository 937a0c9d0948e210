// A folded YAML scalar (>-) joins its lines with a space, which English wants and Japanese does not:
// 「お客様。 まず」「お気持ちを 台無しに」. Scenario text is loaded with those spaces taken out again.

const japanese = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆、。！？「」『』（）・…〜";
const straySpace = new RegExp(`(?<=[${japanese}])[ \\t]+(?=[${japanese}])`, "gu");

/** Removes half-width spaces between Japanese characters; in a person's name they become a full-width space. */
export function joinJapaneseLines(text: string, isName = false): string {
  return text.replace(straySpace, isName ? "\u3000" : "");
}

/** The same, over every string of parsed YAML data (keys named `name` hold names). */
export function joinJapaneseLinesDeep(value: unknown, key = ""): unknown {
  if (typeof value === "string") return joinJapaneseLines(value, key === "name");
  if (Array.isArray(value)) return value.map((item) => joinJapaneseLinesDeep(item, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, joinJapaneseLinesDeep(v, k)]));
  }
  return value;
}
