import { z } from "zod";

// Dashboard and CSV filters, read from URL search params.
export const periods = ["7d", "30d", "90d", "all"] as const;
export type Period = (typeof periods)[number];

const periodDays: Record<Exclude<Period, "all">, number> = { "7d": 7, "30d": 30, "90d": 90 };

export const teamFilterSchema = z.object({
  team: z.uuid().optional().catch(undefined),
  scenario: z.uuid().optional().catch(undefined),
  period: z.enum(periods).catch("30d").default("30d"),
});
export type TeamFilter = z.infer<typeof teamFilterSchema>;

/** The filter from search params: unknown or malformed values fall back to their defaults. */
export function parseTeamFilter(params: Record<string, string | string[] | undefined>): TeamFilter {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value) || undefined;
  return teamFilterSchema.parse({
    team: first(params.team),
    scenario: first(params.scenario),
    period: first(params.period),
  });
}

/** The start of the period, or null for all time. Pure. */
export function periodStart(period: Period, now: Date): Date | null {
  if (period === "all") return null;
  return new Date(now.getTime() - periodDays[period] * 24 * 60 * 60 * 1000);
}
