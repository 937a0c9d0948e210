import type { ApologyKind } from "./labels";
import { findSpans, mergeSpans, type Span } from "./text-spans";

export interface ApologyResult {
  kind: ApologyKind;
  spans: Span[];
  /** The apology names what it is for (ご不便, ご心配…): the textbook 限定謝罪. */
  scoped: boolean;
}

const apologyPhrase =
  /申し訳[、\s]*(ござい|あり)[、\s]*ません(でした)?(?!が)|(ご不便|ご迷惑|ご心配|ご不快な思い|ご面倒|お手数)を(お)?かけ(いた)?し(て(おり|しまい)?)?ま(した|す)(?![がけ])|申し訳ない(?!の?(です|ん)?が)|すみません(でした)?|失礼いたしました|お詫び(申し上げ|いたし)|ごめんなさい/g;
// Admitting fault before the facts are known.
const blanketPhrase =
  /(全て|すべて|完全に|全面的に)?[、…\s]*(弊社|当社|私ども|わたくしども|こちら|当方|私)(側)?[、…\s]*(の|が)[、…\s]*((その|あの|えー)[、…\s]*)?(責任|ミス|落ち度|不手際|過失|せい|不備|間違い|手違い)(?!(で|じゃ|では)(は)?(ござい|あり)ません|(で|じゃ)(は)?ない)|(弊社|当社|私ども|こちら)が(悪|間違)/g;
// What a limited apology is for: the inconvenience or the feelings, not the fault.
const scopePhrase =
  /(ご不便|ご迷惑|ご心配|ご不快|ご不安|お手数|お手間|嫌な思い|不快な思い|悲しい思い|残念な思い|お待たせ|ご面倒|お騒がせ|驚かせ|お時間を|お手を煩わせ)/g;

/** Classifies the apology as 限定謝罪 (limited), a blanket admission of fault, or none. */
export function detectApology(reply: string): ApologyResult {
  const blanket = findSpans(reply, blanketPhrase);
  if (blanket.length > 0) return { kind: "blanket", spans: blanket, scoped: false };
  const apologies = findSpans(reply, apologyPhrase);
  if (apologies.length === 0) return { kind: "none", spans: [], scoped: false };
  const scopes = findSpans(reply, scopePhrase);
  return { kind: "limited", spans: mergeSpans([...apologies, ...scopes]), scoped: scopes.length > 0 };
}
