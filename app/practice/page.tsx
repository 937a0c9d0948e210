import type { Metadata } from "next";
import Link from "next/link";
import { MyAssignments } from "@/components/assignments/my-assignments";
import { difficultyLabels, formatDuration, personaKindLabels } from "@/components/labels-ja";
import { SubmitButton } from "@/components/submit-button";
import { alertErrorClass, buttonClass, cardClass, secondaryButtonClass } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { bestScoresForUser } from "@/lib/calls/history";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import { isOpenToTrainees } from "@/lib/contest/leaderboard";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { listAssignmentsForTrainee } from "@/lib/team/assignments";
import { startCallAction } from "./actions";

export const metadata: Metadata = { title: "練習する" };

const kindFilters = ["angry", "lonely", "inquiry", "contest", "custom"] as const;
const difficultyFilters = ["easy", "normal", "hard"] as const;

export default async function PracticePage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string; difficulty?: string; scenario?: string; notice?: string }>;
}) {
  const user = await requireUser("/practice");
  const filters = await searchParams;
  const llmEnabled = getEnv().llm !== undefined;
  const db = await getDb();
  const [entries, best, assignments, leaderboardOpen] = await Promise.all([
    listPlayableScenarios(db, user),
    bestScoresForUser(db, user.id),
    listAssignmentsForTrainee(db, user, new Date()),
    isOpenToTrainees(db, user.teamId),
  ]);
  const shown = entries.filter(
    (e) =>
      (!filters.kind || e.kind === filters.kind) &&
      (!filters.difficulty || e.difficulty === filters.difficulty) &&
      (!filters.scenario || e.scenarioId === filters.scenario),
  );
  const link = (change: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const next = { kind: filters.kind, difficulty: filters.difficulty, ...change };
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
    const query = params.toString();
    return query ? `/practice?${query}` : "/practice";
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">練習する</h1>
          <p className="text-sm text-slate-600">
            所属チーム: <span data-testid="team-name">{user.teamName ?? "未所属"}</span>
          </p>
        </div>
        <div className="flex gap-4">
          {leaderboardOpen && (
            <Link href="/contest" className="text-sm text-brand-700 underline">
              コンクールのランキング
            </Link>
          )}
          <Link href="/history" className="text-sm text-brand-700 underline">
            練習の記録を見る
          </Link>
        </div>
      </div>
      {filters.notice === "llm-limit" && (
        <p role="alert" className={alertErrorClass}>
          AI
          のお客様との練習は、利用回数の上限に達しました。しばらくしてからお試しいただくか、台本どおりの練習をご利用ください。
        </p>
      )}
      <MyAssignments assignments={assignments} startAction={startCallAction} />
      <nav aria-label="絞り込み" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <FilterGroup
          label="種類"
          options={kindFilters.map((k) => ({
            label: personaKindLabels[k] ?? k,
            href: link({ kind: k, scenario: undefined }),
            active: filters.kind === k,
          }))}
          allHref={link({ kind: undefined, scenario: undefined })}
          allActive={!filters.kind}
        />
        <FilterGroup
          label="難易度"
          options={difficultyFilters.map((d) => ({
            label: difficultyLabels[d] ?? d,
            href: link({ difficulty: d, scenario: undefined }),
            active: filters.difficulty === d,
          }))}
          allHref={link({ difficulty: undefined, scenario: undefined })}
          allActive={!filters.difficulty}
        />
      </nav>
      {shown.length === 0 ? (
        <p className={cardClass}>条件に合うシナリオがありません。</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="シナリオ一覧">
          {shown.map((entry) => (
            <li
              key={entry.scenarioId}
              className={`${cardClass} flex flex-col gap-3`}
              data-testid={`scenario-${entry.id}`}
            >
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-700">
                  {entry.contest ? "電話応対コンクール" : (personaKindLabels[entry.kind] ?? entry.kind)}
                </span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-600">
                  {difficultyLabels[entry.difficulty]}
                </span>
                {entry.timeLimitSec !== undefined && (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-600">
                    制限 {formatDuration(entry.timeLimitSec)}
                  </span>
                )}
                {llmEnabled && entry.mode === "llm" && (
                  <span className="rounded-full bg-violet-50 px-2 py-0.5 text-violet-700">AI のお客様</span>
                )}
                {!entry.builtIn && (
                  <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-700">チーム</span>
                )}
              </div>
              <h2 className="text-lg font-semibold">{entry.title}</h2>
              <p className="flex-1 text-sm text-slate-600">{entry.description}</p>
              <div className="flex flex-wrap items-end justify-between gap-2">
                <span className="shrink-0 whitespace-nowrap text-sm text-slate-600">
                  自己ベスト:{" "}
                  <span className="font-semibold text-slate-900">
                    {best.has(entry.scenarioId) ? `${best.get(entry.scenarioId)}点` : "—"}
                  </span>
                </span>
                <div className="flex flex-wrap justify-end gap-2">
                  {llmEnabled && entry.mode === undefined && entry.kind !== "contest" && (
                    <form action={startCallAction}>
                      <input type="hidden" name="scenarioId" value={entry.scenarioId} />
                      <input type="hidden" name="mode" value="llm" />
                      <SubmitButton pendingText="接続中…" className={secondaryButtonClass}>
                        AI のお客様で出る
                      </SubmitButton>
                    </form>
                  )}
                  {entry.kind === "contest" ? (
                    <Link href={`/practice/contest/${entry.scenarioId}`} className={buttonClass}>
                      問題カードを読む
                    </Link>
                  ) : (
                    <>
                      {llmEnabled && entry.mode === undefined && (
                        <form action={startCallAction}>
                          <input type="hidden" name="scenarioId" value={entry.scenarioId} />
                          <input type="hidden" name="mode" value="llm" />
                          <input type="hidden" name="voice" value="1" />
                          <SubmitButton
                            pendingText="接続中…"
                            className={`${secondaryButtonClass} whitespace-nowrap`}
                          >
                            AI のお客様と音声で練習する
                          </SubmitButton>
                        </form>
                      )}
                      <form action={startCallAction}>
                        <input type="hidden" name="scenarioId" value={entry.scenarioId} />
                        <input type="hidden" name="voice" value="1" />
                        <SubmitButton pendingText="接続中…" className={secondaryButtonClass}>
                          音声で練習する
                        </SubmitButton>
                      </form>
                      <form action={startCallAction}>
                        <input type="hidden" name="scenarioId" value={entry.scenarioId} />
                        <SubmitButton pendingText="接続中…">電話に出る</SubmitButton>
                      </form>
                    </>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FilterGroup({
  label,
  options,
  allHref,
  allActive,
}: {
  label: string;
  options: { label: string; href: string; active: boolean }[];
  allHref: string;
  allActive: boolean;
}) {
  const item = (text: string, href: string, active: boolean) => (
    <Link
      key={href + text}
      href={href}
      aria-current={active ? "true" : undefined}
      className={`rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {text}
    </Link>
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-slate-500">{label}</span>
      {item("すべて", allHref, allActive)}
      {options.map((o) => item(o.label, o.href, o.active))}
    </div>
  );
}
