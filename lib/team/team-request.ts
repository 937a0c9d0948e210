import "server-only";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { parseTeamFilter, periodStart, type TeamFilter } from "./filters";
import { requireTeamScope, type TeamScope } from "./team-scope";

/** A trainer API's team and filters from its URL (?team= for admins, ?scenario=, ?period=). */
export async function readTeamRequest(
  db: DbExecutor,
  user: SessionUser,
  request: Request,
  now: Date,
): Promise<{ scope: TeamScope; filter: TeamFilter; since: Date | null }> {
  const filter = parseTeamFilter(Object.fromEntries(new URL(request.url).searchParams));
  const scope = await requireTeamScope(db, user, filter.team);
  return { scope, filter, since: periodStart(filter.period, now) };
}
