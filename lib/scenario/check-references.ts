import type { PathIssue } from "@/lib/scenario/scenario-issue";
import type { Condition, MoodModel, ScenarioFile } from "@/lib/scenario/schema";

/** Names that must resolve: facts, goals and mood variables used by conditions, effects and contest categories. */
export function checkScenarioReferences(file: ScenarioFile, mood: MoodModel): PathIssue[] {
  const known = {
    facts: new Set([...Object.keys(file.persona.facts), ...Object.keys(file.contest?.needs ?? {})]),
    goals: new Set(Object.keys(file.goals)),
    moods: new Set(Object.keys(mood.variables)),
    phrases: new Set([...Object.keys(file.phrases ?? {}), ...Object.keys(file.contest?.information ?? {})]),
  };
  const issues: PathIssue[] = [];
  for (const { path, condition } of listConditions(file)) {
    issues.push(...checkCondition(condition, path, known));
  }
  issues.push(...checkEffects(file, known.moods));

  for (const [id, node] of Object.entries(file.nodes)) {
    if (!node.end && !node.modelReply) {
      issues.push({
        path: ["nodes", id],
        atKey: true,
        message: `node "${id}" needs a modelReply for feedback`,
        messageJa: `ノード "${id}" にはフィードバックに使う模範応答（modelReply）が必要です`,
      });
    }
  }
  if (file.kind === "lonely" && file.maxTurns === undefined && file.timeLimitSec === undefined) {
    issues.push({
      path: ["kind"],
      message: "a lonely caller needs maxTurns or timeLimitSec so that chatting along for ever runs out",
      messageJa:
        "寂しさから電話してくるお客様（lonely）には、maxTurns か timeLimitSec を設定してください（話が終わらなくなるのを防ぐため）",
    });
  }
  issues.push(...checkContest(file));
  const categoryIds = new Set<string>();
  for (const [index, category] of (file.contest?.categories ?? []).entries()) {
    if (categoryIds.has(category.id)) {
      issues.push({
        path: ["contest", "categories", index, "id"],
        message: `duplicate category "${category.id}"`,
        messageJa: `カテゴリー "${category.id}" が重複しています`,
      });
    }
    categoryIds.add(category.id);
    for (const [goalIndex, goal] of category.goals.entries()) {
      if (!known.goals.has(goal)) {
        issues.push({
          path: ["contest", "categories", index, "goals", goalIndex],
          message: `unknown goal "${goal}"`,
          messageJa: unknownJa.goal(goal),
        });
      }
    }
  }
  return issues;
}

/**
 * A contest scenario (kind contest) needs its problem card, hidden needs, the information to give and
 * at least two variants that each fill in every need, so that one memorised run does not fit the next.
 */
function checkContest(file: ScenarioFile): PathIssue[] {
  const contest = file.contest;
  const issues: PathIssue[] = [];
  if (file.kind !== "contest") {
    if (contest?.variants || contest?.needs || contest?.problemCard || contest?.information) {
      issues.push({
        path: ["kind"],
        message: "contest.problemCard, needs, information and variants need kind: contest",
        messageJa:
          "contest の problemCard・needs・information・variants を使うには kind を contest にしてください",
      });
    }
    return issues;
  }
  if (!contest) {
    return [
      {
        path: ["kind"],
        message: "kind contest needs a contest block (problemCard, needs, information, variants)",
        messageJa:
          "kind が contest のシナリオには contest（problemCard・needs・information・variants）が必要です",
      },
    ];
  }
  const required = [
    ["problemCard", "問題カード（problemCard）"],
    ["needs", "お客様の隠れたニーズ（needs）"],
    ["information", "伝えるべき情報（information）"],
  ] as const;
  for (const [key, ja] of required) {
    const value = contest[key];
    if (value === undefined || (key !== "problemCard" && Object.keys(value).length === 0)) {
      issues.push({
        path: ["contest"],
        atKey: true,
        message: `a contest scenario needs contest.${key}`,
        messageJa: `コンクールのシナリオには ${ja} が必要です`,
      });
    }
  }
  const variants = contest.variants ?? [];
  if (variants.length < 2) {
    issues.push({
      path: contest.variants ? ["contest", "variants"] : ["contest"],
      atKey: !contest.variants,
      message: `a contest scenario needs at least 2 variants (has ${variants.length})`,
      messageJa: `コンクールのシナリオにはニーズの異なるバリエーション（variants）が2つ以上必要です（現在 ${variants.length} つ）`,
    });
  }
  const needIds = Object.keys(contest.needs ?? {});
  const informationIds = new Set(Object.keys(contest.information ?? {}));
  for (const id of needIds) {
    if (id in file.persona.facts) {
      issues.push({
        path: ["contest", "needs", id],
        atKey: true,
        message: `need "${id}" has the id of a persona fact`,
        messageJa: `ニーズ "${id}" は persona.facts の情報と同じ id です。別の id にしてください`,
      });
    }
  }
  for (const [id, item] of Object.entries(contest.information ?? {})) {
    if (id in (file.phrases ?? {})) {
      issues.push({
        path: ["contest", "information", id],
        atKey: true,
        message: `information "${id}" has the id of a phrase`,
        messageJa: `伝えるべき情報 "${id}" は phrases と同じ id です。別の id にしてください`,
      });
    }
    const everyVariantSaysIt = variants.every((variant) => variant.information?.[id]);
    if (item.words.length === 0 && !everyVariantSaysIt) {
      issues.push({
        path: ["contest", "information", id, "words"],
        message: `information "${id}" needs words here or in every variant`,
        messageJa: `伝えるべき情報 "${id}" の言葉（words）を、ここかすべてのバリエーションに書いてください`,
      });
    }
  }
  const variantIds = new Set<string>();
  for (const [index, variant] of variants.entries()) {
    const at = ["contest", "variants", index];
    if (variantIds.has(variant.id)) {
      issues.push({
        path: [...at, "id"],
        message: `duplicate variant "${variant.id}"`,
        messageJa: `バリエーション "${variant.id}" が重複しています`,
      });
    }
    variantIds.add(variant.id);
    for (const need of needIds) {
      if (!variant.needs[need]) {
        issues.push({
          path: [...at, "needs"],
          atKey: true,
          message: `variant "${variant.id}" does not fill in need "${need}"`,
          messageJa: `バリエーション "${variant.id}" にニーズ "${need}" の内容がありません`,
        });
      }
    }
    for (const need of Object.keys(variant.needs)) {
      if (!needIds.includes(need)) {
        issues.push({
          path: [...at, "needs", need],
          atKey: true,
          message: `need "${need}" is not declared in contest.needs`,
          messageJa: `ニーズ "${need}" は contest.needs に定義されていません`,
        });
      }
    }
    for (const id of Object.keys(variant.information ?? {})) {
      if (!informationIds.has(id)) {
        issues.push({
          path: [...at, "information", id],
          atKey: true,
          message: `information "${id}" is not declared in contest.information`,
          messageJa: `伝えるべき情報 "${id}" は contest.information に定義されていません`,
        });
      }
    }
  }
  return issues;
}

// Names that point at nothing, with where the trainer defines them.
const unknownJa = {
  fact: (name: string) => `情報 "${name}" は persona.facts に定義されていません`,
  goal: (name: string) => `目標 "${name}" は goals に定義されていません`,
  phrase: (name: string) => `フレーズ "${name}" は phrases に定義されていません`,
  mood: (name: string) => `気分の変数 "${name}" は定義されていません（mood.variables）`,
};

interface Known {
  facts: Set<string>;
  goals: Set<string>;
  moods: Set<string>;
  phrases: Set<string>;
}

function listConditions(file: ScenarioFile): { path: PropertyKey[]; condition: Condition }[] {
  const found: { path: PropertyKey[]; condition: Condition }[] = [];
  for (const [id, goal] of Object.entries(file.goals))
    found.push({ path: ["goals", id, "when"], condition: goal.when });
  for (const [id, fact] of Object.entries(file.persona.facts)) {
    if (fact.requires) found.push({ path: ["persona", "facts", id, "requires"], condition: fact.requires });
  }
  for (const [index, variant] of (file.contest?.variants ?? []).entries()) {
    for (const [id, need] of Object.entries(variant.needs)) {
      if (need.requires) {
        found.push({
          path: ["contest", "variants", index, "needs", id, "requires"],
          condition: need.requires,
        });
      }
    }
  }
  for (const [index, transition] of (file.globalTransitions ?? []).entries()) {
    if (transition.when)
      found.push({ path: ["globalTransitions", index, "when"], condition: transition.when });
  }
  for (const [id, node] of Object.entries(file.nodes)) {
    for (const [index, transition] of (node.transitions ?? []).entries()) {
      if (transition.when) {
        found.push({ path: ["nodes", id, "transitions", index, "when"], condition: transition.when });
      }
    }
  }
  return found;
}

function checkCondition(condition: Condition, path: PropertyKey[], known: Known): PathIssue[] {
  const issues: PathIssue[] = [];
  const askedFacts = condition.askedFact === undefined ? [] : [condition.askedFact].flat();
  for (const fact of askedFacts) {
    if (!known.facts.has(fact))
      issues.push({
        path: [...path, "askedFact"],
        message: `unknown fact "${fact}"`,
        messageJa: unknownJa.fact(fact),
      });
  }
  const said = condition.said === undefined ? [] : [condition.said].flat();
  for (const phrase of said) {
    if (!known.phrases.has(phrase))
      issues.push({
        path: [...path, "said"],
        message: `unknown phrase "${phrase}"`,
        messageJa: unknownJa.phrase(phrase),
      });
  }
  for (const [index, fact] of (condition.facts ?? []).entries()) {
    if (!known.facts.has(fact))
      issues.push({
        path: [...path, "facts", index],
        message: `unknown fact "${fact}"`,
        messageJa: unknownJa.fact(fact),
      });
  }
  for (const [index, goal] of (condition.goals ?? []).entries()) {
    if (!known.goals.has(goal))
      issues.push({
        path: [...path, "goals", index],
        message: `unknown goal "${goal}"`,
        messageJa: unknownJa.goal(goal),
      });
  }
  for (const variable of Object.keys(condition.mood ?? {})) {
    if (!known.moods.has(variable)) {
      issues.push({
        path: [...path, "mood", variable],
        atKey: true,
        message: `unknown mood variable "${variable}"`,
        messageJa: unknownJa.mood(variable),
      });
    }
  }
  return issues;
}

function checkEffects(file: ScenarioFile, moods: Set<string>): PathIssue[] {
  const issues: PathIssue[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === "number" && !moods.has(key)) {
        issues.push({
          path: [...path, key],
          atKey: true,
          message: `unknown mood variable "${key}"`,
          messageJa: unknownJa.mood(key),
        });
      } else {
        visit(inner, [...path, key]);
      }
    }
  };
  visit(file.mood?.effects, ["mood", "effects"]);
  return issues;
}
