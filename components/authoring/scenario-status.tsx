import type { AuthoringStatus } from "@/lib/authoring/scenario-authoring";

/** 下書き / 公開中 vN / アーカイブ, with a note when the draft has unpublished changes. */
export function ScenarioStatusBadge({
  status,
  latestVersion,
  unpublishedChanges,
}: {
  status: AuthoringStatus;
  latestVersion: number | null;
  unpublishedChanges: boolean;
}) {
  const label =
    status === "archived" ? "アーカイブ" : status === "published" ? `公開中 v${latestVersion}` : "下書き";
  const tone =
    status === "published"
      ? "bg-emerald-50 text-emerald-700"
      : status === "archived"
        ? "bg-slate-100 text-slate-500"
        : "bg-amber-50 text-amber-700";
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="scenario-status">
      <span className={`rounded-full px-2 py-0.5 font-medium ${tone}`}>{label}</span>
      {unpublishedChanges && <span className="text-slate-500">未公開の変更あり</span>}
    </span>
  );
}
