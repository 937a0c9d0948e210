import type { Metadata } from "next";
import Link from "next/link";
import { AdminForm } from "@/components/admin/admin-forms";
import { InvitePanel } from "@/components/invite-panel";
import { ScrollTable, TableHead, tdClass } from "@/components/review/scroll-table";
import { roleLabels } from "@/components/role-labels";
import { cardClass, inputClass, labelClass } from "@/components/ui";
import { listUsersForAdmin } from "@/lib/accounts/admin";
import { listTeamsWithCounts } from "@/lib/accounts/teams";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import {
  createInviteAdminAction,
  createTeamAdminAction,
  renameTeamAction,
  updateUserAction,
} from "./actions";

export const metadata: Metadata = { title: "管理" };

const roles = ["trainee", "trainer", "admin"] as const;
// Fields inside table cells keep their own width instead of filling the cell.
const cellInputClass = `${inputClass.replace("block w-full", "inline-block")} text-sm`;

export default async function AdminPage() {
  await requireRole(["admin"], "/admin");
  const db = await getDb();
  const [teams, users] = await Promise.all([listTeamsWithCounts(db), listUsersForAdmin(db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">チーム管理</h1>

      <section className={`${cardClass} space-y-4`} aria-labelledby="teams-heading">
        <h2 id="teams-heading" className="font-semibold">
          チーム一覧
        </h2>
        <ScrollTable label="チーム一覧" testId="admin-teams">
          <TableHead columns={["チーム名", "メンバー数", "作成日", "ダッシュボード"]} />
          <tbody>
            {teams.map((t) => (
              <tr key={t.id} data-testid={`admin-team-${t.id}`}>
                <td className={tdClass}>
                  <AdminForm
                    action={renameTeamAction}
                    submitLabel="名前を変更"
                    className="flex flex-wrap items-center gap-2"
                  >
                    <input type="hidden" name="teamId" value={t.id} />
                    <label htmlFor={`team-name-${t.id}`} className="sr-only">
                      チーム名
                    </label>
                    <input
                      id={`team-name-${t.id}`}
                      name="name"
                      defaultValue={t.name}
                      required
                      maxLength={60}
                      className={`${cellInputClass} w-56`}
                    />
                  </AdminForm>
                </td>
                <td className={tdClass}>{t.members}</td>
                <td className={tdClass}>{t.createdAt.toLocaleDateString("ja-JP")}</td>
                <td className={tdClass}>
                  <Link href={`/trainer?team=${t.id}`} className="text-brand-700 underline">
                    {t.name}のダッシュボード
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <AdminForm action={createTeamAdminAction} submitLabel="チームを作成" testId="admin-create-team">
          <div>
            <label htmlFor="new-team-name" className={labelClass}>
              新しいチーム
            </label>
            <input
              id="new-team-name"
              name="name"
              required
              maxLength={60}
              className={inputClass}
              placeholder="例: 大阪センター 2期生"
            />
          </div>
        </AdminForm>
      </section>

      <section className={`${cardClass} space-y-4`} aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="font-semibold">
          招待リンク
        </h2>
        <InvitePanel
          action={createInviteAdminAction}
          fields={
            <>
              <div>
                <label htmlFor="invite-team" className={labelClass}>
                  チーム
                </label>
                <select id="invite-team" name="teamId" className={inputClass}>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="invite-role" className={labelClass}>
                  役割
                </label>
                <select id="invite-role" name="role" className={inputClass}>
                  <option value="trainee">研修生</option>
                  <option value="trainer">トレーナー</option>
                </select>
              </div>
            </>
          }
        />
      </section>

      <section className={`${cardClass} space-y-4`} aria-labelledby="users-heading">
        <h2 id="users-heading" className="font-semibold">
          ユーザー（{users.length}人）
        </h2>
        <p className="text-sm text-slate-600">
          所属チームと役割を変更できます。変更は次の操作からすぐに反映されます。
        </p>
        <ScrollTable label="ユーザー" testId="admin-users">
          <TableHead columns={["名前", "メールアドレス", "所属チーム・役割"]} />
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`admin-user-${u.email}`}>
                <td className={tdClass}>{u.name}</td>
                <td className={tdClass}>{u.email}</td>
                <td className={tdClass}>
                  <AdminForm
                    action={updateUserAction}
                    submitLabel="変更"
                    className="flex flex-wrap items-center gap-2"
                  >
                    <input type="hidden" name="userId" value={u.id} />
                    <label htmlFor={`user-team-${u.id}`} className="sr-only">
                      {u.name}の所属チーム
                    </label>
                    <select
                      id={`user-team-${u.id}`}
                      name="teamId"
                      defaultValue={u.teamId ?? ""}
                      className={`${cellInputClass} w-48`}
                    >
                      <option value="">（未所属）</option>
                      {teams.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`user-role-${u.id}`} className="sr-only">
                      {u.name}の役割
                    </label>
                    <select
                      id={`user-role-${u.id}`}
                      name="role"
                      defaultValue={u.role}
                      className={`${cellInputClass} w-36`}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r]}
                        </option>
                      ))}
                    </select>
                  </AdminForm>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </div>
  );
}
