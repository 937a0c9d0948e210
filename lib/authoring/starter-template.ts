// The scenario a trainer starts from with 新規作成: small, valid, and annotated in Japanese so that the
// YAML view teaches the format. Every node a trainee can reach has a model reply, as the checker asks.

/** A valid starter scenario with the given YAML id. */
export function starterScenarioYaml(id: string): string {
  return `# 新しいシナリオです。左のフォームか、この YAML を編集してください。
# 書き方の詳細は scenarios/README.md を参照してください。
id: ${id} # 半角英数字・_・- のみ。チーム内で重ならない名前にします
title: 新しいシナリオ
description: >-
  注文した商品が届かないと電話してきたお客様。気持ちを受け止め、注文番号を確認し、対応を案内する。
kind: angry # angry（クレーム） | lonely（寂しい常連） | inquiry（問い合わせ） | contest（応対コンクール） | custom
difficulty: normal # easy | normal | hard
tags: [配送遅延]
timeLimitSec: 600 # 制限時間（秒）
maxTurns: 12 # 返答の回数の上限

persona:
  name: 高橋 健一
  age: 45
  speakingStyle: 苛立っているが、話を聞いてもらえると落ち着く。
  speakingRate: 8 # 1秒あたりの文字数（日本語は 6〜9、高齢の方は 5〜6）
  facts: # 研修生に尋ねられたときだけ答える情報
    orderNumber:
      label: 注文番号
      value: A-10234
      askedBy: [注文番号, ご注文の番号]
      answers: [A-10234です。, えっと、A-10234です。]

goals: # 良い応対で到達してほしいこと（通話の順に）
  empathy: { label: 気持ちの受け止め, when: { signals: { empathy: true } } }
  confirmOrder: { label: 注文番号の確認, when: { facts: [orderNumber] } }
  offerRemedy: { label: 対応の案内, when: { intent: offeredRemedy } }

start: opening
globalTransitions: # どの場面からでも先に確認される遷移
  - to: hangUp
    when: { mood: { anger: { gte: 95 } } }

nodes:
  opening:
    lines:
      - もしもし、注文した商品がまだ届かないんですけど。
      - 一週間前に頼んだものが、まだ来ないんですが。
    stayLines: [ちゃんと聞いてます？届かないんですよ。]
    modelReply: さようでございますか、ご注文の商品がまだ届いていないのですね。ご心配をおかけして申し訳ございません。
    hint: まずお客様の言葉を繰り返し、気持ちを受け止めましょう。
    transitions:
      - to: calmer
        when: { listening: good }
  calmer:
    lines: [まあ、急ぎではないんですけど、どうなっているのか知りたくて。]
    stayLines: [それで、いつ届くんですか？]
    modelReply: 恐れ入りますが、ご注文番号を教えていただけますでしょうか。すぐにお調べいたします。
    hint: 注文番号を伺い、再送などの対応を案内しましょう。
    transitions:
      - to: resolved
        when: { intent: offeredRemedy, facts: [orderNumber] }
  resolved:
    end: resolved
    lines: [わかりました。よろしくお願いします。]
  hangUp:
    end: hung_up
    lines: [もういいです！]
`;
}

/** A fresh YAML id for a team scenario, e.g. `team-k3f9x2`. */
export function newScenarioSlug(prefix = "team", random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  return `${prefix}-${suffix}`;
}
