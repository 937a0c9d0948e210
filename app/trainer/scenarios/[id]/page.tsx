import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ScenarioEditor } from "@/components/authoring/scenario-editor";
import { ScenarioStatusBadge } from "@/components/authoring/scenario-status";
import { formatDateTime } from "@/components/labels-ja";
import { requireRole } from "@/lib/auth/session";
import { getEditableScenario } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "シナリオの編集" };

const idSchema = z.uuid();

export default async function ScenarioEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(["trainer", "admin"], `/trainer/scenarios/${encodeURIComponent(id)}`);
  if (!user.teamId) redirect("/trainer/scenarios");
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  const scenario = await getEditableScenario(await getDb(), user, parsed.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const exportHref = `/api/trainer/scenarios/${scenario.id}/export`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <Link href="/trainer/scenarios" className="text-sm text-brand-700 underline">
            ← シナリオ一覧
          </Link>
          <h1 className="text-2xl font-bold" data-testid="editor-title">
            {scenario.title}
          </h1>
          <ScenarioStatusBadge {...scenario} />
        </div>
        <div className="space-y-1 text-right text-sm">
          <a href={exportHref} download className="text-brand-700 underline">
            保存済みの YAML を書き出す
          </a>
          {scenario.versions.length > 0 && (
            <details className="text-left">
              <summary className="cursor-pointer text-slate-600">
                公開履歴（{scenario.versions.length}件）
              </summary>
              <ul className="mt-1 space-y-1" data-testid="version-list">
                {scenario.versions.map((v) => (
                  <li key={v.version}>
                    v{v.version} ・ {formatDateTime(v.createdAt.toISOString())}
                    {v.publishedBy && ` ・ ${v.publishedBy}`}{" "}
                    <a
                      href={`${exportHref}?version=${v.version}`}
                      download
                      className="text-brand-700 underline"
                    >
                      書き出す
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
      <ScenarioEditor scenarioId={scenario.id} initialYaml={scenario.yaml} />
    </div>
  );
}
