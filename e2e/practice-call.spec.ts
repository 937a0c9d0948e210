import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { demo, SignInPage } from "./pages/sign-in-page";

const goodReplies = [
  "さようでございますか。瓶が割れて届いたのですね。楽しみにされていたのに、大変ご不快な思いをおかけし、申し訳ございません。",
  "恐れ入りますが、ご注文番号を教えていただけますでしょうか。",
  "ありがとうございます。T-58213でございますね。すぐに新しい商品を無料で再送いたします。",
  "確認させていただきます。ご注文番号T-58213の黒酢ドリンク1本を、明日発送で再送いたします。よろしいでしょうか。",
  "本日はお電話ありがとうございました。担当の田中が承りました。失礼いたします。",
];

test.describe("the practice call", () => {
  test("a well-handled angry call resolves and ends in a scorecard", async ({ page }) => {
    test.setTimeout(180_000);
    await new SignInPage(page).signInAs(demo.trainee1);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-broken-bottle");
    const startAnger = Number(await page.getByTestId("mood-anger").textContent());
    for (const text of goodReplies) {
      if (await call.isEnded()) break;
      await call.replyWhenCallerFinishes(text);
      await expect(call.replies.last().getByTestId("feedback-chips")).toBeVisible();
    }
    await expect(page.getByTestId("call-ended")).toContainText("解決");
    expect(Number(await page.getByTestId("mood-anger").textContent())).toBeLessThan(startAnger);
    await page.getByRole("link", { name: "結果を見る" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId("overall-score")).toBeVisible();
    await expect(page.getByTestId("score-backchannel")).toBeVisible();
    await expect(page.getByTestId("goal-offerRemedy")).toBeVisible();
  });

  test("interrupting and arguing escalates until the caller hangs up", async ({ page }) => {
    test.setTimeout(120_000);
    await new SignInPage(page).signInAs(demo.trainee1);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-broken-bottle");
    const arguments_ = [
      "いえ、そんなはずはございません。",
      "ですから、先ほども申し上げた通り、こちらに落ち度はございません。",
      "でも規約に書いてありますので。",
      "それはお客様の確認不足ではないでしょうか。",
    ];
    for (let i = 0; i < 8 && !(await call.isEnded()); i++) {
      await call.sendNow(arguments_[i % arguments_.length]!);
    }
    await expect(page.getByTestId("call-ended")).toContainText("お客様が電話を切りました");
    await expect(page.getByText("遮り").first()).toBeVisible();
  });

  test("polite replies that break a don't make the caller angrier and reach no goal", async ({ page }) => {
    test.setTimeout(150_000);
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-late-gift");
    const politeButBad: [string, string][] = [
      ["さようでございますか。ですが、お届け日はあくまで目安となっております。", "反論"],
      ["お届けが1日遅れただけですので、それほど大きな問題ではないかと存じます。", "個人的な意見"],
      ["次回は余裕をもって一週間ほど前にご注文いただくのがおすすめです。", "助言の押し付け"],
    ];
    let anger = Number(await page.getByTestId("mood-anger").textContent());
    for (const [text, label] of politeButBad) {
      if (await call.isEnded()) break;
      await call.replyWhenCallerFinishes(text);
      const chips = call.replies.last().getByTestId("feedback-chips").getByRole("listitem");
      await expect(chips.first()).toContainText(label);
      await expect
        .poll(async () => Number(await page.getByTestId("mood-anger").textContent()))
        .toBeGreaterThan(anger);
      anger = Number(await page.getByTestId("mood-anger").textContent());
    }
    await expect(page.locator('[data-testid^="call-goal-"][data-reached="true"]')).toHaveCount(0);
  });

  test("scenario text reads without stray half-width spaces between Japanese words", async ({ page }) => {
    const stray =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。」』] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー「『]/u;
    await new SignInPage(page).signInAs(demo.trainee2);
    await page.goto("/practice");
    // The scenario cards (people's own names, as they typed them, may sit beside them: an assignment's).
    const catalog = (await page.locator('[data-testid^="scenario-"]').allTextContents()).join("\n");
    expect(catalog).toContain("。");
    expect(stray.exec(catalog)?.[0] ?? null).toBeNull();
    const call = new CallPage(page);
    await call.startFromCatalog("angry-late-gift");
    await call.waitForCallerToFinish();
    expect(stray.exec((await page.locator("main").textContent()) ?? "")?.[0] ?? null).toBeNull();
  });

  test("on a 390 px phone the timer, the mood and 通話を終了 stay in view during the call", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-broken-bottle");
    await call.replyWhenCallerFinishes("さようでございますか。瓶が割れて届いたのですね。");
    await call.waitForCallerToFinish();
    await page.getByLabel("あなたの返答").scrollIntoViewIfNeeded();
    for (const target of [
      page.getByTestId("call-timer"),
      page.getByTestId("mood-anger"),
      page.getByRole("button", { name: "通話を終了" }),
    ]) {
      await expect(target).toBeInViewport();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("Enter pressed twice sends the reply once", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainee1);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-double-charge");
    await call.waitForCallerToFinish();
    const input = page.getByLabel("あなたの返答");
    await input.fill("さようでございますか。二重に請求されているのですね。");
    await input.press("Enter");
    await input.press("Enter");
    await expect(call.replies).toHaveCount(1);
    await expect(input).toHaveValue("");
    const state = await page.request.get(`/api/calls/${call.callId}`);
    const body = (await state.json()) as { turns: { role: string }[] };
    expect(body.turns.filter((t) => t.role === "operator")).toHaveLength(1);
  });

  test("a 相づち while the caller speaks is not an interruption; a reload resumes every turn", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-broken-bottle");
    await expect(page.getByTestId("caller-speaking")).toBeVisible();
    await page.getByRole("button", { name: /^はい/ }).click();
    await expect(page.getByTestId("overlap-backchannel")).toHaveText("（相づち）はい");
    const state = await page.request.get(`/api/calls/${call.callId}`);
    const body = (await state.json()) as {
      turns: { kind: string; analysis: { interruption: boolean; backchannel: boolean } | null }[];
    };
    const overlap = body.turns.find((t) => t.kind === "backchannel");
    expect(overlap?.analysis).toMatchObject({ interruption: false, backchannel: true });
    expect(body.turns.some((t) => t.kind === "interrupted")).toBe(false);

    await call.replyWhenCallerFinishes("さようでございますか。瓶が割れて届いたのですね。");
    await call.waitForCallerToFinish();
    const transcript = await page.getByTestId("transcript").textContent();
    await page.reload();
    await call.waitForCallerToFinish();
    await expect.poll(() => page.getByTestId("transcript").textContent()).toBe(transcript);
    await expect(call.replies).toHaveCount(1);
  });

  test("another trainee cannot open the call, its review or its API", async ({ page, browser }) => {
    await new SignInPage(page).signInAs(demo.trainee1);
    const call = new CallPage(page);
    await call.startFromCatalog("lonely-elderly-regular");
    const id = call.callId;

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await new SignInPage(other).signInAs(demo.trainee2);
    for (const path of [`/calls/${id}`, `/calls/${id}/review`]) {
      const response = await other.goto(path);
      expect(response?.status()).toBe(404);
      await expect(other.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
    }
    expect((await other.request.get(`/api/calls/${id}`)).status()).toBe(404);
    expect((await other.request.post(`/api/calls/${id}/replies`, { data: { text: "はい" } })).status()).toBe(
      404,
    );
    expect((await other.request.post(`/api/calls/${id}/end`)).status()).toBe(404);
    await otherContext.close();
  });

  test("the API refuses oversized, empty and late replies with clear errors", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainee2);
    const started = await page.request.get("/api/calls");
    expect(started.status()).toBe(200);
    const catalog = await page.goto("/practice");
    expect(catalog?.status()).toBe(200);
    const call = new CallPage(page);
    await call.startFromCatalog("angry-double-charge");
    const url = `/api/calls/${call.callId}`;
    const tooLong = await page.request.post(`${url}/replies`, { data: { text: "あ".repeat(401) } });
    expect(tooLong.status()).toBe(413);
    expect(((await tooLong.json()) as { error: { message: string } }).error.message).toContain("400文字まで");
    expect((await page.request.post(`${url}/replies`, { data: { text: "  " } })).status()).toBe(422);
    const malformed = { data: "not json", headers: { "content-type": "application/json" } };
    expect((await page.request.post(`${url}/replies`, malformed)).status()).toBe(422);
    // Only JSON is read: a body of another type is what a form on another page could send.
    expect((await page.request.post(`${url}/replies`, { data: "not json" })).status()).toBe(415);
    expect((await page.request.post(`${url}/end`)).status()).toBe(200);
    expect((await page.request.post(`${url}/replies`, { data: { text: "はい" } })).status()).toBe(409);
  });
});
