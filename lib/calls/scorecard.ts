import { z } from "zod";
import { contestCategoryIds } from "@/lib/contest/categories";

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
  /** Contest calls: the machine's estimate of the judging sheet, with its evidence. */
  contestPreScore: z
    .object({
      version: z.literal(1),
      variant: z.object({ id: z.string(), label: z.string() }).nullable(),
      categories: z.array(
        z.object({
          id: z.enum(contestCategoryIds),
          label: z.string(),
          score,
          mark: z.number().int().min(1).max(5),
          evidence: z.array(z.string()),
        }),
      ),
      needs: z.array(z.object({ id: z.string(), label: z.string(), drawnOut: z.boolean() })),
      information: z.array(
        z.object({ id: z.string(), label: z.string(), given: z.boolean(), seq: z.number().nullable() }),
      ),
      named: z.boolean(),
      readBack: z.array(z.string()),
      closing: z.boolean(),
      timeLimitSec: z.number(),
      timeUsedSec: z.number(),
      overtimeSec: z.number(),
      repliesAfterLimit: z.number(),
    })
    .optional(),
  moodTimeline: z.array(z.object({ seq: z.number(), mood: z.record(z.string(), z.number()) })),
  endReason: z.string().nullable(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const stepKeys = ["backchannel", "parroting", "summarizing", "question", "notInterrupting"] as const;
