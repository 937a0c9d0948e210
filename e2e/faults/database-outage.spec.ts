import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { Client } from "pg";
import { expect, test } from "../fixtures";
import { CallPage } from "../pages/call-page";
import { demo, SignInPage } from "../pages/sign-in-page";
import { AppServer } from "./app-server";
import { faultsPort } from "./ports";
import { TcpProxy } from "./tcp-proxy";

// PostgreSQL goes away in the middle of a call. The machine's server is shared, so it is not stopped:
// the app reaches it through a proxy that the test cuts (every connection ended, new ones refused)
// and restores.

const adminUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const databaseName = `kikite_faults_${Date.now().toString(36)}_${process.pid}`;
const proxy = new TcpProxy({ host: adminUrl.hostname, port: Number(adminUrl.port || 5432) });
let server: AppServer;

const withAdmin = async (sql: string) => {
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const operatorTexts = async (page: Page, id: string): Promise<string[]> => {
  const response = await page.request.get(`/api/calls/${id}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { turns: { role: string; text: string }[] };
  return body.turns.filter((t) => t.role === "operator").map((t) => t.text);
};

const first = "さようでございますか。瓶が割れて届いたのですね。";

/** Signs in, takes the broken-bottle call, answers its first line and waits for the caller to finish. */
const callAfterFirstReply = async (page: Page, account: { email: string; name: string }) => {
  await new SignInPage(page).signInAs(account);
  const call = new CallPage(page);
  await call.startFromCatalog("angry-broken-bottle");
  await call.replyWhenCallerFinishes(first);
  await call.waitForCallerToFinish();
  return call;
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await withAdmin(`create database ${databaseName}`);
  await proxy.open();
  const appUrl = new URL(adminUrl);
  appUrl.hostname = "127.0.0.1";
  appUrl.port = String(proxy.port);
  appUrl.pathname = `/${databaseName}`;
  server = new AppServer({
    port: faultsPort,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "kikite-faults-db-")),
    databaseUrl: appUrl.toString(),
  });
  await server.start();
});
test.afterAll(async () => {
  await server?.stop();
  await proxy.close();
  await withAdmin(`drop database if exists ${databaseName} with (force)`);
});

test("a reply whose answer was lost is resent and stored once", async ({ page }) => {
  await new SignInPage(page).signInAs(demo.trainee1);
  const call = new CallPage(page);
  await call.startFromCatalog("angry-broken-bottle");
  await call.waitForCallerToFinish();
  // The server stores the reply, but its answer never reaches the browser (the connection resets).
  let firstBody = "";
  await page.route(
    "**/api/calls/*/replies",
    async (route) => {
      firstBody = route.request().postData() ?? "";
      await route.fetch();
      await route.abort("connectionreset");
    },
    { times: 1 },
  );
  const text = "さようでございますか。瓶が割れて届いたのですね。";
  await call.sendNow(text);
  expect(JSON.parse(firstBody)).toMatchObject({ text, replyId: expect.any(String) });
  await expect(page.getByTestId("connection-lost")).toBeHidden();
  expect(await operatorTexts(page, call.callId)).toEqual([text]);
  await page.reload();
  await expect(call.replies).toHaveCount(1);
});

test("PostgreSQL lost mid-call: the trainee sees 接続が切れました, the reply waits, and the call goes on when it returns", async ({
  page,
}) => {
  const call = await callAfterFirstReply(page, demo.trainee2);
  const callerLines = await call.callerLines.count();

  await proxy.cut();
  const second = "大変ご不快な思いをおかけし、申し訳ございません。";
  await page.getByLabel("あなたの返答").fill(second);
  await page.getByRole("button", { name: "送信", exact: true }).click();
  await expect(page.getByTestId("connection-lost")).toHaveText(/^接続が切れました。再接続しています…/);
  await expect(page.getByTestId("unsent-reply")).toContainText(second);
  await expect(call.replies).toHaveCount(1);
  // It keeps trying: at least one more answer (503) while the database is away.
  await page.waitForResponse((r) => r.url().endsWith("/replies") && r.status() === 503);
  // No error for the trainee to act on (Next's route announcer, outside <main>, is an alert too).
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  expect(server.running, `the server died without its database:\n${server.recentErrors}`).toBe(true);

  await proxy.open();
  await expect(page.getByTestId("connection-lost")).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId("unsent-reply")).toHaveCount(0);
  await expect(call.replies).toHaveCount(2);
  await expect.poll(() => call.callerLines.count()).toBeGreaterThan(callerLines);
  expect(await operatorTexts(page, call.callId)).toEqual([first, second]);

  const third = "恐れ入りますが、ご注文番号を教えていただけますでしょうか。";
  await call.replyWhenCallerFinishes(third);
  expect(await operatorTexts(page, call.callId)).toEqual([first, second, third]);
});

test("a reply waiting for the database survives a reload, and so do the words being typed", async ({
  page,
}) => {
  const call = await callAfterFirstReply(page, demo.trainee1);
  const callUrl = page.url();

  await proxy.cut();
  const second = "大変ご不快な思いをおかけし、申し訳ございません。";
  await page.getByLabel("あなたの返答").fill(second);
  await page.getByRole("button", { name: "送信", exact: true }).click();
  await expect(page.getByTestId("unsent-reply")).toContainText(second);
  // Reloaded while the database is away (the page itself cannot be drawn then), and again once it is back.
  await page.reload();
  await proxy.open();
  await page.goto(callUrl);
  await expect(call.replies).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByTestId("unsent-reply")).toHaveCount(0);
  expect(await operatorTexts(page, call.callId)).toEqual([first, second]);

  // Words typed and not sent come back after a reload too, and only on this call.
  const typed = "恐れ入りますが、ご注文番号を";
  await page.getByLabel("あなたの返答").fill(typed);
  await page.reload();
  await expect(page.getByLabel("あなたの返答")).toHaveValue(typed);
  await call.startFromCatalog("angry-broken-bottle");
  await expect(page.getByLabel("あなたの返答")).toHaveValue("");
  expect(await operatorTexts(page, call.callId)).toEqual([]);
});
