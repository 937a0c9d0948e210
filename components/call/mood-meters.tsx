const barColor: Record<string, string> = {
  anger: "bg-rose-500",
  trust: "bg-emerald-500",
  loneliness: "bg-indigo-400",
  attachment: "bg-amber-500",
};

export function MoodMeters({
  variables,
  mood,
}: {
  variables: { id: string; label: string }[];
  mood: Record<string, number>;
}) {
  return (
    <ul className="space-y-2" aria-label="お客様の気持ち">
      {variables.map((v) => {
        const value = Math.round(mood[v.id] ?? 0);
        return (
          <li key={v.id}>
            <div className="flex justify-between text-xs text-slate-600">
              <span>{v.label}</span>
              <span data-testid={`mood-${v.id}`}>{value}</span>
            </div>
            <meter className="sr-only" min={0} max={100} value={value} aria-label={v.label} />
            <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
              <div
                className={`h-2 rounded-full transition-all duration-700 ${barColor[v.id] ?? "bg-brand-500"}`}
                style={{ width: `${value}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
