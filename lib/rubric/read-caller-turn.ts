/** What the caller's latest turn does, as far as the don'ts depend on it. */
export interface CallerTurnReading {
  /** Complains: blame, exclamations, a promise broken (のに), something still not done. */
  complaining: boolean;
  /** Shares a feeling or a piece of their life (a loss, loneliness, a fall, a grandchild). */
  emotional: boolean;
  /** Asks a question or makes a request. */
  asks: boolean;
  /** A feeling the caller put into words (怖くて, 心配で). */
  voicedFeeling: boolean;
  /** Asks what to do or which to choose: a recommendation then answers them. */
  asksAdvice: boolean;
}

const complaint =
  /[!！]|のに|どういうこと|どうなって|どうして(くれ|なの)|なんで(?!す|しょ)|ひど|最悪|ふざけ|いい加減|信じられ|困(る|っ)|じゃない(の|です)?[か?？!！。]?$|言って(る|ます)(んです)?けど|壊|謝|責任|おかしい|許せ|腹が立|頭にく|ありえな|埒|せい|勝手に|まだ(来|届|連絡|返)|届かな|届いてな|来な(い|かった)|されたん(です|だ)|されてた|取られ|払わされ|待たされ|保留|何度|二度と|もう(?!ちょっと|少し|すこし)[^。]{0,6}(ない|いい)|気持ち悪|無駄|台無し|つながらな|動かな|出てこな|止められ|壊れ|割れ|漏れ|遅れ|間違って|(説明|話)[^。]{0,6}聞いて(ない|いない|ません|なかった)|聞いてない(です|わ|よ|けど)|説明(が|も)?(な|無)かった/;
const feeling =
  /寂し|さみし|さびし|悲し|亡くな|亡くし|死ん|怖|不安|心配|つら|辛|泣|一人|ひとり|情けな|嬉し|うれし|楽しみ|思い出|懐かし|なつかし|主人|孫|息子|娘|お嫁|入院|病院|転ん|具合|体調|眠れ|気が抜け|元気|誰とも|話し相手|暇|退屈/;
// A feeling put into words (怖くて, 心配で, 寂しい), not only a matter that may carry one (入院, 主人).
const voiced =
  /寂し|さみし|さびし|悲し|怖|こわ|不安|心配|つら|辛|泣|情けな|眠れ|ショック|落ち込|急に|突然|バタバタ|ばたばた|慌て|誰とも|話し相手/;
const asking =
  /[か?？]$|[か?？][。」]?$|ますか|ですか|でしょうか|ませんか|かしら|かな|たいん(です|だ)?(けど|が)|たいのですが|たいんです|たいのです|たいんですけど|たいんだけど|お願い(します|したい|できます|でき)|教えて|ください|てほしい|てもらえ(?!たら)|て(いただ|頂)け|できます?か|可能ですか|ってあります?か|知りたい|どうすれば|どうしたら|(た|だ)っけ(?=[。、？?!！\s]|$)/;
const advice =
  /どう(すれば|したら|したらいい|すればいい|しよう|したもの)|どれ(が|を|に)|何(が|を)(いい|おすすめ)|おすすめ|お勧め|アドバイス|(いい|よい|良い)(です|でしょう|かしら|かな|の)(か|？|\?)|(方法|コツ|やり方|仕方|ポイント|注意点)[^。]{0,10}教えて(ください|ほしい|もらえ|くれ)(?!なかった|なくて|ませんでした|てない|ていない)/;

/** Reads the caller's latest turn (normalized text) for the violation rules. */
export function readCallerTurn(text: string): CallerTurnReading {
  const body = text.replace(/[\s。、…」』）)]+$/u, "");
  return {
    complaining: complaint.test(text),
    emotional: feeling.test(text),
    voicedFeeling: voiced.test(text),
    // (A question someone else asked, 『おばあちゃん元気？』って, is told, not asked.)
    asks: asking.test(body) || /[?？]/.test(text.replace(/[『「][^』」]*[』」]/g, "")),
    asksAdvice: advice.test(text),
  };
}
