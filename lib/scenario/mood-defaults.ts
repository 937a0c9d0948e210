import type { MoodEffects, MoodModel, PersonaKind, ScenarioFile } from "@/lib/scenario/schema";

/** The scenario's mood model: its own settings merged key by key over the defaults of its kind. */
export function resolveMoodModel(kind: PersonaKind, mood: ScenarioFile["mood"]): MoodModel {
  const defaults = defaultMoodModels[kind];
  return {
    variables: { ...defaults.variables, ...mood?.variables },
    effects: mergeEffects(defaults.effects, mood?.effects ?? {}),
  };
}

// An inquiry caller is confused until helped and trusts a clear answer.
const inquiryMood: MoodModel = {
  variables: { confusion: { start: 60, label: "困惑" }, trust: { start: 40, label: "信頼" } },
  effects: {
    backchannel: { trust: 1 },
    parroting: { confusion: -4, trust: 2 },
    summarizing: { confusion: -8, trust: 4 },
    empathy: { trust: 4 },
    cushion: { trust: 3 },
    question: { open: { confusion: -4, trust: 2 }, closed: { confusion: -2 } },
    apology: { limited: { trust: 2 }, blanket: { trust: -2 } },
    violation: {
      criticize: { confusion: 6, trust: -15 },
      argue: { confusion: 6, trust: -12 },
      advise: { trust: -6 },
      opinion: { trust: -6 },
      derail: { confusion: 8, trust: -8 },
    },
    interruption: { confusion: 8, trust: -8 },
    intents: { offeredRemedy: { confusion: -8, trust: 4 }, readBack: { confusion: -10, trust: 5 } },
    perTurn: {},
  },
};

// Numbers chosen so that two or three hostile replies take an angry caller from the start value to
// the hang-up threshold the built-ins use (95), while five or six good replies calm them to ~30.
export const defaultMoodModels: Record<PersonaKind, MoodModel> = {
  angry: {
    variables: { anger: { start: 70, label: "怒り" }, trust: { start: 30, label: "信頼" } },
    effects: {
      backchannel: { anger: -2 },
      parroting: { anger: -4, trust: 3 },
      summarizing: { anger: -6, trust: 5 },
      empathy: { anger: -8, trust: 5 },
      cushion: { anger: -2, trust: 2 },
      question: { open: { trust: 2 }, closed: {} },
      apology: { limited: { anger: -8, trust: 4 }, blanket: { anger: -3, trust: -3 } },
      violation: {
        criticize: { anger: 20, trust: -15 },
        argue: { anger: 18, trust: -12 },
        advise: { anger: 10, trust: -6 },
        opinion: { anger: 10, trust: -8 },
        derail: { anger: 12, trust: -8 },
      },
      interruption: { anger: 15, trust: -8 },
      intents: {
        offeredRemedy: { anger: -10, trust: 8 },
        offeredCallback: { anger: -4, trust: 4 },
        readBack: { trust: 5 },
        supervisorInMeeting: { anger: 25, trust: -15 },
        transferred: { anger: 10, trust: -5 },
      },
      perTurn: {},
    },
  },
  lonely: {
    variables: { loneliness: { start: 80, label: "寂しさ" }, attachment: { start: 30, label: "愛着" } },
    effects: {
      backchannel: { loneliness: -3, attachment: 2 },
      parroting: { loneliness: -4, attachment: 3 },
      summarizing: { loneliness: -5, attachment: 3 },
      empathy: { loneliness: -8, attachment: 4 },
      cushion: { attachment: 1 },
      question: { open: { loneliness: -3, attachment: 3 }, closed: { loneliness: -1 } },
      apology: { limited: {}, blanket: {} },
      violation: {
        criticize: { loneliness: 12, attachment: -12 },
        argue: { loneliness: 8, attachment: -8 },
        advise: { loneliness: 6, attachment: -4 },
        opinion: { loneliness: 4, attachment: -3 },
        derail: { loneliness: 10, attachment: -6 },
      },
      interruption: { loneliness: 8, attachment: -6 },
      intents: { declinedPersonalQuestion: { attachment: -2 }, triedToClose: { loneliness: 2 } },
      perTurn: {},
    },
  },
  inquiry: inquiryMood,
  // A contest caller is an inquiry caller: polite, and won by questions and a read-back.
  contest: inquiryMood,
  custom: {
    variables: { satisfaction: { start: 50, label: "満足" } },
    effects: {
      backchannel: { satisfaction: 1 },
      parroting: { satisfaction: 3 },
      summarizing: { satisfaction: 4 },
      empathy: { satisfaction: 5 },
      cushion: { satisfaction: 2 },
      question: { open: { satisfaction: 2 }, closed: {} },
      apology: { limited: { satisfaction: 3 }, blanket: { satisfaction: -2 } },
      violation: {
        criticize: { satisfaction: -15 },
        argue: { satisfaction: -12 },
        advise: { satisfaction: -6 },
        opinion: { satisfaction: -6 },
        derail: { satisfaction: -8 },
      },
      interruption: { satisfaction: -10 },
      intents: {},
      perTurn: {},
    },
  },
};

type Nested = { [key: string]: number | Nested | undefined };

function mergeEffects(base: MoodEffects, override: MoodEffects): MoodEffects {
  return mergeNested(base as Nested, override as Nested) as MoodEffects;
}

function mergeNested(base: Nested, override: Nested): Nested {
  const merged: Nested = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] =
      typeof value === "object" && typeof current === "object" ? mergeNested(current, value) : value;
  }
  return merged;
}
