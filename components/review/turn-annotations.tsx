import type { ReactNode } from "react";
import { formatDateTime } from "@/components/labels-ja";
import type { StoredOverride, TurnComment } from "@/lib/review/annotations";
import { formatLabelValue, overrideLabelNames } from "./override-labels";

/**
 * A trainer's corrections and comments on one turn: the analyzer's value struck through beside the
 * trainer's value and reason, then the comments. Editing controls (trainers only) come in as children.
 */
export function TurnAnnotations({
  overrides,
  comments,
  automatic,
  renderRemove,
  children,
}: {
  overrides: readonly StoredOverride[];
  comments: readonly TurnComment[];
  /** The analyzer's own value of each label of this reply. */
  automatic: Record<string, unknown> | null;
  renderRemove?: (override: StoredOverride) => ReactNode;
  children?: ReactNode;
}) {
  if (overrides.length === 0 && comments.length === 0 && !children) return null;
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      {overrides.length > 0 && (
        <ul aria-label="トレーナーによる評価の修正" className="space-y-1 text-sm">
          {overrides.map((o) => (
            <li
              key={o.label}
              className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950"
              data-testid="label-override"
            >
              <span className="font-semibold">{overrideLabelNames[o.label]}：</span>
              {automatic && (
                <>
                  <span className="sr-only">自動評価</span>
                  <s className="text-slate-500">{formatLabelValue(o.label, automatic[o.label])}</s> →{" "}
                </>
              )}
              <span className="font-semibold">{formatLabelValue(o.label, o.value)}</span>
              <span className="ml-2 text-xs text-amber-800">（トレーナーが修正）</span>
              <p className="mt-0.5 text-xs text-amber-900">
                理由：{o.reason}
                {o.authorName && `（${o.authorName}）`}
              </p>
              {renderRemove?.(o)}
            </li>
          ))}
        </ul>
      )}
      {comments.length > 0 && (
        <ul aria-label="トレーナーのコメント" className="space-y-1 text-sm">
          {comments.map((c) => (
            <li
              key={c.id}
              className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2"
              data-testid="turn-comment"
            >
              <p className="text-xs font-semibold text-sky-800">
                {c.authorName}・{formatDateTime(c.createdAt)}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
