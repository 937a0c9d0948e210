// Spelling variants a trainee may type for the same word; applied after NFKC and kana folding so the
// keyword lists only need one spelling.
const variants: [RegExp, string][] = [
  [/下さい/g, "ください"],
  [/頂(?!戴)/g, "いただ"],
  [/致/g, "いた"],
  [/御座/g, "ござ"],
  [/御/g, "ご"],
  [/繋/g, "つな"],
  [/出来/g, "でき"],
  [/宜し/g, "よろし"],
  [/有り?難う/g, "ありがとう"],
  [/取り?替え?/g, "とりかえ"],
  [/詫/g, "わ"],
  [/申し訳/g, "もうしわけ"],
  [/もうしわけありません/g, "もうしわけございません"],
];

/** Fold a reply for keyword matching: NFKC, katakana → hiragana, common kanji/kana variants, no spaces. */
export function normalizeText(text: string): string {
  let folded = text.normalize("NFKC").toLowerCase();
  folded = folded.replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
  for (const [pattern, replacement] of variants) folded = folded.replace(pattern, replacement);
  // Separators inside numbers (4,980 / T-58213 / 090 3344) vary with who types them.
  return folded
    .replace(/[\s\u3000]+/g, "")
    .replace(/[‐‑‒–—―-]/g, "")
    .replace(/(\d),(?=\d)/g, "$1");
}
