import { expect, type Locator, type Page } from "@playwright/test";

/** The trainer's scenario list and editor. */
export class ScenarioEditorPage {
  readonly yamlText: Locator;
  readonly issues: Locator;

  constructor(readonly page: Page) {
    this.yamlText = page.getByRole("textbox", { name: "シナリオの YAML" });
    this.issues = page.getByTestId("validation-issue");
  }

  async createFromTemplate(): Promise<string> {
    await this.page.goto("/trainer/scenarios");
    await this.page.getByRole("button", { name: "新規作成" }).click();
    await expect(this.page).toHaveURL(/\/trainer\/scenarios\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId("validation-ok")).toBeVisible();
    return this.scenarioId;
  }

  get scenarioId(): string {
    const match = /\/trainer\/scenarios\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not in the editor: ${this.page.url()}`);
    return match[1];
  }

  /** The saved draft, read through the API. */
  async savedYaml(): Promise<string> {
    const response = await this.page.request.get(`/api/trainer/scenarios/${this.scenarioId}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { yaml: string }).yaml;
  }

  /** Replaces the whole YAML view's text, as a paste would. */
  async replaceYaml(text: string) {
    await this.yamlText.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(text);
  }

  async publish(version: number) {
    await this.page.getByRole("button", { name: "公開する" }).click();
    await expect(this.page.getByRole("status")).toContainText(`v${version} を公開しました`);
    await expect(this.page.getByTestId("scenario-status")).toContainText(`公開中 v${version}`);
  }
}
