import type { CueResult } from "./detect-empathy";
import { findSpans, mergeSpans, type Span } from "./text-spans";

// Softening phrases placed before a request, refusal or question.
const cushionCues: RegExp[] = [
  /恐れ入り(ます|ますが|ますけれども)(が|、)|恐れ入りますが/g,
  /恐縮(です|ではございます|でございます)が/g,
  /申し訳(ござい|あり)ません(が|けれど|けど)|申し訳ない(のです|んです|です)?(が|けど|けれど)/g,
  /お手数(です|ではございます|をおかけ(します|いたします|しますが|いたしますが))が?|お手数ですが/g,
  /差し支え(なければ|ございませんでしたら|なけ|がなければ)/g,
  /失礼(ですが|ながら|とは存じますが)/g,
  /あいにく|生憎/g,
  /よろしければ|よろしかったら|よろしければ|よければ/g,
  /ご面倒(ですが|をおかけしますが)|勝手ながら|せっかく(ですが|ではございますが)|ご足労(ですが|をおかけしますが)/g,
];
// 申し訳ございません、 followed in the same sentence by a refusal or request is a cushion too.
const apologyThenRefusal =
  /申し訳(ござい|あり)ません、(?=[^。]*(かね|できません|お受けでき|ください|いただけ|でしょうか|ますか|控えさせ))/g;

/** Finds クッション言葉. */
export function detectCushion(reply: string): CueResult {
  const spans: Span[] = [...cushionCues, apologyThenRefusal].flatMap((cue) => findSpans(reply, cue));
  return { present: spans.length > 0, spans: mergeSpans(spans) };
}
