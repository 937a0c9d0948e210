import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/accept-invite-form";
import { cardClass } from "@/components/ui";
import { getInviteStatus } from "@/lib/accounts/invites";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/passwords";
import { getDb } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "チームへの招待" };

const invalidMessages = {
  unknown: "この招待リンクは無効です。URL をもう一度ご確認ください。",
  expired: "この招待リンクは有効期限が切れています。トレーナーに新しいリンクを依頼してください。",
  revoked: "この招待リンクは無効にされています。トレーナーにお問い合わせください。",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const result = await getInviteStatus(db, token, new Date());
  if (result.status !== "valid") {
    return (
      <div className={`${cardClass} mx-auto max-w-md text-center`}>
        <h1 className="text-xl font-bold">招待リンクを利用できません</h1>
        <p className="mt-2 text-slate-600" role="alert">
          {invalidMessages[result.status]}
        </p>
      </div>
    );
  }
  const [team] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(eq(teams.id, result.invite.teamId))
    .limit(1);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div className="text-center">
        <h1 className="text-2xl font-bold">「{team?.name}」に参加</h1>
        <p className="mt-1 text-sm text-slate-600">アカウントを作成すると、すぐに練習を始められます。</p>
      </div>
      <div className={cardClass}>
        <AcceptInviteForm
          action={acceptInviteAction.bind(null, token)}
          minPasswordLength={PASSWORD_MIN_LENGTH}
        />
      </div>
    </div>
  );
}
