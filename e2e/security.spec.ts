import type { APIResponse, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";
import { signUpThroughInvite } from "./pages/team-pages";

const THROTTLED = "ログインの試行回数が多すぎます。しばらくしてからもう一度お試しください。";
const WRONG = "メールアドレスまたはパスワードが正しくありません。";
const NEWCOMER_PASSWORD = "a-long-enough-password";

function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], label).toContain("microphone=(self)");
  expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], label).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
}

test("every kind of response carries the security headers, and no HSTS over http, whatever the client claims", async ({
  request,
}) => {
  const page = await request.get("/signin");
  const html = await page.text();
  const script = html.match(/<script[^>]+src="([^"]+)"/)?.[1];
  expect(script).toMatch(/^\/_next\/static\//);
  const responses: [string, APIResponse][] = [
    ["page", page],
    ["redirect to sign in", await request.get("/trainer", { maxRedirects: 0 })],
    ["404 page", await request.get("/no-such-page")],
    ["api", await request.get("/api/health")],
    ["api 401", await request.get("/api/scenarios")],
    ["static script", await request.get(script ?? "")],
    ["icon", await request.get("/icon.svg")],
  ];
  for (const [label, response] of responses) {
    expectSecurityHeaders(response, label);
    expect(response.headers()["strict-transport-security"], label).toBeUndefined();
  }
  // A client claiming https itself is not a proxy (none is declared here): no HSTS. A declared proxy's
  // word is proved in proxy.test.ts.
  const spoofed = await request.get("/signin", { headers: { "X-Forwarded-Proto": "https" } });
  expectSecurityHeaders(spoofed, "spoofed https");
  expect(spoofed.headers()["strict-transport-security"]).toBeUndefined();
});

test("each page gets a fresh nonce, and every script Next.js renders carries it", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/signin");
    const nonce = response.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    nonces.push(nonce!);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("injected markup cannot run script, and the suite's CSP guard sees the attempt", async ({
  page,
  cspViolations,
}) => {
  await new SignInPage(page).goto();
  // What stored XSS would look like: markup with an inline event handler reaching the page.
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = `<img src="/missing.png" onerror="document.title = 'pwned'">`;
    document.body.append(box);
  });
  // Both the violation event and the browser's console report reach the guard.
  await expect
    .poll(() => [
      cspViolations.some((v) => v.startsWith("console:")),
      cspViolations.some((v) => v.includes("script-src-attr blocked inline")),
    ])
    .toEqual([true, true]);
  expect(await page.title()).not.toBe("pwned");
  // Expected here, and only here: the guard would otherwise fail this test when it ends.
  cspViolations.length = 0;
});

test("a signed-in page cannot be framed by another origin", async ({ request }) => {
  // frame-ancestors 'none' (and X-Frame-Options DENY) on the pages a same-site attacker would frame.
  for (const path of ["/signin", "/practice", "/invite/not-a-real-token-0000"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

/** A newcomer in the demo team, signed up through a fresh invite link, then signed out. */
async function newcomer(browser: Browser, page: Page, tag: string) {
  await new SignInPage(page).signInAs(demo.trainer);
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  const account = { name: `検証 ${tag}`, email: `security-${tag}-${Date.now()}@example.com` };
  const signedUp = await signUpThroughInvite(browser, link, account);
  await new SignInPage(signedUp.page).signOut();
  await signedUp.context.close();
  return { link, account };
}

/** Submits the sign-in form and waits for the server's answer (the alert text may not change). */
async function submitSignIn(page: Page, email: string, password: string) {
  const signIn = new SignInPage(page);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().includes("/signin"),
  );
  await signIn.signIn(email, password);
  await answered;
  // React resets the form once the action's answer is rendered: wait for it before typing again.
  await expect(page.getByLabel("パスワード")).toHaveValue("");
  return page.getByRole("main").getByRole("alert");
}

test("ten wrong passwords lock an account, even against the right one; an unknown email reads the same", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { account } = await newcomer(browser, page, "lock");
  // Each attacker comes from its own address (as a proxy would report it), so the lock shown is the
  // account's, and other spec files signing in from 127.0.0.1 are not counted against.
  for (const [email, address] of [
    [account.email, "198.51.100.21"],
    [`nobody-${Date.now()}@example.com`, "198.51.100.22"],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
    const attacker = await context.newPage();
    await new SignInPage(attacker).goto();
    for (let i = 0; i < 10; i++) {
      await expect(await submitSignIn(attacker, email, `wrong-password-${i}`)).toHaveText(WRONG);
    }
    await expect(await submitSignIn(attacker, email, NEWCOMER_PASSWORD)).toHaveText(THROTTLED);
    await expect(attacker).toHaveURL(/\/signin$/);
    await context.close();
  }
  // The lock is the account's, whatever the address: its owner waits out the window too.
  const owner = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.40" } });
  const ownerPage = await owner.newPage();
  await new SignInPage(ownerPage).goto();
  await expect(await submitSignIn(ownerPage, account.email, NEWCOMER_PASSWORD)).toHaveText(THROTTLED);
  await owner.close();
});

test("the invite form does not say that an email already has an account", async ({ page, browser }) => {
  const { link, account } = await newcomer(browser, page, "invite");
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.31" } });
  const visitor = await context.newPage();
  await visitor.goto(link);
  await visitor.getByLabel("お名前").fill("なりすまし");
  await visitor.getByLabel("メールアドレス").fill(account.email);
  await visitor.getByLabel(/パスワード/).fill("someone-elses-guess");
  await visitor.getByRole("button", { name: "登録して始める" }).click();
  const alert = visitor.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText(
    "このメールアドレスでは登録できませんでした。入力内容を確認するか、トレーナーにお問い合わせください。",
  );
  await expect(alert).not.toContainText("登録されています");
  // The account's owner, typing their own password into the form, is simply signed in.
  await visitor.getByLabel(/パスワード/).fill(NEWCOMER_PASSWORD);
  await visitor.getByRole("button", { name: "登録して始める" }).click();
  await expect(visitor.getByTestId("current-user")).toContainText(account.name);
  await context.close();
});

test("an account without a team joins the invite's team by signing in through the invite form", async ({
  page,
  browser,
}) => {
  const { link, account } = await newcomer(browser, page, "rejoin");
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await new SignInPage(adminPage).signInAs(demo.admin);
  const listUsers = async () =>
    (
      (await (await adminPage.request.get("/api/admin/users")).json()) as {
        users: { id: string; email: string; teamId: string | null }[];
      }
    ).users;
  const before = await listUsers();
  const teamId = before.find((u) => u.email === account.email)!.teamId;
  expect(teamId).not.toBeNull();
  // Removed from the team, then sent the team's link again.
  const id = before.find((u) => u.email === account.email)!.id;
  const removed = await adminPage.request.patch(`/api/admin/users/${id}`, { data: { teamId: null } });
  expect(removed.status()).toBe(200);

  const owner = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.32" } });
  const ownerPage = await owner.newPage();
  await ownerPage.goto(link);
  await ownerPage.getByLabel("お名前").fill(account.name);
  await ownerPage.getByLabel("メールアドレス").fill(account.email);
  await ownerPage.getByLabel(/パスワード/).fill(NEWCOMER_PASSWORD);
  await ownerPage.getByRole("button", { name: "登録して始める" }).click();
  await expect(ownerPage.getByTestId("current-user")).toContainText(account.name);
  expect((await listUsers()).find((u) => u.email === account.email)!.teamId).toBe(teamId);
  await owner.close();
  await admin.close();
});

test("a session cookie copied before sign-out is refused after it", async ({ page, browser }) => {
  await new SignInPage(page).signInAs(demo.trainee2);
  const cookies = await page.context().cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  expect((await copy.request.get("/api/scenarios")).status()).toBe(200);

  await new SignInPage(page).signOut();
  expect((await copy.request.get("/api/scenarios")).status()).toBe(401);
  const stolen = await copy.newPage();
  await stolen.goto("/practice");
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=%2Fpractice$/);
  await copy.close();
});

test("a role change ends the user's open sessions", async ({ page, browser }) => {
  const { account } = await newcomer(browser, page, "role");
  const user = await browser.newContext();
  const userPage = await user.newPage();
  await new SignInPage(userPage).goto();
  await new SignInPage(userPage).signIn(account.email, NEWCOMER_PASSWORD);
  await expect(userPage.getByTestId("current-user")).toContainText(account.name);
  expect((await user.request.get("/api/scenarios")).status()).toBe(200);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await new SignInPage(adminPage).signInAs(demo.admin);
  const { users } = (await (await adminPage.request.get("/api/admin/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const id = users.find((u) => u.email === account.email)!.id;
  const changed = await adminPage.request.patch(`/api/admin/users/${id}`, { data: { role: "trainer" } });
  expect(changed.status()).toBe(200);

  expect((await user.request.get("/api/scenarios")).status()).toBe(401);
  await userPage.goto("/trainer");
  await expect(userPage).toHaveURL(/\/signin(\?|$)/);
  // Signing in again gives the new rights.
  await new SignInPage(userPage).signIn(account.email, NEWCOMER_PASSWORD);
  await expect(userPage).toHaveURL(/\/trainer$/);
  await user.close();
  await admin.close();
});
