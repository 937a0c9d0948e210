"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readError } from "@/components/call/call-updates";
import { alertErrorClass, dangerButtonClass } from "@/components/ui";

export interface RecordedReply {
  seq: number;
  text: string;
}

/** The trainee's kept voice, reply by reply; the team's trainers may delete the call's recordings. */
export function RecordingsPanel({
  callId,
  replies,
  canDelete,
}: {
  callId: string;
  replies: RecordedReply[];
  canDelete: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    const response = await fetch(`/api/calls/${callId}/recordings`, { method: "DELETE" }).catch(() => null);
    setDeleting(false);
    setConfirming(false);
    if (response?.ok) {
      router.refresh();
      return;
    }
    const body: unknown = await response?.json().catch(() => undefined);
    setError(readError(body) ?? "録音を削除できませんでした。もう一度お試しください。");
  };

  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {replies.map((reply) => (
          <li key={reply.seq} className="space-y-1" data-testid="recording">
            <p className="text-sm text-slate-700">{reply.text}</p>
            {/* biome-ignore lint/a11y/useMediaCaption: the words of the recording are the transcript printed just above it */}
            <audio
              controls
              preload="metadata"
              src={`/api/calls/${callId}/recordings/${reply.seq}`}
              className="w-full"
              aria-label={`返答の録音：${reply.text}`}
            />
          </li>
        ))}
      </ol>
      {canDelete &&
        (confirming ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-rose-700">この通話の録音をすべて削除します。元に戻せません。</span>
            <button
              type="button"
              className={dangerButtonClass}
              onClick={() => void remove()}
              disabled={deleting}
            >
              削除する
            </button>
            <button type="button" className="text-sm underline" onClick={() => setConfirming(false)}>
              やめる
            </button>
          </div>
        ) : (
          <button type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
            この通話の録音を削除する
          </button>
        ))}
      {error && (
        <p role="alert" className={alertErrorClass}>
          {error}
        </p>
      )}
    </div>
  );
}
