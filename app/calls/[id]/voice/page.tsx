import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { VoiceCallScreen } from "@/components/voice/voice-call-screen";
import { requireUser } from "@/lib/auth/session";
import { getCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getRecordingPolicyForOwner } from "@/lib/speech/recordings";

export const metadata: Metadata = { title: "音声で練習する" };

export default async function VoiceCallPage({ params }: { params: Promise<{ id: string }> }) {
  const rawId = (await params).id;
  const user = await requireUser(`/calls/${encodeURIComponent(rawId)}/voice`);
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const db = await getDb();
  const call = await getCallForUser(db, user, id.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  if (call.status === "ended") redirect(`/calls/${call.id}/review`);
  const recordingDays = await getRecordingPolicyForOwner(db, user, call.id);
  const env = getEnv();
  return (
    <VoiceCallScreen
      initial={call}
      serverStt={env.stt !== undefined}
      serverTts={env.tts !== undefined}
      recordingDays={recordingDays}
    />
  );
}
