import { z } from "zod";

export const endReasons = ["resolved", "hung_up", "time_out", "ended_by_trainee"] as const;
export type EndReason = (typeof endReasons)[number];

/**
 * Everything needed to resume a call after a restart. Stored as jsonb after every turn, so it is
 * plain data and validated on the way back in.
 */
export const callStateSchema = z.strictObject({
  version: z.literal(1),
  scenarioId: z.string().min(1),
  nodeId: z.string().min(1),
  mood: z.record(z.string(), z.number().min(0).max(100)),
  goalsReached: z.array(z.string()),
  factsRevealed: z.array(z.string()),
  turn: z.number().int().min(0),
  turnsInNode: z.number().int().min(0),
  elapsedMs: z.number().min(0),
  transfers: z.number().int().min(0),
  seed: z.number().int(),
  rng: z.number().int().min(0).max(0xffffffff).describe("mulberry32 state"),
  /** Last variant index used per line list, so the caller does not repeat the same words twice in a row. */
  lastVariant: z.record(z.string(), z.number().int().min(0)),
  /** Fingerprints of the lines already said, so a line is not said twice word for word (older states: none). */
  said: z.array(z.string().max(16)).max(400).default([]),
  ended: z.strictObject({ reason: z.enum(endReasons) }).nullable(),
  /** Contest scenarios: the variant of the caller's hidden needs drawn for this call. */
  variant: z.string().min(1).max(100).optional(),
});
export type CallState = z.infer<typeof callStateSchema>;

/** One thing the caller says; `kind` tells the UI why (a reaction to being cut off, a revealed fact). */
export interface CallerLine {
  text: string;
  nodeId: string;
  kind: "line" | "interrupted" | "fact";
}
