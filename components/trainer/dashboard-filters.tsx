import Link from "next/link";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import type { Period, TeamFilter } from "@/lib/team/filters";

export const periodLabels: Record<Period, string> = {
  "7d": "7日",
  "30d": "30日",
  "90d": "90日",
  all: "すべて",
};

/** The dashboard's scenario and period filters (a plain GET form: the URL is the state) and CSV link. */
export function DashboardFilters({
  filter,
  scenarios,
  csvHref,
}: {
  filter: TeamFilter;
  scenarios: readonly { scenarioId: string; title: string }[];
  csvHref: string;
}) {
  const href = (period: Period) => {
    const params = new URLSearchParams();
    if (filter.team) params.set("team", filter.team);
    if (filter.scenario) params.set("scenario", filter.scenario);
    params.set("period", period);
    return `/trainer?${params}`;
  };
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <form method="get" action="/trainer" className="flex items-end gap-2">
          {filter.team && <input type="hidden" name="team" value={filter.team} />}
          <input type="hidden" name="period" value={filter.period} />
          <div>
            <label htmlFor="scenario-filter" className="mb-1 block text-sm text-slate-600">
              シナリオ
            </label>
            <select
              id="scenario-filter"
              name="scenario"
              defaultValue={filter.scenario ?? ""}
              className={`${inputClass} text-sm`}
            >
              <option value="">すべてのシナリオ</option>
              {scenarios.map((s) => (
                <option key={s.scenarioId} value={s.scenarioId}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButtonClass}>
            絞り込む
          </button>
        </form>
        <nav aria-label="期間" className="flex items-center gap-2 text-sm">
          <span className="text-slate-500">期間</span>
          {(Object.keys(periodLabels) as Period[]).map((period) => (
            <Link
              key={period}
              href={href(period)}
              aria-current={filter.period === period ? "true" : undefined}
              className={`rounded-full border px-3 py-1 ${filter.period === period ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {periodLabels[period]}
            </Link>
          ))}
        </nav>
      </div>
      <a href={csvHref} className={buttonClass} download data-testid="download-csv">
        CSVをダウンロード
      </a>
    </div>
  );
}
