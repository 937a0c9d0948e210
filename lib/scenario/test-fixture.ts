// A small valid scenario for loader and checker tests; tests edit its text to break one thing at a time.
export const minimalScenarioYaml = `id: tiny
title: 小さな例
description: テスト用の最小シナリオ
kind: angry
difficulty: easy
persona:
  name: 山田
  age: 40
  speakingStyle: 早口
  speakingRate: 8
  facts:
    orderNumber:
      label: 注文番号
      value: A-1
      askedBy: [注文番号]
      answers: [A-1です。]
goals:
  confirmOrder:
    label: 注文番号の確認
    when: { facts: [orderNumber] }
start: opening
nodes:
  opening:
    lines: [割れてたんだけど！, 瓶が割れてたのよ！]
    modelReply: さようでございますか。
    transitions:
      - to: done
        when: { intent: properClosing }
      - to: angry
        when: { listening: poor }
  angry:
    lines: [もういい！]
    end: hung_up
  done:
    lines: [はい、どうも。]
    end: resolved
`;
