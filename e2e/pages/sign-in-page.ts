import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "kikite-demo";
export const demo = {
  trainer: { email: "trainer@example.com", name: "佐藤 美咲" },
  trainee1: { email: "trainee1@example.com", name: "田中 翔太" },
  trainee2: { email: "trainee2@example.com", name: "鈴木 愛" },
  admin: { email: "admin@example.com", name: "管理者" },
} as const;

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
    await expect(this.page.getByRole("heading", { name: "ログイン" })).toBeVisible();
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel("メールアドレス").fill(email);
    await this.page.getByLabel("パスワード").fill(password);
    await this.page.getByRole("button", { name: "ログイン", exact: true }).click();
  }

  async signInAs(account: { email: string; name: string }) {
    await this.goto();
    await this.signIn(account.email);
    await expect(this.page.getByTestId("current-user")).toContainText(account.name);
  }

  async signOut() {
    await this.page.getByRole("button", { name: "ログアウト" }).click();
    await expect(this.page).toHaveURL(/\/signin$/);
  }
}
