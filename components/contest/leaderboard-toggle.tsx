"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { alertErrorClass, secondaryButtonClass } from "@/components/ui";

/** A trainer opens the leaderboard to the team's trainees, or closes it again. */
export function LeaderboardToggle({ teamId, forTrainees }: { teamId: string; forTrainees: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const toggle = async () => {
    setSending(true);
    setError(null);
    const response = await fetch("/api/trainer/contest-leaderboard", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ forTrainees: !forTrainees, team: teamId }),
    }).catch(() => null);
    setSending(false);
    if (response?.ok) router.refresh();
    else setError("設定を変更できませんでした。もう一度お試しください。");
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="leaderboard-visibility">
        {forTrainees ? "研修生にも公開しています。" : "トレーナーと管理者だけが見られます。"}
      </p>
      <button type="button" className={secondaryButtonClass} onClick={() => void toggle()} disabled={sending}>
        {forTrainees ? "研修生への公開をやめる" : "研修生に公開する"}
      </button>
      {error && (
        <p role="alert" className={alertErrorClass}>
          {error}
        </p>
      )}
    </div>
  );
}
