import { z } from "zod";
import { apologyKinds, questionKinds, violationKinds } from "@/lib/rubric/labels";

// The single source of truth for scenarios/*.yaml. The JSON Schema in scenarios/schema.json, the checker
// and the caller engine all derive from it. Every object is strict so a typo in a key is an error
// instead of a silently ignored setting.

export const personaKinds = ["angry", "lonely", "inquiry", "contest", "custom"] as const;
export type PersonaKind = (typeof personaKinds)[number];

export const difficulties = ["easy", "normal", "hard"] as const;

/** Everything detectIntents can recognise in a trainee reply (endedByTrainee comes from the UI). */
export const intentKinds = [
  "askedFact",
  "apologized",
  "offeredRemedy",
  "offeredCallback",
  "triedToClose",
  "properClosing",
  "declinedPersonalQuestion",
  "supervisorInMeeting",
  "supervisorOut",
  "transferred",
  "readBack",
  "greeted",
  "endedByTrainee",
] as const;
export type IntentKind = (typeof intentKinds)[number];

export const endKinds = ["resolved", "hung_up"] as const;

/** The seven listening steps the contest categories and the scoring are built from. */
export const listeningSteps = [
  "backchannel",
  "parroting",
  "summarizing",
  "question",
  "notInterrupting",
  "empathy",
  "cushion",
] as const;
export type ListeningStep = (typeof listeningSteps)[number];

export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "ids start with a letter and use only letters, digits, _ and -");

const linesSchema = z
  .array(z.string().trim().min(1))
  .min(1)
  .describe("Variants of one caller line; the engine picks one so that replays differ.");

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

const rangeSchema = z
  .strictObject({ gte: z.number().optional(), lte: z.number().optional() })
  .describe("Inclusive bounds; both optional.")
  .meta({ id: "Range" });

const signalsMatchSchema = z
  .strictObject({
    backchannel: z.boolean(),
    parroting: z.boolean(),
    summarizing: z.boolean(),
    empathy: z.boolean(),
    cushion: z.boolean(),
    interruption: z.boolean(),
    question: oneOrMany(z.enum(questionKinds)),
    violation: oneOrMany(z.enum(violationKinds)),
    apology: oneOrMany(z.enum(apologyKinds)),
  })
  .partial()
  .describe("Rubric result of the reply; every listed field must match (a list means any of).");

export const conditionSchema = z
  .strictObject({
    intent: oneOrMany(z.enum(intentKinds)).describe("Any of these intents was detected in the reply."),
    askedFact: oneOrMany(idSchema).describe("The reply asked for any of these persona facts."),
    said: oneOrMany(idSchema).describe("The reply contains a word of any of these scenario `phrases`."),
    signals: signalsMatchSchema,
    listening: z
      .enum(["good", "poor"])
      .describe(
        "good: acknowledged the caller without violation or interruption; poor: violated or interrupted.",
      ),
    mood: z.record(z.string(), rangeSchema).describe("Mood after this reply, per variable."),
    goals: z.array(idSchema).describe("All these goals are reached (this reply included)."),
    facts: z.array(idSchema).describe("All these facts have been revealed."),
    turnsInNode: rangeSchema.describe("Trainee replies spent in the current node, this one included."),
    turns: rangeSchema.describe("Trainee replies in the call, this one included."),
    transfers: rangeSchema.describe("Times the trainee passed the call on."),
    elapsedSec: rangeSchema,
  })
  .partial()
  .describe("All listed fields must hold. Leave it out to match always.")
  .meta({ id: "Condition" });
export type Condition = z.infer<typeof conditionSchema>;

const transitionSchema = z
  .strictObject({
    to: idSchema.describe("Target node id."),
    when: conditionSchema.optional(),
    note: z.string().optional().describe("Why this transition exists, for trainers."),
  })
  .meta({ id: "Transition" });
export type Transition = z.infer<typeof transitionSchema>;

const nodeSchema = z
  .strictObject({
    lines: linesSchema.describe("What the caller says on entering the node."),
    stayLines: linesSchema.optional().describe("What the caller says when a reply leaves them in this node."),
    modelReply: z
      .string()
      .min(1)
      .optional()
      .describe("A model operator reply in polite 敬語, shown as feedback."),
    hint: z.string().min(1).optional().describe("A live hint for the trainee, when hints are allowed."),
    transitions: z.array(transitionSchema).optional().describe("Checked in order; the first match wins."),
    end: z.enum(endKinds).optional().describe("Makes this an end node: the call ends after its line."),
  })
  .meta({ id: "Node" });
export type ScenarioNode = z.infer<typeof nodeSchema>;

const factSchema = z
  .strictObject({
    label: z.string().min(1),
    value: z.string().min(1).describe("The fact itself, e.g. an order number."),
    askedBy: z.array(z.string().min(1)).min(1).describe("Words in a question that ask for this fact."),
    answers: linesSchema.describe("What the caller says when asked."),
    readBackWords: z
      .array(z.string().min(1))
      .optional()
      .describe("Other spellings that count as reading this fact back, besides the value."),
    requires: conditionSchema.optional().describe("The caller only reveals the fact when this holds."),
    refuseLines: linesSchema.optional().describe("What the caller says when asked before `requires` holds."),
    confirmAnswers: linesSchema
      .optional()
      .describe("What the caller says to a closed (yes/no) question that fits: a confirmation, less detail."),
    openAskedBy: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Broader words (ご要望, 気になる点) that draw this fact out only in an open question, one unrevealed fact at a time.",
      ),
  })
  .meta({ id: "Fact" });
export type Fact = z.infer<typeof factSchema>;

const personaSchema = z.strictObject({
  name: z.string().min(1),
  age: z.number().int().min(0).max(120),
  speakingStyle: z.string().min(1).describe("How the caller talks; also the brief for an LLM voice."),
  speakingRate: z.number().min(2).max(15).describe("Characters per second (Japanese: 6-9; elderly slower)."),
  facts: z.record(idSchema, factSchema).default({}),
  interruptedLines: linesSchema.optional().describe("Reaction to being interrupted; defaults per kind."),
  timeoutLines: linesSchema.optional().describe("What the caller says when the time runs out."),
});

const deltaSchema = z
  .record(z.string(), z.number())
  .describe("Mood variable → change (e.g. anger: -5).")
  .meta({ id: "MoodDelta" });

export const moodEffectsSchema = z
  .strictObject({
    backchannel: deltaSchema,
    parroting: deltaSchema,
    summarizing: deltaSchema,
    empathy: deltaSchema,
    cushion: deltaSchema,
    interruption: deltaSchema,
    question: z.strictObject({ open: deltaSchema, closed: deltaSchema }).partial(),
    violation: z.partialRecord(z.enum(violationKinds).exclude(["none"]), deltaSchema),
    apology: z.partialRecord(z.enum(apologyKinds).exclude(["none"]), deltaSchema),
    intents: z.partialRecord(z.enum(intentKinds), deltaSchema),
    perTurn: deltaSchema.describe("Drift applied after every reply."),
  })
  .partial();
export type MoodEffects = z.infer<typeof moodEffectsSchema>;

const moodVariableSchema = z.strictObject({
  start: z.number().min(0).max(100),
  label: z.string().optional(),
});

const moodSchema = z
  .strictObject({
    variables: z.record(idSchema, moodVariableSchema).optional(),
    effects: moodEffectsSchema.optional(),
  })
  .describe("Merged key by key over the defaults of the persona kind.");

const goalSchema = z.strictObject({
  label: z.string().min(1),
  when: conditionSchema,
  description: z.string().optional(),
});

/** Default contest time limit: the 電話応対コンクール's three minutes. */
export const DEFAULT_CONTEST_TIME_LIMIT_SEC = 180;

const needSchema = factSchema
  .extend({ label: z.string().min(1).optional().describe("Defaults to the need's label in contest.needs.") })
  .meta({ id: "ContestNeed" });

const contestVariantSchema = z
  .strictObject({
    id: idSchema,
    label: z.string().min(1).describe("For trainers and judges: what this variant's caller needs."),
    needs: z
      .record(idSchema, needSchema)
      .describe(
        "One entry per need declared in contest.needs: what this caller hides and reveals when asked.",
      ),
    information: z
      .record(idSchema, z.strictObject({ words: z.array(z.string().min(1)).min(1) }))
      .optional()
      .describe("Words that count as giving an item of contest.information, for this variant."),
  })
  .meta({ id: "ContestVariant" });

const contestCategorySchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  goals: z.array(idSchema).default([]),
  steps: z.array(z.enum(listeningSteps)).default([]),
  includeEnding: z.boolean().default(false).describe("Counts a resolved ending as one more component."),
});

export const scenarioFileSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  description: z.string().min(1),
  kind: z.enum(personaKinds).describe("Persona kind; picks the default mood model."),
  difficulty: z.enum(difficulties),
  tags: z.array(z.string().min(1)).default([]),
  timeLimitSec: z.number().int().positive().optional(),
  maxTurns: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Turn budget; reaching it ends the call as time_out."),
  hintsAllowed: z.boolean().default(true),
  mode: z
    .enum(["scripted", "llm"])
    .optional()
    .describe(
      "Pins how the caller is voiced: scripted lines only, or an LLM re-voicing them (when an LLM is configured). Leave it out to let the trainee choose.",
    ),
  persona: personaSchema,
  mood: moodSchema.optional(),
  intentWords: z
    .partialRecord(z.enum(intentKinds), z.array(z.string().min(1)))
    .optional()
    .describe("Extra keywords per intent for this scenario (e.g. 休止 as a remedy)."),
  phrases: z
    .record(idSchema, z.array(z.string().min(1)).min(1))
    .optional()
    .describe("Scenario-specific things a reply can say (e.g. explained the steps), matched by `said`."),
  goals: z.record(idSchema, goalSchema).describe("What a good call must reach, in order of the call."),
  start: idSchema.describe("The opening node."),
  globalTransitions: z
    .array(transitionSchema)
    .optional()
    .describe(
      "Checked before the node's own transitions, from every node (e.g. hang up when anger is high).",
    ),
  nodes: z.record(idSchema, nodeSchema),
  contest: z
    .strictObject({
      problemCard: z
        .strictObject({
          situation: z.string().min(1).describe("The situation as the contestant reads it before the call."),
          readingSec: z.number().int().min(10).max(600).default(60).describe("Reading time in seconds."),
        })
        .optional(),
      needs: z
        .record(idSchema, z.strictObject({ label: z.string().min(1) }))
        .optional()
        .describe("The caller's hidden needs (each variant fills them in); conditions name them like facts."),
      information: z
        .record(
          idSchema,
          z.strictObject({ label: z.string().min(1), words: z.array(z.string().min(1)).default([]) }),
        )
        .optional()
        .describe("What the operator should tell the caller; `said` conditions name them like phrases."),
      variants: z
        .array(contestVariantSchema)
        .optional()
        .describe("Versions of the hidden needs; one is drawn per attempt (kind contest: at least 2)."),
      categories: z.array(contestCategorySchema).min(1).optional(),
    })
    .optional(),
});
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export interface MoodModel {
  variables: Record<string, { start: number; label?: string }>;
  effects: MoodEffects;
}

/** A checked scenario: the file with its mood model resolved against the defaults of its kind. */
export type Scenario = Omit<ScenarioFile, "mood"> & { mood: MoodModel };
