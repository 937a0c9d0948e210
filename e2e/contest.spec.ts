import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { demo, SignInPage } from "./pages/sign-in-page";
import { signUpThroughInvite } from "./pages/team-pages";

// A contest team of its own (so the demo team's leaderboard setting never changes under other specs):
// the admin creates it and invites two trainers and a trainee. The demo trainer is the other team.

const categories = ["firstImpression", "basicSkills", "communication", "information", "closing", "overall"];

async function signedIn(browser: Browser, account: { email: string; name: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signInAs(account);
  return { context, page };
}

async function judge(page: Page, callId: string, mark: string, comment: string) {
  await page.goto(`/calls/${callId}/judge`);
  await expect(page.getByRole("heading", { name: "審査シート" })).toBeVisible();
  await expect(page.getByTestId("judge-panel")).toHaveCount(0);
  for (const id of categories) {
    await page.getByTestId(`judge-${id}`).getByText(mark, { exact: true }).click();
  }
  await page.getByTestId("judge-firstImpression").getByPlaceholder("コメント（任意）").fill(comment);
  await page.getByRole("button", { name: "審査を送信する" }).click();
  await expect(page.getByTestId("judge-panel")).toBeVisible();
}

test("a trainee runs a contest, two trainers judge it, and the leaderboard and the printable sheet show it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const admin = await signedIn(browser, demo.admin);
  const teamName = `コンクール班 ${stamp}`;
  const created = await admin.page.request.post("/api/admin/teams", { data: { name: teamName } });
  expect(created.status()).toBe(201);
  const teamId = ((await created.json()) as { id: string }).id;
  const invite = async (role: "trainer" | "trainee") => {
    const response = await admin.page.request.post(`/api/admin/teams/${teamId}/invites`, { data: { role } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { link: string }).link;
  };
  const judgeA = await signUpThroughInvite(browser, await invite("trainer"), {
    name: "審査 一郎",
    email: `judge-a-${stamp}@example.com`,
  });
  const judgeB = await signUpThroughInvite(browser, await invite("trainer"), {
    name: "審査 花子",
    email: `judge-b-${stamp}@example.com`,
  });
  const contestant = await signUpThroughInvite(browser, await invite("trainee"), {
    name: "出場 太郎",
    email: `contestant-${stamp}@example.com`,
  });
  const page = contestant.page;

  // The problem card: reading time counts down, and when it runs out the phone rings by itself.
  await page.clock.install();
  await page.goto("/practice?kind=contest");
  await page
    .getByTestId("scenario-contest-gas-start")
    .getByRole("link", { name: "問題カードを読む" })
    .click();
  await expect(page.getByTestId("problem-situation")).toContainText("みなとガス");
  await expect(page.getByTestId("reading-timer")).toHaveText("1:00");
  await page.clock.fastForward(61_000);
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  const call = new CallPage(page);
  await expect(call.callerLines.first()).toBeVisible();
  await expect(page.getByTestId("call-timer")).toContainText(/^[23]:[0-5]\d$/);
  const callId = call.callId;

  // 本番モード: no chips while the call goes on.
  await call.replyWhenCallerFinishes(
    "お電話ありがとうございます。みなとガスお客さまセンターの伊藤でございます。",
  );
  await call.replyWhenCallerFinishes("差し支えなければ、お立ち会いのご都合をお聞かせいただけますか。");
  await expect(page.getByTestId("feedback-chips")).toHaveCount(0);
  await call.replyWhenCallerFinishes(
    "お電話ありがとうございました。みなとガスの伊藤が承りました。失礼いたします。",
  );
  if (!(await call.isEnded())) {
    await page.getByRole("button", { name: "通話を終了" }).click();
    await page.getByRole("button", { name: "終了する" }).click();
  } else {
    await page.getByRole("link", { name: "結果を見る" }).click();
  }
  await expect(page).toHaveURL(/\/review$/);
  const preScore = page.getByTestId("contest-prescore");
  await expect(preScore).toContainText("機械による推定");
  await expect(page.getByTestId("prescore-firstImpression")).toContainText("名乗りがあります");
  await expect(page.getByTestId("prescore-communication")).toContainText("立ち会いの都合");
  await expect(page.getByTestId("contest-result-pending")).toHaveText("まだ審査されていません。");

  // The trainee may not judge, nor see the team's leaderboard while it is closed.
  const own = await page.request.put(`/api/calls/${callId}/judgements`, {
    data: { marks: Object.fromEntries(categories.map((id) => [id, { mark: 5, comment: "" }])) },
  });
  expect(own.status()).toBe(403);
  expect((await page.goto(`/calls/${callId}/judge`))?.status()).toBe(403);
  expect((await page.goto("/contest"))?.status()).toBe(403);

  // Another team's trainer finds nothing to judge or print.
  const other = await signedIn(browser, demo.trainer);
  expect((await other.page.goto(`/calls/${callId}/judge`))?.status()).toBe(404);
  expect((await other.page.goto(`/calls/${callId}/sheet`))?.status()).toBe(404);
  expect((await other.page.request.get(`/api/calls/${callId}/judgements`)).status()).toBe(404);

  // Two judges: the second sees nothing of the first until submitting; the final score is their mean.
  await judge(judgeA.page, callId, "4 よい", "明るい第一声でした。");
  await expect(judgeA.page.getByTestId("contest-final-score")).toHaveText("80.0");
  await expect(judgeA.page.getByTestId("contest-final-rule")).toContainText("審査員1名の評価です");
  await judgeB.page.goto(`/calls/${callId}/judge`);
  await expect(judgeB.page.getByTestId("judge-count")).toHaveText("審査済み：1名");
  await expect(judgeB.page.getByText("明るい第一声でした。")).toHaveCount(0);
  await judge(judgeB.page, callId, "3 ふつう", "名乗りが聞き取りやすいです。");
  await expect(judgeB.page.getByTestId("contest-final-score")).toHaveText("70.0");
  await expect(judgeB.page.getByTestId("contest-final-rule")).toContainText("審査員2名の平均");
  await expect(judgeB.page.getByTestId("agreement-firstImpression")).toContainText("3〜4・ほぼ一致");
  await expect(judgeB.page.getByTestId("agreement-firstImpression")).toContainText("明るい第一声でした。");

  // The trainee sees the result and the printable sheet.
  await page.goto(`/calls/${callId}/review`);
  await expect(page.getByTestId("contest-final-score")).toHaveText("70.0");
  await page.getByRole("link", { name: "印刷用の評価シート" }).click();
  await expect(page.getByTestId("sheet-final-score")).toHaveText("70.0");
  await expect(page.getByTestId("sheet-trainee")).toHaveText("出場 太郎");
  await expect(page.getByTestId("sheet-firstImpression")).toContainText("3.5 / 5");
  await expect(page.getByTestId("sheet-firstImpression")).toContainText("審査 一郎：明るい第一声でした。");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "印刷する（A4）" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The leaderboard: the trainers' until one opens it to the trainees.
  const board = judgeA.page;
  await board.goto("/contest");
  await board.getByRole("link", { name: "ガスの使用開始の申し込み" }).click();
  await expect(board.getByTestId("leaderboard")).toContainText("出場 太郎");
  await expect(board.getByTestId("leaderboard-best")).toHaveText("70.0");
  await expect(board.getByTestId("leaderboard-latest")).toContainText("70.0");
  await expect(board.getByTestId("team-profile-firstImpression")).toHaveText("3.5");
  await board.getByRole("button", { name: "研修生に公開する" }).click();
  await expect(board.getByTestId("leaderboard-visibility")).toHaveText("研修生にも公開しています。");
  await page.goto("/practice");
  await page.getByRole("link", { name: "コンクールのランキング" }).click();
  await page.getByRole("link", { name: "ガスの使用開始の申し込み" }).click();
  await expect(page.getByTestId("leaderboard-best")).toHaveText("70.0");
  await expect(page.getByRole("button", { name: "研修生に公開する" })).toHaveCount(0);

  // An admin judges any team's contests: the team is chosen on the page, no ?team= to type.
  await admin.page.goto("/contest");
  await admin.page.getByLabel("表示するチーム").selectOption(teamId);
  await admin.page.getByRole("button", { name: "表示する" }).click();
  await expect(admin.page.getByText(`${teamName}・審査員の最終得点`)).toBeVisible();
  await admin.page.getByRole("link", { name: "ガスの使用開始の申し込み" }).click();
  await expect(admin.page.getByTestId("leaderboard-best")).toHaveText("70.0");
  await expect(admin.page.getByLabel("表示するチーム")).toHaveValue(teamId);

  for (const side of [admin, judgeA, judgeB, contestant, other]) await side.context.close();
});
