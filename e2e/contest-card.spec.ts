import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";

// The problem card: the reading time counts down to the call, which a contestant may start earlier
// with 通話を開始する, or hold off by stopping the countdown (e2e/contest.spec.ts lets it run out).

test("the problem card's countdown can be stopped and resumed, and 通話を開始する starts the call", async ({
  page,
}) => {
  await new SignInPage(page).signInAs(demo.trainee1);
  await page.clock.install();
  await page.goto("/practice?kind=contest");
  await page
    .getByTestId("scenario-contest-clinic-appointment")
    .getByRole("link", { name: "問題カードを読む" })
    .click();
  await expect(page.getByTestId("problem-situation")).toContainText("ひかりクリニック");
  await expect(page.getByTestId("reading-timer")).toHaveText("1:00");
  await expect(page.getByTestId("reading-rule")).toContainText("自動で電話がつながります");
  // The clock is moved on once the page's own timer runs (after hydration), not before.
  await expect(page.getByTestId("reading-timer")).toHaveAttribute("data-ticking", "true");
  await page.clock.fastForward(10_000);
  // The page clock also runs on by itself (a busy machine may add a second): times are read, not assumed.
  const timer = page.getByTestId("reading-timer");
  await expect.poll(async () => secondsOf(await timer.textContent())).toBeLessThanOrEqual(50);
  expect(secondsOf(await timer.textContent())).toBeGreaterThanOrEqual(47);

  // Stopped: the reading time stays, and the call does not start by itself.
  await page.getByRole("button", { name: "カウントダウンを止める" }).click();
  await expect(page.getByTestId("reading-timer-label")).toHaveText("カウントダウン停止中");
  await expect(page.getByTestId("reading-rule")).toContainText("「通話を開始する」を押してください");
  const stopped = await timer.textContent();
  await page.clock.fastForward(120_000);
  await expect(timer).toHaveText(stopped ?? "");
  await expect(page).toHaveURL(/\/practice\/contest\/[0-9a-f-]{36}$/);

  // Resumed from where it stopped.
  await page.getByRole("button", { name: "カウントダウンを再開する" }).click();
  await expect(timer).toHaveAttribute("data-ticking", "true");
  await page.clock.fastForward(5_000);
  const resumedFrom = secondsOf(stopped);
  await expect.poll(async () => secondsOf(await timer.textContent())).toBeLessThanOrEqual(resumedFrom - 5);
  expect(secondsOf(await timer.textContent())).toBeGreaterThanOrEqual(resumedFrom - 7);

  await page.getByRole("button", { name: "通話を開始する" }).click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("call-timer")).toHaveText(/^[23]:[0-5]\d$/);
  const callId = /\/calls\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  const ended = await page.request.post(`/api/calls/${callId}/end`);
  expect(ended.status()).toBe(200);
});

function secondsOf(text: string | null): number {
  const [minutes, seconds] = (text ?? "").split(":").map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}
