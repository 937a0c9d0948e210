import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { startRoundRobinProxy } from "../../scripts/bench-proxy";
import { expect, test } from "../fixtures";
import { DEMO_PASSWORD, demo, SignInPage } from "../pages/sign-in-page";
import { AppServer } from "./app-server";
import { faultsPort } from "./ports";

// Kikite behind a proxy or load balancer, without AUTH_URL: `next start --hostname` gives a route the
// instance's own address, which Auth.js took for its base URL, so its sign-in redirects pointed at the
// instance and a callbackUrl on the public origin was dropped. Here the instance sits behind the bench's
// proxy (it keeps Host and sets X-Forwarded-*), declared with KIKITE_TRUSTED_PROXIES=1.

const proxyPort = faultsPort + 2;
const proxyBase = `http://127.0.0.1:${proxyPort}`;
const server = new AppServer({
  port: faultsPort,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "kikite-faults-proxy-")),
  env: { AUTH_URL: undefined, KIKITE_TRUSTED_PROXIES: "1" },
});
let proxy: http.Server;

test.use({ baseURL: proxyBase });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await server.start();
  proxy = await startRoundRobinProxy(proxyPort, [{ host: "127.0.0.1", port: faultsPort }]);
});
test.afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await server.stop();
});

test("Auth.js redirects to the public origin and keeps a callbackUrl there", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: proxyBase });
  const signInWith = async (callbackUrl: string) => {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await api.post("/api/auth/callback/credentials", {
      form: { email: demo.trainee1.email, password: DEMO_PASSWORD, csrfToken, callbackUrl },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(302);
    return answer.headers().location;
  };
  expect(await signInWith(`${proxyBase}/history`)).toBe(`${proxyBase}/history`);
  expect(await signInWith("/history?page=2")).toBe(`${proxyBase}/history?page=2`);
  // Never the instance behind the proxy, never another site.
  expect(await signInWith(`http://127.0.0.1:${faultsPort}/history`)).toBe(`${proxyBase}/`);
  expect(await signInWith("https://evil.example/history")).toBe(`${proxyBase}/`);

  // Auth.js's own sign-in address sends to the sign-in page with the callback on the public origin.
  const signInPage = await api.get("/api/auth/signin?callbackUrl=%2Fhistory", { maxRedirects: 0 });
  expect(signInPage.headers().location).toBe(
    `/signin?callbackUrl=${encodeURIComponent(`${proxyBase}/history`)}`,
  );
  await api.dispose();
});

test("a load balancer that rewrites Host: the declared proxy's forwarded host and protocol", async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({
    baseURL: server.baseURL,
    extraHTTPHeaders: { "x-forwarded-host": "kikite.example.jp", "x-forwarded-proto": "https" },
  });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await api.post("/api/auth/callback/credentials", {
    form: {
      email: demo.trainee1.email,
      password: DEMO_PASSWORD,
      csrfToken,
      callbackUrl: "https://kikite.example.jp/history",
    },
    maxRedirects: 0,
  });
  expect(answer.headers().location).toBe("https://kikite.example.jp/history");
  const signInPage = await api.get("/api/auth/signin?callbackUrl=%2Fhistory", { maxRedirects: 0 });
  expect(signInPage.headers().location).toBe(
    `/signin?callbackUrl=${encodeURIComponent("https://kikite.example.jp/history")}`,
  );
  await api.dispose();
});

test("a page asked for through the proxy opens after signing in, on the proxy's origin", async ({ page }) => {
  await page.goto("/history");
  await expect(page).toHaveURL(`${proxyBase}/signin?callbackUrl=%2Fhistory`);
  await new SignInPage(page).signIn(demo.trainee1.email);
  await expect(page).toHaveURL(`${proxyBase}/history`);
  await expect(page.getByTestId("current-user")).toContainText(demo.trainee1.name);
});
