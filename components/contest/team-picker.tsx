import { labelClass, secondaryButtonClass } from "@/components/ui";

/** The admin's choice of team on the contest pages: a plain GET form, so it works before any script. */
export function TeamPicker({
  teams,
  currentTeamId,
}: {
  teams: { id: string; name: string; members: number }[];
  currentTeamId: string | null;
}) {
  return (
    <form method="get" action="/contest" className="flex flex-wrap items-end gap-2" data-testid="team-picker">
      <div className="min-w-0 max-w-full flex-1 sm:max-w-md">
        <label htmlFor="contest-team" className={labelClass}>
          表示するチーム
        </label>
        <select
          id="contest-team"
          name="team"
          defaultValue={currentTeamId ?? ""}
          required
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
        >
          {currentTeamId === null && (
            <option value="" disabled>
              チームを選んでください
            </option>
          )}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}（{team.members}人）
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={secondaryButtonClass}>
        表示する
      </button>
    </form>
  );
}
