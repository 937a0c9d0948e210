import { expect, type Locator, type Page } from "@playwright/test";

/** The catalog and the call screen, as a trainee uses them. */
export class CallPage {
  readonly replies: Locator;
  readonly callerLines: Locator;

  constructor(readonly page: Page) {
    this.replies = page.getByTestId("operator-reply");
    this.callerLines = page.getByTestId("caller-line");
  }

  async startFromCatalog(scenarioId: string) {
    await this.page.goto("/practice");
    await this.page.getByTestId(`scenario-${scenarioId}`).getByRole("button", { name: "電話に出る" }).click();
    await expect(this.page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
    await expect(this.callerLines.first()).toBeVisible();
  }

  get callId(): string {
    const match = /\/calls\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a call page: ${this.page.url()}`);
    return match[1];
  }

  async waitForCallerToFinish() {
    await expect(this.page.getByTestId("caller-speaking")).toBeHidden({ timeout: 45_000 });
  }

  /** Types and sends a reply now, whether or not the caller is still talking. */
  async sendNow(text: string) {
    const before = await this.replies.count();
    await this.page.getByLabel("あなたの返答").fill(text);
    await this.page.getByRole("button", { name: "送信", exact: true }).click();
    await expect(this.replies).toHaveCount(before + 1);
  }

  /** Listens until the caller has finished, then replies: what a good operator does. */
  async replyWhenCallerFinishes(text: string) {
    await this.waitForCallerToFinish();
    await this.sendNow(text);
  }

  async isEnded(): Promise<boolean> {
    return this.page.getByTestId("call-ended").isVisible();
  }
}
