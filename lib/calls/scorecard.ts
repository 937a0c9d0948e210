import { z } from "zod";

const score = z.number().min(0).max(100);

/** The end-of-call scorecard as stored in calls.scorecard and read back by the review pages. */
export const scorecardSchema = z.object({
  version: z.literal(1),
  overall: score,
  steps: z.object({
    backchannel: score,
    parroting: score,
    summarizing: score,
    question: score,
    notInterrupting: score,
  }),
  empathy: score,
  cushion: score,
  limitedApology: score,
  /** Plain-Japanese formula per score, shown to trainees. */
  explanations: z.record(z.string(), z.string()),
  counts: z.record(z.string(), z.number()),
  goals: z.array(z.object({ id: z.string(), label: z.string(), reached: z.boolean() })),
  contest: z.array(z.object({ category: z.string(), label: z.string(), score })).nullable(),
  moodTimeline: z.array(z.object({ seq: z.number(), mood: z.record(z.string(), z.number()) })),
  endReason: z.string().nullable(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const stepKeys = ["backchannel", "parroting", "summarizing", "question", "notInterrupting"] as const;
