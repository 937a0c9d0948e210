import type { Metadata } from "next";
import { cardClass } from "@/components/ui";
import { listTeamsWithCounts } from "@/lib/accounts/teams";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "管理" };

export default async function AdminPage() {
  await requireRole("admin");
  const teams = await listTeamsWithCounts(await getDb());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">チーム管理</h1>
      <section className={cardClass} aria-labelledby="teams-heading">
        <h2 id="teams-heading" className="font-semibold">
          チーム一覧
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">チーム名</th>
              <th className="py-2 font-medium">メンバー数</th>
              <th className="py-2 font-medium">作成日</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {teams.map((t) => (
              <tr key={t.id}>
                <td className="py-2">{t.name}</td>
                <td className="py-2">{t.members}</td>
                <td className="py-2">{t.createdAt.toLocaleDateString("ja-JP")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
