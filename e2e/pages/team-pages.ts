import { type Browser, type BrowserContext, expect, type Locator, type Page } from "@playwright/test";

/** Opens an invite link in a fresh browser, signs up and lands signed in. */
export async function signUpThroughInvite(
  browser: Browser,
  link: string,
  account: { name: string; email: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("お名前").fill(account.name);
  await page.getByLabel("メールアドレス").fill(account.email);
  await page.getByLabel(/パスワード/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "登録して始める" }).click();
  await expect(page.getByTestId("current-user")).toContainText(account.name);
  return { context, page };
}

/** The trainer's dashboard at /trainer. */
export class TeamDashboardPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/trainer${query}`);
    await expect(this.page.getByTestId("team-heading")).toBeVisible();
  }

  member(email: string): Locator {
    return this.page.getByTestId(`member-${email}`);
  }

  call(callId: string): Locator {
    return this.page.getByTestId(`team-call-${callId}`);
  }

  async assign(input: { scenarioTitle: string; traineeName: string; dueDate: string; note: string }) {
    const form = this.page.getByTestId("assignment-form");
    await form.getByLabel("シナリオ").selectOption({ label: input.scenarioTitle });
    await form.getByLabel("期限").fill(input.dueDate);
    await form.getByRole("checkbox", { name: input.traineeName }).check();
    await form.getByLabel("メモ（任意）").fill(input.note);
    await form.getByRole("button", { name: "課題を出す" }).click();
    await expect(form.getByRole("status")).toHaveText("1人に課題を出しました。");
  }
}

/** The call review as a trainer annotates it. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async overallScore(): Promise<number> {
    return Number(await this.page.getByTestId("overall-score").textContent());
  }

  commentForm(seq: number): Locator {
    return this.page.getByTestId(`comment-form-${seq}`);
  }

  /** The seq of the first reply that a trainer can annotate. */
  async firstAnnotatableSeq(): Promise<number> {
    const testId = await this.page
      .locator('[data-testid^="comment-form-"]')
      .first()
      .getAttribute("data-testid");
    return Number(testId?.replace("comment-form-", ""));
  }

  async comment(seq: number, body: string) {
    const form = this.commentForm(seq);
    await form.getByLabel("この発言へのコメント").fill(body);
    await form.getByRole("button", { name: "コメントする" }).click();
    await expect(this.page.getByTestId(`turn-${seq}`).getByTestId("turn-comment")).toContainText(body);
  }

  async override(seq: number, input: { label: string; value: string; reason: string }) {
    const form = this.page.getByTestId(`override-form-${seq}`);
    await form.getByText("自動評価を修正する").click();
    await form.getByLabel("評価項目").selectOption({ label: input.label });
    await form.getByLabel("正しい評価").selectOption({ label: input.value });
    await form.getByLabel("修正の理由").fill(input.reason);
    await form.getByRole("button", { name: "修正を保存" }).click();
    await expect(this.page.getByTestId(`turn-${seq}`).getByTestId("label-override")).toContainText(
      input.reason,
    );
  }
}
