import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";

test("the health check reports a database that answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: "pglite" });
});

test("a signed-out visitor is sent to the sign-in page, which shows the demo accounts", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "デモアカウント" })).toBeVisible();
  await expect(page.getByText(demo.trainer.email)).toBeVisible();
});

test("a trainer signs in to the team page and signs out", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.signInAs(demo.trainer);
  await expect(page).toHaveURL(/\/trainer$/);
  await expect(page.getByTestId("team-heading")).toHaveText("デモチーム");
  await expect(page.getByTestId("member-list")).toContainText(demo.trainee1.name);
  await expect(page.getByTestId("member-list")).toContainText(demo.trainee2.name);
  await signIn.signOut();
  await page.goto("/trainer");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer$/);
});

test("a trainee signs in and signs out", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.signInAs(demo.trainee1);
  await expect(page.getByTestId("team-name")).toHaveText("デモチーム");
  await signIn.signOut();
});

test("signed out, a link to a page signs in and comes back to it", async ({ page }) => {
  await page.goto("/history");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fhistory$/);
  await new SignInPage(page).signIn(demo.trainee2.email);
  await expect(page).toHaveURL(/\/history$/);
  // Only a path on this site is followed.
  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=%2F%2Fevil.example");
  await new SignInPage(page).signIn(demo.trainee2.email);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/practice$/);
});

test("every page names its icon, and the icon is served", async ({ page }) => {
  await new SignInPage(page).goto();
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("a wrong password and an unknown account get a clear Japanese error", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demo.trainee1.email, "wrong-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
  await signIn.signIn("nobody@example.com", "whatever-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
  await expect(page).toHaveURL(/\/signin$/);
});

test("a trainee who opens a trainer or admin page gets a 403 page", async ({ page }) => {
  await new SignInPage(page).signInAs(demo.trainee2);
  for (const path of ["/trainer", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "このページを表示する権限がありません" })).toBeVisible();
  }
});

test("a trainer invites a trainee who signs up through the link and joins the team", async ({
  page,
  browser,
}) => {
  await new SignInPage(page).signInAs(demo.trainer);
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  const email = `newcomer-${Date.now()}@example.com`;
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "「デモチーム」に参加" })).toBeVisible();
  await newcomer.getByLabel("お名前").fill("山本 新");
  await newcomer.getByLabel("メールアドレス").fill(email);
  await newcomer.getByLabel(/パスワード/).fill("short");
  await newcomer.getByRole("button", { name: "登録して始める" }).click();
  await expect(newcomer.getByRole("main").getByRole("alert")).toContainText("8文字以上");
  await newcomer.getByLabel(/パスワード/).fill("a-long-enough-password");
  await newcomer.getByRole("button", { name: "登録して始める" }).click();
  await expect(newcomer.getByTestId("current-user")).toContainText("山本 新");
  await expect(newcomer.getByTestId("team-name")).toHaveText("デモチーム");
  await newcomerContext.close();

  await page.reload();
  await expect(page.getByTestId("member-list")).toContainText("山本 新");
});

test("an unknown invite link says so", async ({ page }) => {
  await page.goto("/invite/not-a-real-token-0000");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("この招待リンクは無効です");
});
