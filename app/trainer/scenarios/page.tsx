import type { Metadata } from "next";
import Link from "next/link";
import {
  ArchiveScenarioButton,
  DuplicateScenarioButton,
  NewScenarioActions,
} from "@/components/authoring/scenario-list-actions";
import { ScenarioStatusBadge } from "@/components/authoring/scenario-status";
import { formatDateTime } from "@/components/labels-ja";
import { alertInfoClass, cardClass } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listAuthoringScenarios } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "シナリオ" };

export default async function TrainerScenariosPage() {
  const user = await requireRole(["trainer", "admin"], "/trainer/scenarios");
  if (!user.teamId) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">シナリオ</h1>
        <p className={alertInfoClass}>
          シナリオを作成・公開するには、先にチームを作成してください。
          <Link href="/trainer" className="ml-1 underline">
            チームを作成する
          </Link>
        </p>
      </div>
    );
  }
  const { team, builtIns } = await listAuthoringScenarios(await getDb(), user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">シナリオ</h1>
          <p className="text-sm text-slate-600">
            公開したシナリオは {user.teamName} の研修生の「練習する」に、標準シナリオと並んで表示されます。
          </p>
        </div>
        <NewScenarioActions />
      </div>

      <section aria-labelledby="team-scenarios-heading" className={cardClass}>
        <h2 id="team-scenarios-heading" className="font-semibold">
          チームのシナリオ（{team.length}件）
        </h2>
        {team.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">
            まだありません。「新規作成」か、下の標準シナリオの「複製して編集」から始めましょう。
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="team-scenario-list">
            {team.map((s) => (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="team-scenario"
              >
                <div className="space-y-1">
                  <Link href={`/trainer/scenarios/${s.id}`} className="font-medium text-brand-700 underline">
                    {s.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-2">
                    <ScenarioStatusBadge {...s} />
                    <span className="text-xs text-slate-500">
                      更新 {formatDateTime(s.updatedAt.toISOString())}
                    </span>
                  </div>
                </div>
                <ArchiveScenarioButton scenarioId={s.id} archived={s.status === "archived"} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="built-in-heading" className={cardClass}>
        <h2 id="built-in-heading" className="font-semibold">
          標準シナリオ
        </h2>
        <p className="mt-1 text-sm text-slate-600">複製すると、チームの下書きとして自由に編集できます。</p>
        <ul className="mt-3 divide-y divide-slate-100">
          {builtIns.map((b) => (
            <li
              key={b.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2"
              data-testid={`built-in-${b.builtInId}`}
            >
              <span>{b.title}</span>
              <DuplicateScenarioButton scenarioId={b.id} title={b.title} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
