import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { CallPage } from "../pages/call-page";
import { demo, SignInPage } from "../pages/sign-in-page";
import { AppServer } from "./app-server";
import { faultsPort } from "./ports";

interface StoredCall {
  status: string;
  mood: Record<string, number>;
  turns: { seq: number; role: string; text: string; mood: Record<string, number> | null }[];
}

const readCall = async (page: Page, id: string): Promise<StoredCall> => {
  const response = await page.request.get(`/api/calls/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StoredCall;
};

const server = new AppServer({
  port: faultsPort,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "kikite-faults-restart-")),
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
});

test("kill -9 mid-call, then a restart: every turn and the mood are there and the call goes on", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await new SignInPage(page).signInAs(demo.trainee1);
  const call = new CallPage(page);
  await call.startFromCatalog("angry-broken-bottle");
  await call.replyWhenCallerFinishes("さようでございますか。瓶が割れて届いたのですね。");
  await call.replyWhenCallerFinishes("大変ご不快な思いをおかけし、申し訳ございません。");
  const before = await readCall(page, call.callId);
  expect(before.turns.filter((t) => t.role === "operator")).toHaveLength(2);

  // No shutdown, no flush: whatever the server acknowledged must already be on disk.
  await server.kill9();
  await server.start();

  const after = await readCall(page, call.callId);
  expect(after.status).toBe("active");
  expect(after.turns).toEqual(before.turns);
  expect(after.mood).toEqual(before.mood);

  // The open page resumes the same call with every turn, and the next reply is answered.
  await page.reload();
  await expect(call.replies).toHaveCount(2);
  const callerLines = after.turns.filter((t) => t.role === "caller").length;
  await call.replyWhenCallerFinishes("恐れ入りますが、ご注文番号を教えていただけますでしょうか。");
  await expect
    .poll(async () => (await readCall(page, call.callId)).turns.length)
    .toBeGreaterThan(after.turns.length + 1);
  const resumed = await readCall(page, call.callId);
  expect(resumed.turns.slice(0, after.turns.length)).toEqual(after.turns);
  expect(resumed.turns.filter((t) => t.role === "caller").length).toBeGreaterThan(callerLines);
});
