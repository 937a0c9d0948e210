import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { ScenarioEditorPage } from "./pages/scenario-editor-page";
import { demo, SignInPage } from "./pages/sign-in-page";
import { ReviewPage, TeamDashboardPage } from "./pages/team-pages";

// What a new trainer hits in the first hour: the review after a correction, the dashboard at desktop
// and phone widths, the editor's problem list and badge, and the way back after signing in.

test.describe.configure({ mode: "serial" });

test("signing in from the sign-in page goes straight to the role's page in one answer", async ({ page }) => {
  // One action answer carries the redirect to the role's page: no "/" in between and a second redirect
  // (the router may stop reading the rest of that answer once it has navigated; the server logs nothing).
  const answers: string[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && new URL(response.url()).pathname === "/signin")
      answers.push(response.headers()["x-action-redirect"] ?? "(none)");
  });
  const signIn = new SignInPage(page);
  await signIn.signInAs(demo.trainee1);
  await expect(page).toHaveURL(/\/practice$/);
  await signIn.signOut();
  await signIn.signInAs(demo.trainer);
  await expect(page).toHaveURL(/\/trainer$/);
  expect(answers).toEqual(["/practice;push", "/trainer;push"]);
});

test("signed out, a trainer or admin page is kept through sign-in", async ({ page }) => {
  await page.goto("/trainer?period=7d");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer%3Fperiod%3D7d$/);
  await new SignInPage(page).signIn(demo.trainer.email);
  await expect(page).toHaveURL(/\/trainer\?period=7d$/);
  await expect(page.getByRole("link", { name: "7日" })).toHaveAttribute("aria-current", /.+/);
  await new SignInPage(page).signOut();

  await page.goto("/trainer/scenarios");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer%2Fscenarios$/);
  await new SignInPage(page).signIn(demo.admin.email);
  await expect(page).toHaveURL(/\/trainer\/scenarios$/);
  await new SignInPage(page).signOut();

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin$/);
  await new SignInPage(page).signIn(demo.admin.email);
  await expect(page).toHaveURL(/\/admin$/);
});

test("after a trainer's correction the review shows neither the chip nor the praise it overruled", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const trainee = await (await browser.newContext()).newPage();
  await new SignInPage(trainee).signInAs(demo.trainee2);
  const call = new CallPage(trainee);
  await call.startFromCatalog("angry-broken-bottle");
  await call.replyWhenCallerFinishes("さようでございますか。瓶が割れて届いたのですね。");
  await trainee.getByRole("button", { name: "通話を終了" }).click();
  await trainee.getByRole("button", { name: "終了する" }).click();
  await expect(trainee).toHaveURL(/\/review$/);
  const callId = call.callId;

  const trainer = await (await browser.newContext()).newPage();
  await new SignInPage(trainer).signInAs(demo.trainer);
  await trainer.goto(`/calls/${callId}/review`);
  const review = new ReviewPage(trainer);
  const seq = await review.firstAnnotatableSeq();
  const reply = trainer.getByTestId(`turn-${seq}`);
  const chips = reply.getByRole("list", { name: "この返答の評価" });
  // The analyzer heard a parroting and praised it.
  await expect(chips).toContainText("オウム返し");
  await expect(reply).toContainText("復唱できています");

  await review.override(seq, {
    label: "オウム返し",
    value: "なし",
    reason: "言葉を繰り返しただけで確認になっていない",
  });
  await expect(reply.getByTestId("label-override")).toContainText("あり");
  await expect(chips).not.toContainText("オウム返し");
  await expect(reply).not.toContainText("復唱できています");
  // The trainee's own review shows the same.
  await trainee.reload();
  await expect(trainee.getByTestId(`turn-${seq}`).getByTestId("label-override")).toBeVisible();
  await expect(trainee.getByTestId(`turn-${seq}`)).not.toContainText("復唱できています");
});

for (const width of [1280, 390]) {
  test(`the team dashboard at ${width} px: nothing wider than the page, the buttons in view`, async ({
    page,
  }) => {
    await new SignInPage(page).signInAs(demo.trainer);
    const dashboard = new TeamDashboardPage(page);
    await dashboard.goto();
    const note = `長めのメモ：相づちのあとに一呼吸おいて、お客様の言葉を繰り返してから確認しましょう ${width}`;
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await dashboard.assign({
      scenarioTitle: "応対コンクール：旅館への家族旅行の相談",
      traineeName: demo.trainee2.name,
      dueDate: due,
      note,
    });
    await page.setViewportSize({ width, height: 900 });
    await dashboard.goto();

    expect(await pageOverflow(page)).toEqual({ overflow: false });
    const assignment = page.getByTestId("team-assignments").getByRole("row").filter({ hasText: note });
    await expectInView(assignment.getByRole("button", { name: "取り消す" }));
    await expectInView(page.getByTestId("team-calls").getByRole("link", { name: "振り返りを開く" }).first());

    // One week of data is a single value per step, not five dots on top of each other.
    await expect(page.getByTestId("step-trend-single")).toBeVisible();
    await expect(page.getByTestId("step-trend-single").getByRole("listitem")).toHaveCount(5);
  });
}

test("the editor lists every problem of a file at once, and the badge follows a publish", async ({
  page,
}) => {
  await new SignInPage(page).signInAs(demo.trainer);
  const editor = new ScenarioEditorPage(page);
  await editor.createFromTemplate();
  const valid = await editor.savedYaml();
  await expect(page.getByTestId("scenario-status")).toContainText("下書き");

  const broken = valid.replace("age: 45", "age: 四十五").replace("- to: resolved", "- to: resolvd");
  expect(broken).not.toBe(valid);
  await editor.replaceYaml(broken);
  await expect(editor.issues).toHaveCount(2);
  await expect(editor.issues.nth(0)).toContainText("persona.age");
  await expect(editor.issues.nth(0)).toContainText("数値を入力してください");
  await expect(editor.issues.nth(1)).toContainText("nodes.calmer.transitions[0].to");
  await expect(editor.issues.nth(1)).toContainText('遷移先のノード "resolvd" がありません');
  await expect(editor.issues.nth(1)).toContainText(/\d+行 \d+列/);

  await editor.replaceYaml(valid);
  await expect(page.getByTestId("validation-ok")).toBeVisible();
  await page.getByRole("button", { name: "公開する" }).click();
  await expect(page.getByRole("status")).toContainText("v1 を公開しました");
  // Read at once, not retried: the notice and the badge must never disagree.
  expect(await page.getByTestId("scenario-status").textContent()).toContain("公開中 v1");
});

async function pageOverflow(page: Page): Promise<{ overflow: boolean; by?: number }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    return scrollWidth > clientWidth
      ? { overflow: true, by: scrollWidth - clientWidth }
      : { overflow: false };
  });
}

/** Visible, inside the viewport, and not scrolled out of its table's scroll container. */
async function expectInView(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const container = element.closest("section[aria-label]")?.getBoundingClientRect();
    return {
      inViewport: rect.left >= 0 && rect.right <= window.innerWidth,
      inContainer: !container || (rect.left >= container.left - 1 && rect.right <= container.right + 1),
    };
  });
  expect(box).toEqual({ inViewport: true, inContainer: true });
}
