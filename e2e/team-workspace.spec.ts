import { csvRecords } from "@/lib/testing/parse-csv";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { demo, SignInPage } from "./pages/sign-in-page";
import { ReviewPage, TeamDashboardPage } from "./pages/team-pages";

// A scenario no other spec plays, so that the assignment's status is this test's own doing.
const scenario = { slug: "angry-late-gift", title: "母の誕生日プレゼントが届かない" };

test("a trainer assigns a scenario, follows the trainee's call, comments, overrides a label and exports", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  const traineeContext = await browser.newContext();
  const trainee = await traineeContext.newPage();
  await new SignInPage(trainer).signInAs(demo.trainer);
  await new SignInPage(trainee).signInAs(demo.trainee1);

  // The trainer assigns the scenario with a due date.
  const dashboard = new TeamDashboardPage(trainer);
  await dashboard.goto();
  const note = `お祝いの気持ちに寄り添って ${Date.now()}`;
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await dashboard.assign({
    scenarioTitle: scenario.title,
    traineeName: demo.trainee1.name,
    dueDate: due,
    note,
  });

  // The trainee sees it at the top of their home page, not started, and plays it to the end.
  await trainee.goto("/practice");
  const assignment = trainee.getByTestId("my-assignments").getByRole("listitem").filter({ hasText: note });
  await expect(assignment.getByTestId("assignment-status")).toHaveText("未着手");
  await assignment.getByRole("button", { name: "練習を始める" }).click();
  await expect(trainee).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  const call = new CallPage(trainee);
  await call.replyWhenCallerFinishes("さようでございますか。");
  await trainee.getByRole("button", { name: "通話を終了" }).click();
  await trainee.getByRole("button", { name: "終了する" }).click();
  // Hanging up opens the call's review (the ended call screen shows only until the review loads).
  await expect(trainee).toHaveURL(/\/calls\/[0-9a-f-]{36}\/review$/);
  const callId = call.callId;
  await trainee.goto("/practice");
  await expect(assignment.getByTestId("assignment-status")).toHaveText("完了");

  // The trainer sees the attempt on the dashboard and opens its review.
  await dashboard.goto("?period=7d");
  await expect(dashboard.member(demo.trainee1.email).getByTestId("member-attempts")).not.toHaveText("0");
  await expect(
    trainer.getByTestId("team-assignments").getByRole("row").filter({ hasText: note }),
  ).toContainText("完了");
  await dashboard.call(callId).getByRole("link", { name: "振り返りを開く" }).click();
  await expect(trainer).toHaveURL(new RegExp(`/calls/${callId}/review$`));
  await expect(trainer.getByTestId("review-trainee")).toHaveText(demo.trainee1.name);

  const review = new ReviewPage(trainer);
  const seq = await review.firstAnnotatableSeq();
  const before = await review.overallScore();
  const comment = "「さようでございますか」の後に、お気持ちへの一言を添えてみましょう。";
  await review.comment(seq, comment);
  const reason = "お客様のお話を受け止めて短くまとめています";
  await review.override(seq, { label: "要約", value: "あり", reason });
  await expect(trainer.getByTestId(`turn-${seq}`).getByTestId("label-override")).toContainText("なし");
  await expect.poll(() => review.overallScore()).toBeGreaterThan(before);
  const after = await review.overallScore();

  // The export has the attempt with the overridden score; the download button serves the same file.
  const csv = await trainer.request.get("/api/trainer/results.csv?period=7d");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = csvRecords(text).filter(
    (r) => r.メールアドレス === demo.trainee1.email && r.シナリオ === scenario.title,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((r) => r.総合点)).toContain(String(after));
  await dashboard.goto("?period=7d");
  const [download] = await Promise.all([
    trainer.waitForEvent("download"),
    trainer.getByTestId("download-csv").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kikite-results-.*\.csv$/);

  // The trainee sees the comment and the correction on their own review, with the new score.
  await trainee.goto(`/calls/${callId}/review`);
  await expect(trainee.getByTestId(`turn-${seq}`).getByTestId("turn-comment")).toContainText(comment);
  await expect(trainee.getByTestId(`turn-${seq}`).getByTestId("label-override")).toContainText(reason);
  await expect(trainee.getByTestId("overall-score")).toHaveText(String(after));
  await expect(trainee.getByTestId(`comment-form-${seq}`)).toHaveCount(0);

  await trainerContext.close();
  await traineeContext.close();
});
