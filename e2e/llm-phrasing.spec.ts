import {
  FAKE_JUDGE_BAD_PHRASING_TEXT,
  FAKE_JUDGE_PHRASING_TEXT,
  fakeTriggers,
} from "@/lib/llm/testing/fake-llm-server";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { demo, SignInPage } from "./pages/sign-in-page";

// The judge model (the local fake provider, KIKITE_LLM_JUDGE_MODEL=fake-judge) writes a better phrasing
// for replies carrying its triggers: a good one, shown with the 「AI」 badge, and a bad one (an invented
// refund and date) that the guard rejects, so the analyzer's own phrasing is shown instead.

test("the review shows the judge's accepted phrasing with an AI badge, and the offline one otherwise", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await new SignInPage(page).signInAs(demo.trainee1);
  const call = new CallPage(page);
  await call.startFromCatalog("angry-broken-bottle");
  await call.replyWhenCallerFinishes(`${fakeTriggers.judgePhrasing} そうですか。`);
  await call.replyWhenCallerFinishes(`${fakeTriggers.judgeBadPhrasing} そうですか。`);
  await page.getByRole("button", { name: "通話を終了" }).click();
  await page.getByRole("button", { name: "終了する" }).click();
  await expect(page).toHaveURL(/\/review$/);

  const turns = page.getByTestId("transcript").locator('[data-testid^="turn-"]');
  const accepted = turns.filter({ hasText: fakeTriggers.judgePhrasing });
  const rejected = turns.filter({ hasText: fakeTriggers.judgeBadPhrasing });
  // The judge answers after the reply is stored: reload until its phrasing has landed.
  await expect(async () => {
    await page.reload();
    await expect(accepted.getByTestId("judge-phrasing")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const phrasing = accepted.getByTestId("judge-phrasing");
  await expect(phrasing.getByTestId("ai-badge")).toHaveText("AI");
  await expect(phrasing).toContainText(FAKE_JUDGE_PHRASING_TEXT);
  await expect(accepted.getByTestId("better-phrasing")).toHaveCount(0);
  // The analyzer's own phrasing stays one click away.
  const offline = phrasing.getByTestId("offline-phrasing");
  await expect(offline).toBeHidden();
  await phrasing.getByText("AI を使わない言い方を見る").click();
  await expect(offline).toBeVisible();
  await expect(offline).not.toHaveText(FAKE_JUDGE_PHRASING_TEXT);
  await expect(offline).not.toBeEmpty();
  await accepted.screenshot({ path: "test-results/llm-phrasing-turn.png" });

  // The rejected phrasing never shows: the analyzer's phrasing, without the badge.
  await expect(rejected.getByTestId("better-phrasing")).toBeVisible();
  await expect(rejected.getByTestId("ai-badge")).toHaveCount(0);
  await expect(page.getByText(FAKE_JUDGE_BAD_PHRASING_TEXT)).toHaveCount(0);

  // Stored with the turn: a reload shows the same.
  await page.reload();
  await expect(accepted.getByTestId("judge-phrasing")).toContainText(FAKE_JUDGE_PHRASING_TEXT);
  await expect(rejected.getByTestId("ai-badge")).toHaveCount(0);
});
