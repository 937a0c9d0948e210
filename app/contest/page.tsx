import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { LeaderboardToggle } from "@/components/contest/leaderboard-toggle";
import { TeamPicker } from "@/components/contest/team-picker";
import { formatShortDate } from "@/components/labels-ja";
import { cardClass } from "@/components/ui";
import { listTeamsWithCounts } from "@/lib/accounts/teams";
import { requireUser } from "@/lib/auth/session";
import { contestCategoryIds, contestCategoryLabels } from "@/lib/contest/categories";
import { getContestLeaderboard } from "@/lib/contest/leaderboard";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "コンクールのランキング" };

const querySchema = z.object({ team: z.uuid().optional(), scenario: z.uuid().optional() });

export default async function ContestLeaderboardPage({
  searchParams,
}: {
  searchParams: Promise<{ team?: string; scenario?: string }>;
}) {
  const user = await requireUser("/contest");
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const db = await getDb();
  // Admins judge any team's contests: they choose the team here (no team of their own is needed).
  const adminTeams = user.role === "admin" ? await listTeamsWithCounts(db) : null;
  if (adminTeams && !query.data.team && !user.teamId) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">コンクールのランキング</h1>
        <p className="text-sm text-slate-600">ランキングと審査済みの挑戦を見るチームを選んでください。</p>
        <div className={cardClass}>
          {adminTeams.length === 0 ? (
            <p className="text-sm text-slate-600">チームがまだありません。</p>
          ) : (
            <TeamPicker teams={adminTeams} currentTeamId={null} />
          )}
        </div>
      </div>
    );
  }
  const view = await getContestLeaderboard(db, user, {
    teamId: query.data.team,
    scenarioId: query.data.scenario,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") forbidden();
    throw error;
  });
  const { team, board } = view;
  const href = (scenarioId: string) => {
    const params = new URLSearchParams({ scenario: scenarioId });
    if (user.role === "admin") params.set("team", team.teamId);
    return `/contest?${params.toString()}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">コンクールのランキング</h1>
          <p className="text-sm text-slate-600">{team.teamName}・審査員の最終得点（100点満点）</p>
        </div>
        {user.role !== "trainee" && <LeaderboardToggle teamId={team.teamId} forTrainees={view.forTrainees} />}
      </div>
      {adminTeams && <TeamPicker teams={adminTeams} currentTeamId={team.teamId} />}
      <nav aria-label="課題" className="flex flex-wrap gap-2">
        {view.scenarios.map((scenario) => (
          <Link
            key={scenario.scenarioId}
            href={href(scenario.scenarioId)}
            aria-current={scenario.scenarioId === view.scenarioId ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${scenario.scenarioId === view.scenarioId ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700"}`}
          >
            {scenario.title.replace(/^応対コンクール：/, "")}
          </Link>
        ))}
      </nav>
      <section className={cardClass} aria-labelledby="ranking-heading">
        <h2 id="ranking-heading" className="text-lg font-semibold">
          順位
        </h2>
        {board.rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600" data-testid="leaderboard-empty">
            この課題で審査済みの挑戦はまだありません。
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm" data-testid="leaderboard">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  <th className="py-1 pr-3 font-medium">順位</th>
                  <th className="py-1 pr-3 font-medium">氏名</th>
                  <th className="py-1 pr-3 font-medium">最高得点</th>
                  <th className="py-1 pr-3 font-medium">最新の得点</th>
                  <th className="py-1 pr-3 font-medium">審査済み</th>
                  <th className="py-1 pr-3 font-medium">評価シート</th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row, index) => (
                  <tr
                    key={row.userId}
                    className="border-b border-slate-100"
                    data-testid={`leaderboard-${row.userId}`}
                  >
                    <td className="py-1 pr-3 tabular-nums">{index + 1}</td>
                    <th className="py-1 pr-3 font-medium">{row.userName}</th>
                    <td className="py-1 pr-3 tabular-nums" data-testid="leaderboard-best">
                      {row.best.score.toFixed(1)}
                    </td>
                    <td className="py-1 pr-3 tabular-nums" data-testid="leaderboard-latest">
                      {row.latest.score.toFixed(1)}
                      <span className="ml-1 text-xs text-slate-500">
                        （{formatShortDate(row.latest.endedAt.toISOString())}）
                      </span>
                    </td>
                    <td className="py-1 pr-3 tabular-nums">{row.judgedAttempts}回</td>
                    <td className="py-1 pr-3">
                      <Link href={`/calls/${row.latest.callId}/sheet`} className="text-brand-700 underline">
                        最新のシート
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {board.teamProfile && (
        <section className={cardClass} aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="text-lg font-semibold">
            審査項目ごとの評価（最新の挑戦、5段階）
          </h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="category-profile">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  <th className="py-1 pr-3 font-medium">氏名</th>
                  {contestCategoryIds.map((id) => (
                    <th key={id} className="py-1 pr-3 font-medium">
                      {contestCategoryLabels[id]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row) => (
                  <tr key={row.userId} className="border-b border-slate-100">
                    <th className="py-1 pr-3 font-medium">{row.userName}</th>
                    {contestCategoryIds.map((id) => {
                      const mark = row.latest.categories[id];
                      const team = board.teamProfile?.[id] ?? mark;
                      const tone = mark > team ? "text-emerald-700" : mark < team ? "text-rose-700" : "";
                      return (
                        <td key={id} className={`py-1 pr-3 tabular-nums ${tone}`}>
                          {mark.toFixed(1)}
                          <span className="ml-1 text-xs">{mark > team ? "▲" : mark < team ? "▼" : ""}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr className="bg-slate-50">
                  <th className="py-1 pr-3 font-medium">チーム平均</th>
                  {contestCategoryIds.map((id) => (
                    <td key={id} className="py-1 pr-3 tabular-nums" data-testid={`team-profile-${id}`}>
                      {board.teamProfile?.[id].toFixed(1)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-slate-500">▲ チーム平均より上、▼ チーム平均より下。</p>
        </section>
      )}
    </div>
  );
}
