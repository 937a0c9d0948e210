import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateTeamForm } from "@/components/create-team-form";
import { InvitePanel } from "@/components/invite-panel";
import { StepTrendChart } from "@/components/review/step-trend-chart";
import { AssignmentForm } from "@/components/trainer/assignment-form";
import { AssignmentList } from "@/components/trainer/assignment-list";
import { AudioRetentionSettings } from "@/components/trainer/audio-retention-settings";
import { DashboardFilters, periodLabels } from "@/components/trainer/dashboard-filters";
import { MemberTable } from "@/components/trainer/member-table";
import { TeamCallsTable } from "@/components/trainer/team-calls-table";
import { toWeeklyTrendPoints } from "@/components/trainer/weekly-trend-points";
import { cardClass, dangerButtonClass } from "@/components/ui";
import { listActiveInvites } from "@/lib/accounts/invites";
import { listTeamMembers, listTeamsWithCounts } from "@/lib/accounts/teams";
import type { SessionUser } from "@/lib/accounts/users";
import { pathWithQuery } from "@/lib/auth/return-to";
import { requireRole } from "@/lib/auth/session";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getAudioRetention, purgeExpiredRecordings } from "@/lib/speech/recordings";
import { listTeamAssignments } from "@/lib/team/assignments";
import { parseTeamFilter, periodStart, type TeamFilter } from "@/lib/team/filters";
import { summarizeMembers, weeklyStepTrend } from "@/lib/team/summarize";
import { listTeamAttempts } from "@/lib/team/team-attempts";
import { resolveTeamScope, type TeamScope } from "@/lib/team/team-scope";
import {
  createAssignmentAction,
  createInviteAction,
  createTeamAction,
  deleteAssignmentAction,
  revokeInviteAction,
} from "./actions";

export const metadata: Metadata = { title: "チーム" };

const RECENT_CALLS = 20;

export default async function TrainerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const user = await requireRole(["trainer", "admin"], pathWithQuery("/trainer", query));
  const filter = parseTeamFilter(query);
  const db = await getDb();
  const scope = await loadScope(user, filter);
  if (!scope) return user.role === "admin" ? <TeamChooser /> : <CreateTeam />;

  const now = new Date();
  const since = periodStart(filter.period, now);
  const ownTeam = scope.teamId === user.teamId;
  // Recordings past their team's period go now (reads never serve them; this frees the space).
  await purgeExpiredRecordings(db, now);
  const [members, invites, attempts, assignments, scenarios, retentionDays] = await Promise.all([
    listTeamMembers(db, scope.teamId),
    ownTeam ? listActiveInvites(db, scope.teamId, now) : Promise.resolve([]),
    listTeamAttempts(db, scope.teamId, { scenarioId: filter.scenario, since }),
    listTeamAssignments(db, scope.teamId, now),
    listPlayableScenarios(db, { ...user, teamId: scope.teamId }),
    getAudioRetention(db, scope.teamId),
  ]);
  const summaries = summarizeMembers(
    members.map((m) => m.id),
    attempts,
  );
  const trend = toWeeklyTrendPoints(weeklyStepTrend(attempts));
  const trainees = members.filter((m) => m.role === "trainee");
  const csvParams = new URLSearchParams({ period: filter.period });
  if (filter.scenario) csvParams.set("scenario", filter.scenario);
  if (user.role === "admin") csvParams.set("team", scope.teamId);
  const scenarioOptions = scenarios.map((s) => ({ scenarioId: s.scenarioId, title: s.title }));
  const defaultDue = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000 + 9 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  // Today in Japan: the earliest due date the form offers (the server refuses earlier ones too).
  const minDue = new Date(now.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold" data-testid="team-heading">
          {scope.teamName}
        </h1>
        {user.role === "admin" && (
          <Link href="/admin" className="text-sm text-brand-700 underline">
            チーム管理へ戻る
          </Link>
        )}
      </div>

      <section aria-labelledby="dashboard-heading" className={`${cardClass} space-y-4`}>
        <h2 id="dashboard-heading" className="font-semibold">
          チームの練習状況（{periodLabels[filter.period]}）
        </h2>
        <DashboardFilters
          filter={filter}
          scenarios={scenarioOptions}
          csvHref={`/api/trainer/results.csv?${csvParams}`}
        />
        {trend.length > 0 ? (
          <StepTrendChart points={trend} caption="ステップごとのチーム平均（週ごと）" xAxis="date" />
        ) : (
          <p className="text-sm text-slate-600">この期間に採点された練習はまだありません。</p>
        )}
      </section>

      <section aria-labelledby="members-heading" className={`${cardClass} space-y-3`}>
        <h2 id="members-heading" className="font-semibold">
          メンバー（{members.length}人）
        </h2>
        <p className="text-sm text-slate-600">
          練習回数・平均点・苦手なステップは、上で選んだシナリオと期間の練習から計算しています。
        </p>
        <MemberTable members={members} summaries={summaries} />
      </section>

      <section aria-labelledby="assignments-heading" className={`${cardClass} space-y-4`}>
        <div>
          <h2 id="assignments-heading" className="font-semibold">
            課題
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            研修生のホーム画面に表示されます。課題を出した後にそのシナリオの通話を最後まで終えると「完了」になります。
          </p>
        </div>
        <AssignmentForm
          action={createAssignmentAction.bind(null, scope.teamId)}
          scenarios={scenarioOptions}
          trainees={trainees}
          defaultDue={defaultDue}
          minDue={minDue}
        />
        <AssignmentList
          assignments={assignments}
          deleteAction={deleteAssignmentAction.bind(null, scope.teamId)}
        />
      </section>

      <section aria-labelledby="calls-heading" className={`${cardClass} space-y-3`}>
        <h2 id="calls-heading" className="font-semibold">
          最近の通話
        </h2>
        <TeamCallsTable attempts={attempts.slice(0, RECENT_CALLS)} />
      </section>

      <section aria-labelledby="recording-heading" className={`${cardClass} space-y-3`}>
        <div>
          <h2 id="recording-heading" className="font-semibold">
            音声練習の録音
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            オンにすると、音声で練習した研修生の声を返答ごとに保存し、振り返り画面で本人とトレーナーが聞き返せます。オフのあいだは音声を一切保存しません。録音中は研修生の通話画面にその旨が表示され、保存期間を過ぎた録音は自動的に削除されます。
          </p>
        </div>
        <AudioRetentionSettings teamId={scope.teamId} days={retentionDays} />
      </section>

      {ownTeam && (
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
                      {invite.expiresAt.toLocaleString("ja-JP", { dateStyle: "medium", timeStyle: "short" })}{" "}
                      ・ 登録 {invite.uses}人
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
      )}
    </div>
  );
}

// A team the viewer may not see (another trainer's, or an unknown id) is a 404.
async function loadScope(user: SessionUser, filter: TeamFilter): Promise<TeamScope | null> {
  try {
    return await resolveTeamScope(await getDb(), user, filter.team);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

function CreateTeam() {
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

async function TeamChooser() {
  const teams = await listTeamsWithCounts(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">チームを選ぶ</h1>
      <ul className={`${cardClass} divide-y divide-slate-100`}>
        {teams.map((team) => (
          <li key={team.id} className="py-2">
            <Link href={`/trainer?team=${team.id}`} className="text-brand-700 underline">
              {team.name}
            </Link>
            <span className="ml-2 text-sm text-slate-500">{team.members}人</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
