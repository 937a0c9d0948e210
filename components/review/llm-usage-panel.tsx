import { cardClass } from "@/components/ui";
import type { CallUsage } from "@/lib/llm/llm-usage";

/** For trainers and admins: what the call's LLM requests cost (estimated from the configured prices). */
export function LlmUsagePanel({ usage, fallback }: { usage: CallUsage; fallback: boolean }) {
  return (
    <section aria-labelledby="llm-usage-heading" className={cardClass} data-testid="llm-usage">
      <h2 id="llm-usage-heading" className="text-lg font-semibold">
        AI の利用状況（トレーナー向け）
      </h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Item label="リクエスト" value={`${usage.requests}回（失敗 ${usage.failed}回）`} />
        <Item label="入力トークン" value={usage.promptTokens.toLocaleString("ja-JP")} />
        <Item label="出力トークン" value={usage.completionTokens.toLocaleString("ja-JP")} />
        <Item label="推定コスト" value={formatUsd(usage.costMicroUsd)} testId="llm-cost" />
      </dl>
      {fallback && (
        <p className="mt-2 text-sm text-amber-800">
          この通話は AI の応答が途切れたため、途中から台本どおりのお客様で続けました。
        </p>
      )}
    </section>
  );
}

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function formatUsd(microUsd: number): string {
  return `$${(microUsd / 1_000_000).toFixed(4)}`;
}
