"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { startCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";

const startSchema = z.object({ scenarioId: z.uuid() });

/** Starts a call from the catalog and opens the call screen. */
export async function startCallAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = startSchema.safeParse({ scenarioId: formData.get("scenarioId") });
  if (!parsed.success) redirect("/practice");
  const call = await startCallForUser(await getDb(), user, {
    scenarioId: parsed.data.scenarioId,
    mode: "scripted",
  });
  redirect(`/calls/${call.id}`);
}
