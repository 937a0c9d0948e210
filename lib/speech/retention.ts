import { z } from "zod";

// Raw audio retention per team: off unless a trainer turns it on, then for a number of days. Pure: the
// trainer's form, the route and the store share these rules.

export const MIN_RETENTION_DAYS = 1;
/** Long enough for a monthly review cycle; raw voice is personal data, so not longer. */
export const MAX_RETENTION_DAYS = 90;
/** A recording is accepted only this soon after its reply was stored (the browser sends it right after). */
export const RECORDING_UPLOAD_WINDOW_MS = 10 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export const retentionDaysSchema = z
  .number({ error: "保存期間を日数で入力してください。" })
  .int("保存期間は整数の日数で入力してください。")
  .min(MIN_RETENTION_DAYS, `保存期間は${MIN_RETENTION_DAYS}日以上にしてください。`)
  .max(MAX_RETENTION_DAYS, `保存期間は${MAX_RETENTION_DAYS}日以内にしてください。`);

/** { days: null } turns retention off; team names the team (admins). */
export const audioRetentionRequestSchema = z.object({
  days: retentionDaysSchema.nullable(),
  team: z.uuid().optional(),
});
export type AudioRetentionRequest = z.infer<typeof audioRetentionRequestSchema>;

/** When a recording made at `now` under a retention of `days` must be gone. */
export function recordingExpiresAt(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Whether a reply stored at `storedAt` may still receive its recording at `now`. */
export function isWithinUploadWindow(storedAt: Date, now: Date): boolean {
  const age = now.getTime() - storedAt.getTime();
  return age >= -60_000 && age <= RECORDING_UPLOAD_WINDOW_MS;
}
