import type { Chip, ChipTone } from "./reply-marks";

const chipClass: Record<ChipTone, string> = {
  good: "border-emerald-200 bg-emerald-50 text-emerald-800",
  warn: "border-amber-200 bg-amber-50 text-amber-800",
  bad: "border-rose-200 bg-rose-50 text-rose-800",
};
const chipIcon: Record<ChipTone, string> = { good: "✓", warn: "!", bad: "✗" };

/** The labels a reply hit and the problems it had, as small coloured chips. */
export function LabelChips({ chips, label }: { chips: readonly Chip[]; label: string }) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {chips.map((chip) => (
        <li
          key={chip.key}
          className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${chipClass[chip.tone]}`}
        >
          <span aria-hidden="true">{chipIcon[chip.tone]}</span>
          <span className="sr-only">{chip.tone === "good" ? "できた点：" : "課題："}</span>
          {chip.label}
        </li>
      ))}
    </ul>
  );
}
