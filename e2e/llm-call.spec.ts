import { expect, test } from "./fixtures";
import { LlmCallPage } from "./pages/llm-call-page";
import { demo, SignInPage } from "./pages/sign-in-page";

// LLM play against the local OpenAI-compatible server that playwright.config.ts starts. Its voice
// opens every line with 「あのですね、」; a reply containing FAKE_LLM_DOWN makes it answer 503.

const goodReplies = [
  "さようでございますか。瓶が割れて届いたのですね。楽しみにされていたのに、大変ご不快な思いをおかけし、申し訳ございません。",
  "恐れ入りますが、ご注文番号を教えていただけますでしょうか。",
  "ありがとうございます。T-58213でございますね。すぐに新しい商品を無料で再送いたします。",
  "確認させていただきます。ご注文番号T-58213の黒酢ドリンク1本を、明日発送で再送いたします。よろしいでしょうか。",
  "本日はお電話ありがとうございました。担当の佐藤が承りました。失礼いたします。",
];

test.describe("LLM-driven calls", () => {
  test("an LLM-voiced call plays to the same kind of scorecard, with the judge and the cost", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    // The trainer plays, so the review also shows the trainer-only usage panel.
    await new SignInPage(page).signInAs(demo.trainer);
    const call = new LlmCallPage(page);
    await call.startLlmFromCatalog("angry-broken-bottle");
    for (const text of goodReplies) {
      if (await call.isEnded()) break;
      const voiced = await call.llmLines.count();
      await call.replyWhenCallerFinishes(text);
      await expect(call.llmLines).toHaveCount(voiced + 1);
      await expect(call.llmLines.last()).toContainText("あのですね、");
    }
    await expect(page.getByTestId("call-ended")).toContainText("解決");
    await expect(page.getByTestId("llm-fallback-notice")).toHaveCount(0);
    await page.getByRole("link", { name: "結果を見る" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId("overall-score")).toBeVisible();
    await expect(page.getByTestId("score-backchannel")).toBeVisible();
    await expect(page.getByTestId("judge-note").first()).toBeVisible();
    await expect(page.getByTestId("llm-usage")).toBeVisible();
    await expect(page.getByTestId("llm-cost")).toHaveText(/^\$0\.\d{4}$/);
  });

  test("when the provider fails mid-call, the trainee is told and the scripted engine carries on", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new LlmCallPage(page);
    await call.startLlmFromCatalog("angry-broken-bottle");
    await call.replyWhenCallerFinishes(goodReplies[0]!);
    await expect(call.llmLines).toHaveCount(1);

    // The opening line is the scenario's own, scripted.
    await expect(call.scriptLines).toHaveCount(1);

    await call.replyWhenCallerFinishes("大変申し訳ございません。FAKE_LLM_DOWN");
    await expect(page.getByTestId("llm-fallback-notice")).toBeVisible();
    await expect(call.scriptLines).toHaveCount(2);

    await call.replyWhenCallerFinishes(goodReplies[1]!);
    await expect.poll(() => call.scriptLines.count()).toBeGreaterThan(2);
    await expect(call.llmLines).toHaveCount(1);
    // A scripted answer may be several lines, each shown as it starts: count once all are said.
    await call.waitForCallerToFinish();
    const scripted = await call.scriptLines.count();
    // A reload resumes the same call, still scripted, still with the notice.
    await page.reload();
    await expect(page.getByTestId("llm-fallback-notice")).toBeVisible();
    await expect(call.replies).toHaveCount(3);
    await expect(call.scriptLines).toHaveCount(scripted);
    await expect(page.getByTestId("llm-usage")).toHaveCount(0);
  });
});
