import type { ErrorCode } from "yaml";

// The yaml parser's messages are English and technical ("Implicit keys need to be on a single line").
// Trainers get a Japanese sentence saying what to fix, matched on the error code and, where one code
// covers several mistakes, on the English text. Anything unmapped still says where the problem is.

const prefix = "YAML の書き方に誤りがあります：";

interface YamlErrorLike {
  code: ErrorCode;
  message: string;
}

/** A trainer-facing Japanese message for one yaml parse error; `source` is the text from it to the line's end. */
export function translateYamlError(
  error: YamlErrorLike,
  where: { line: number; column: number; source: string },
): string {
  const detail = explain(error, where.source);
  return `${prefix}${detail ?? `${where.line}行 ${where.column}列目付近を確認してください`}`;
}

/** A Japanese message for the errors yaml throws while building data from a well-formed document. */
export function translateYamlDataError(message: string): string {
  if (/alias count/i.test(message)) return `${prefix}エイリアス（*）の参照が多すぎます`;
  if (/call stack/i.test(message)) return `${prefix}入れ子（字下げや [ ] { } の重なり）が深すぎます`;
  if (/unresolved alias/i.test(message)) {
    return `${prefix}エイリアス（*）が参照するアンカー（&）が、それより前にありません`;
  }
  return `${prefix}データとして読み込めませんでした`;
}

function explain({ code, message }: YamlErrorLike, source: string): string | undefined {
  // yaml reports its own stack overflow on deeply nested input as resource exhaustion, not aliases.
  if (/call stack/i.test(message)) return "入れ子（字下げや [ ] { } の重なり）が深すぎます";
  const quoted = /"(.)"$|character (.)$/.exec(message);
  const char = quoted?.[1] ?? quoted?.[2];
  switch (code) {
    case "DUPLICATE_KEY": {
      const key = /^\s*(["']?)([^"':]+)\1\s*:/.exec(source)?.[2]?.trim();
      return key
        ? `キー "${key}" が重複しています（同じ階層に同じキーは1回だけ書けます）`
        : "同じ階層に同じキーが2回書かれています";
    }
    case "TAB_AS_INDENT":
      return "字下げにタブ文字は使えません。半角スペースで字下げしてください";
    case "BAD_INDENT":
      if (message.startsWith("Flow sequence")) return "「[」で始めたリストが「]」で閉じられていません";
      if (message.startsWith("Flow map")) return "「{」で始めたマップが「}」で閉じられていません";
      return "字下げ（行頭の空白）がそろっていません。同じ階層の項目は同じ位置から書き始めてください";
    case "MISSING_CHAR":
      if (message.includes('closing "quote')) return '「"」で始めた文字列が閉じられていません';
      if (message.includes("closing 'quote")) return "「'」で始めた文字列が閉じられていません";
      if (message.startsWith("Implicit map keys")) return "キーの後に「:」と値がありません";
      if (message.startsWith("Missing space after :")) return "「:」の後に半角スペースを入れてください";
      if (message.startsWith("Missing ,")) return "[ ] や { } の中の項目は「,」で区切ってください";
      if (message.startsWith("Comments")) return "「#」のコメントの前に半角スペースを入れてください";
      return undefined;
    case "BLOCK_AS_IMPLICIT_KEY":
      return '1行に「キー: 値」が2つあるか、字下げがずれています。値に「: 」を含めるときは "…" で囲んでください';
    case "MULTILINE_IMPLICIT_KEY":
      return "キーの後に「:」がないか、字下げがずれています";
    case "BAD_SCALAR_START":
      return `値を「${char ?? "記号"}」で始めることはできません。値を "…" で囲んでください`;
    case "BAD_DQ_ESCAPE":
      return '"…" の中の「\\」の使い方に誤りがあります（「\\」そのものは「\\\\」と書きます）';
    case "UNEXPECTED_TOKEN":
      if (char) return `ここに「${char}」は書けません`;
      return "余分な文字があります。字下げや記号を確認してください";
    case "MULTIPLE_DOCS":
      return "「---」で区切られた文書が複数あります。1つのファイルにはシナリオを1つだけ書いてください";
    case "BLOCK_IN_FLOW":
      return "[ ] や { } の中では、複数行にわたる書き方は使えません";
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "ALIAS_PROPS":
    case "BAD_PROP_ORDER":
    case "BAD_ALIAS":
      return "アンカー（&）、エイリアス（*）またはタグ（!）の書き方に誤りがあります";
    case "RESOURCE_EXHAUSTION":
      return "エイリアス（*）の参照が多すぎます";
    case "KEY_OVER_1024_CHARS":
      return "キーが長すぎます（1024文字まで）";
    default:
      return undefined;
  }
}
