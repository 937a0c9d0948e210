import "server-only";
import type { SessionUser } from "@/lib/accounts/users";
import { getPlayableVersion, getScenarioVersion } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import { AppError } from "@/lib/errors";
import { DEFAULT_CONTEST_TIME_LIMIT_SEC } from "@/lib/scenario/schema";

/** What a contestant reads before the call: never the hidden needs or the script. */
export interface ContestCard {
  scenarioId: string;
  title: string;
  situation: string;
  readingSec: number;
  timeLimitSec: number;
}

/** The problem card of a contest scenario the user may play; anything else is "not found". */
export async function getContestCard(
  db: DbExecutor,
  user: SessionUser,
  scenarioId: string,
): Promise<ContestCard> {
  const { scenario } = await getScenarioVersion(db, await getPlayableVersion(db, user, scenarioId));
  const card = scenario.kind === "contest" ? scenario.contest?.problemCard : undefined;
  if (!card) throw new AppError("not_found", "コンクールの課題が見つかりません。");
  return {
    scenarioId,
    title: scenario.title,
    situation: card.situation,
    readingSec: card.readingSec,
    timeLimitSec: scenario.timeLimitSec ?? DEFAULT_CONTEST_TIME_LIMIT_SEC,
  };
}
