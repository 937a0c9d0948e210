import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { ScenarioEditorPage } from "./pages/scenario-editor-page";
import { demo, SignInPage } from "./pages/sign-in-page";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("scenario authoring", () => {
  test("a trainer writes, checks, playtests and publishes a scenario; a trainee plays it; v2 keeps v1's call", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await new SignInPage(page).signInAs(demo.trainer);
    const editor = new ScenarioEditorPage(page);
    await editor.createFromTemplate();
    const starter = await editor.savedYaml();
    const slug = /^id: (\S+)/m.exec(starter)?.[1];
    expect(slug).toMatch(/^team-[0-9a-z]{6}$/);

    // A transition to a node that does not exist: the problem points at its line and field.
    const broken = starter.replace("- to: calmer", "- to: calmr");
    await editor.replaceYaml(broken);
    const brokenLine = broken.split("\n").findIndex((line) => line.includes("calmr")) + 1;
    const issue = editor.issues.filter({ hasText: "calmr" });
    await expect(issue).toContainText('遷移先のノード "calmr" がありません');
    await expect(issue).not.toContainText("missing node");
    await expect(issue).toContainText(`${brokenLine}行`);
    await expect(issue).toContainText("nodes.opening.transitions[0].to");
    await expect(page.getByRole("button", { name: "公開する" })).toBeDisabled();
    await issue.click();
    await expect(page.locator(".cm-activeLine")).toContainText("calmr");
    // Publishing it through the API is refused with the same Japanese problem.
    const refused = await page.request.post(`/api/trainer/scenarios/${editor.scenarioId}/publish`, {
      data: { yaml: broken },
    });
    expect(refused.status()).toBe(422);
    const refusedBody = (await refused.json()) as { error: { details: { issues: { messageJa: string }[] } } };
    expect(refusedBody.error.details.issues.map((i) => i.messageJa)).toContain(
      '遷移先のノード "calmr" がありません',
    );
    await editor.replaceYaml(starter);
    await expect(page.getByTestId("validation-ok")).toBeVisible();

    // The form writes into the YAML.
    const title = `配送遅延の練習 ${unique()}`;
    await page.getByLabel("タイトル").fill(title);
    await page.getByLabel("年齢").fill("38");
    await expect(editor.yamlText).toContainText(`title: ${title}`);
    await expect(editor.yamlText).toContainText("age: 38");

    // The form adds and removes whole entries; the checker explains a node not yet connected.
    const form = page.getByTestId("scenario-form");
    await form.getByLabel("追加する場面の ID").fill("askAgain");
    await form.getByRole("button", { name: "場面を追加" }).click();
    await expect(editor.yamlText).toContainText("askAgain:");
    await expect(editor.issues).toContainText(['ノード "askAgain" には開始ノードからたどり着けません']);
    await form.getByLabel("追加する場面の ID").fill("askAgain");
    await form.getByRole("button", { name: "場面を追加" }).click();
    await expect(form.getByRole("alert")).toHaveText('ID "askAgain" はすでに使われています。');
    await form.getByRole("button", { name: "場面「askAgain」を削除" }).click();
    await expect(page.getByTestId("validation-ok")).toBeVisible();
    await expect(editor.yamlText).not.toContainText("askAgain");
    await form.getByLabel("追加する目標の ID").fill("thanked");
    await form.getByRole("button", { name: "目標を追加" }).click();
    await form.getByLabel("thanked の表示名").fill("お礼を伝える");
    await expect(editor.yamlText).toContainText("thanked: { label: お礼を伝える");
    await expect(page.getByTestId("validation-ok")).toBeVisible();

    // The diagram.
    await expect(page.getByTestId("scenario-diagram")).toBeVisible();
    await expect(page.getByTestId("diagram-node-opening")).toHaveAttribute("data-kind", "start");
    await expect(page.getByTestId("diagram-node-resolved")).toHaveAttribute("data-kind", "resolved");
    await expect(page.getByTestId("diagram-edge")).toHaveCount(3);

    // One playtest reply.
    await page.getByRole("button", { name: "試し通話を始める" }).click();
    await expect(page.getByTestId("playtest-caller").first()).toBeVisible();
    await page
      .getByLabel("試し通話の返答")
      .fill(
        "さようでございますか、ご注文の商品がまだ届いていないのですね。ご心配をおかけして申し訳ございません。",
      );
    await page.getByRole("button", { name: "返答する" }).click();
    await expect(page.getByTestId("playtest-reply").getByTestId("feedback-chips")).toBeVisible();
    await expect(page.getByTestId("playtest-node")).toHaveText("calmer");

    await page.getByRole("button", { name: "下書きを保存" }).click();
    await expect(page.getByRole("status")).toContainText("下書きを保存しました");
    await expect(page.getByTestId("save-state")).toHaveText("保存済み");
    expect(await editor.savedYaml()).toContain(`title: ${title}`);
    await editor.publish(1);

    // A trainee of the team finds it beside the built-ins and plays it to a scorecard.
    const traineeContext = await browser.newContext();
    const trainee = await traineeContext.newPage();
    await new SignInPage(trainee).signInAs(demo.trainee2);
    const call = new CallPage(trainee);
    await trainee.goto("/practice");
    await expect(trainee.getByTestId(`scenario-${slug}`)).toContainText(title);
    await expect(trainee.getByTestId("scenario-angry-broken-bottle")).toBeVisible();
    await call.startFromCatalog(slug!);
    await call.replyWhenCallerFinishes(
      "さようでございますか、まだ届いていないのですね。ご心配をおかけして申し訳ございません。",
    );
    await trainee.getByRole("button", { name: "通話を終了" }).click();
    await trainee.getByRole("button", { name: "終了する" }).click();
    await expect(trainee).toHaveURL(/\/review$/);
    await expect(trainee.getByTestId("overall-score")).toBeVisible();
    await expect(trainee.getByTestId("review-heading")).toHaveText(title);
    const reviewUrl = trainee.url();

    // Version 2: the catalog moves on, the earlier call keeps the version it was played with.
    await page.getByLabel("タイトル").fill(`${title} 第2版`);
    await editor.publish(2);
    await trainee.goto(reviewUrl);
    await expect(trainee.getByTestId("review-heading")).toHaveText(title);
    await trainee.goto("/practice");
    await expect(trainee.getByTestId(`scenario-${slug}`)).toContainText(`${title} 第2版`);
    await traineeContext.close();
  });

  test("a trainer duplicates a built-in, exports it and imports YAML as a new draft", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainer);
    const editor = new ScenarioEditorPage(page);
    await page.goto("/trainer/scenarios");
    await page.getByRole("button", { name: "「定期便の瓶が割れていた」を複製して編集" }).click();
    await expect(page).toHaveURL(/\/trainer\/scenarios\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("editor-title")).toHaveText("定期便の瓶が割れていた（コピー）");
    await expect(page.getByTestId("scenario-status")).toContainText("下書き");
    await expect(page.getByTestId("validation-ok")).toBeVisible();

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "保存済みの YAML を書き出す" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^angry-broken-bottle-[0-9a-z]{6}\.yaml$/);
    const exported = await readFile(await download.path(), "utf8");
    expect(exported).toContain("title: 定期便の瓶が割れていた（コピー）");

    const title = `読み込んだシナリオ ${unique()}`;
    const imported = exported
      .replace(/^id: .*$/m, `id: imported-${unique()}`)
      .replace(/^title: .*$/m, `title: ${title}`);
    await page.goto("/trainer/scenarios");
    await page.getByTestId("import-yaml-input").setInputFiles({
      name: "imported.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(imported),
    });
    await expect(page.getByTestId("editor-title")).toHaveText(title);
    await expect(page.getByTestId("validation-ok")).toBeVisible();
    expect(await editor.savedYaml()).toBe(imported);

    // Broken YAML is kept as written, with its problems shown.
    await page.goto("/trainer/scenarios");
    await page.getByTestId("import-yaml-input").setInputFiles({
      name: "broken.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(`title: 壊れた ${unique()}\nnodes: [\n`),
    });
    await expect(page).toHaveURL(/\/trainer\/scenarios\/[0-9a-f-]{36}$/);
    await expect(editor.issues.first()).toContainText(
      "YAML の書き方に誤りがあります：「[」で始めたリストが「]」で閉じられていません",
    );
    await expect(page.getByTestId("form-unavailable")).toBeVisible();
    await page.goto("/trainer/scenarios");
    await expect(page.getByTestId("team-scenario").filter({ hasText: title })).toContainText("下書き");
  });

  test("trainees reach neither the authoring pages nor the authoring API", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainee1);
    const response = await page.goto("/trainer/scenarios");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "このページを表示する権限がありません" })).toBeVisible();
    expect((await page.request.get("/api/trainer/scenarios")).status()).toBe(403);
    expect((await page.request.post("/api/trainer/scenarios", { data: { from: "template" } })).status()).toBe(
      403,
    );
    const playtest = await page.request.post("/api/trainer/scenarios/playtest", { data: { yaml: "id: x" } });
    expect(playtest.status()).toBe(403);
    const someId = "00000000-0000-4000-8000-000000000000";
    expect((await page.goto(`/trainer/scenarios/${someId}`))?.status()).toBe(403);
    expect((await page.request.get(`/api/trainer/scenarios/${someId}`)).status()).toBe(403);
    expect((await page.request.get(`/api/trainer/scenarios/${someId}/export`)).status()).toBe(403);
  });
});
