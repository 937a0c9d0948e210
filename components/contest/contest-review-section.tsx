import Link from "next/link";
import { buttonClass, cardClass, secondaryButtonClass } from "@/components/ui";
import type { SessionUser } from "@/lib/accounts/users";
import type { CallView } from "@/lib/calls/call-view";
import { getContestResult } from "@/lib/contest/judging";
import type { DbExecutor } from "@/lib/db/executor";
import { PanelResult } from "./panel-result";

/** On an ended contest call's review: the judges' result, the judging sheet and the printable sheet. */
export async function ContestReviewSection({
  db,
  viewer,
  call,
  isOwner,
}: {
  db: DbExecutor;
  viewer: SessionUser;
  call: CallView;
  isOwner: boolean;
}) {
  const result = await getContestResult(db, viewer, call.id, call.scorecard?.contestPreScore);
  const judge = !isOwner && viewer.role !== "trainee";
  return (
    <section aria-labelledby="contest-result-heading" className={cardClass} data-testid="contest-result">
      <h2 id="contest-result-heading" className="text-lg font-semibold">
        審査員による審査
      </h2>
      {result.panel ? (
        <div className="mt-3">
          <PanelResult panel={result.panel} showSheets />
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600" data-testid="contest-result-pending">
          {result.judges === 0
            ? "まだ審査されていません。"
            : `${result.judges}名が審査済みです。${judge ? "ご自身の審査を送信すると結果が表示されます。" : ""}`}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        {judge && (
          <Link href={`/calls/${call.id}/judge`} className={buttonClass}>
            {result.viewerSubmitted ? "自分の審査を見直す" : "審査する"}
          </Link>
        )}
        <Link href={`/calls/${call.id}/sheet`} className={secondaryButtonClass}>
          印刷用の評価シート
        </Link>
      </div>
    </section>
  );
}
