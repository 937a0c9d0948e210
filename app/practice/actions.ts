"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { startCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

const startSchema = z.object({
  scenarioId: z.uuid(),
  mode: z.enum(["scripted", "llm"]).default("scripted"),
  // 音声で練習する: the same call, on the voice call screen.
  voice: z.literal("1").optional(),
});

/** Starts a call from the catalog and opens the call screen. */
export async function startCallAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = startSchema.safeParse({
    scenarioId: formData.get("scenarioId"),
    mode: formData.get("mode") ?? undefined,
    voice: formData.get("voice") ?? undefined,
  });
  if (!parsed.success) redirect("/practice");
  const { voice, ...input } = parsed.data;
  const call = await startCallForUser(await getDb(), user, {
    ...input,
    llm: getEnv().llm,
  }).catch((error: unknown) => {
    // Over the LLM budget: back to the catalog with the reason, where scripted play still works.
    if (isAppError(error) && error.code === "rate_limited") redirect("/practice?notice=llm-limit");
    throw error;
  });
  redirect(voice ? `/calls/${call.id}/voice` : `/calls/${call.id}`);
}
