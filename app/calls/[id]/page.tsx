import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { CallScreen } from "@/components/call/call-screen";
import { requireUser } from "@/lib/auth/session";
import { getCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "通話中" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const rawId = (await params).id;
  const user = await requireUser(`/calls/${encodeURIComponent(rawId)}`);
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const call = await getCallForUser(await getDb(), user, id.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  if (call.status === "ended") redirect(`/calls/${call.id}/review`);
  return <CallScreen initial={call} />;
}
