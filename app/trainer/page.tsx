import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/create-team-form";
import { InvitePanel } from "@/components/invite-panel";
import { roleLabels } from "@/components/role-labels";
import { cardClass, dangerButtonClass } from "@/components/ui";
import { listActiveInvites } from "@/lib/accounts/invites";
import { listTeamMembers } from "@/lib/accounts/teams";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createInviteAction, createTeamAction, revokeInviteAction } from "./actions";

export const metadata: Metadata = { title: "チーム" };

export default async function TrainerPage() {
  const user = await requireRole("trainer", "admin");
  if (!user.teamId) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">チームを作成</h1>
        <p className="text-slate-600">研修生を招待するには、まずチームを作成してください。</p>
        <div className={cardClass}>
          <CreateTeamForm action={createTeamAction} />
        </div>
      </div>
    );
  }
  const db = await getDb();
  const [members, invites] = await Promise.all([
    listTeamMembers(db, user.teamId),
    listActiveInvites(db, user.teamId, new Date()),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold" data-testid="team-heading">
        {user.teamName}
      </h1>
      <section aria-labelledby="members-heading" className={cardClass}>
        <h2 id="members-heading" className="font-semibold">
          メンバー（{members.length}人）
        </h2>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="member-list">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {m.name} <span className="text-sm text-slate-500">{m.email}</span>
              </span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                {roleLabels[m.role]}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-heading" className={`${cardClass} space-y-4`}>
        <div>
          <h2 id="invite-heading" className="font-semibold">
            研修生を招待
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            招待リンクは7日間有効です。期限内であれば複数の研修生が同じリンクから登録できます。
          </p>
        </div>
        <InvitePanel action={createInviteAction} />
        {invites.length > 0 && (
          <div>
            <h3 className="text-sm font-semibold text-slate-700">有効な招待リンク</h3>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    期限{" "}
                    {invite.expiresAt.toLocaleString("ja-JP", { dateStyle: "medium", timeStyle: "short" })} ・
                    登録 {invite.uses}人
                  </span>
                  <form action={revokeInviteAction}>
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <button type="submit" className={dangerButtonClass}>
                      無効にする
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
