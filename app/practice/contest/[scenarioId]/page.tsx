import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ProblemCard } from "@/components/contest/problem-card";
import { requireUser } from "@/lib/auth/session";
import { getContestCard } from "@/lib/contest/contest-card";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { startCallAction } from "../../actions";

export const metadata: Metadata = { title: "問題カード" };

export default async function ProblemCardPage({ params }: { params: Promise<{ scenarioId: string }> }) {
  const rawId = (await params).scenarioId;
  const user = await requireUser(`/practice/contest/${encodeURIComponent(rawId)}`);
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const card = await getContestCard(await getDb(), user, id.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/practice?kind=contest" className="text-sm text-brand-700 underline">
        練習するに戻る
      </Link>
      <ProblemCard card={card} startAction={startCallAction} />
    </div>
  );
}
