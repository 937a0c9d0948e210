import { expect, type Locator, type Page } from "@playwright/test";
import { CallPage } from "./call-page";

/** The call screen in LLM play: the caller's lines say who voiced them (data-voice). */
export class LlmCallPage extends CallPage {
  readonly llmLines: Locator;
  readonly scriptLines: Locator;

  constructor(page: Page) {
    super(page);
    this.llmLines = page.locator('[data-testid="caller-line"][data-voice="llm"]');
    this.scriptLines = page.locator('[data-testid="caller-line"][data-voice="script"]');
  }

  async startLlmFromCatalog(scenarioId: string) {
    await this.page.goto("/practice");
    await this.page
      .getByTestId(`scenario-${scenarioId}`)
      .getByRole("button", { name: "AI のお客様で出る" })
      .click();
    await expect(this.page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId("call-mode")).toHaveText("AI のお客様");
    await expect(this.callerLines.first()).toBeVisible();
  }
}
