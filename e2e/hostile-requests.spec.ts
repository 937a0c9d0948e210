import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CallPage } from "./pages/call-page";
import { DEMO_PASSWORD, demo, SignInPage } from "./pages/sign-in-page";

// Requests a signed-in trainee's browser is made to send by someone else, and text no one types.

/** A page on another port of the same host: same-site, so the browser sends Kikite's Lax cookie. */
async function startAttackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The trainee's calls of one scenario: other specs sign in as the same trainee and start calls of their own. */
async function callIdsOf(request: APIRequestContext, scenarioId: string): Promise<string[]> {
  const response = await request.get("/api/calls");
  expect(response.status()).toBe(200);
  const { calls } = (await response.json()) as { calls: { id: string; scenarioId: string }[] };
  return calls.filter((c) => c.scenarioId === scenarioId).map((c) => c.id);
}

async function scenarioIdOf(request: APIRequestContext, slug: string): Promise<string> {
  const catalog = (await (await request.get("/api/scenarios")).json()) as {
    scenarios: { scenarioId: string; slug: string }[];
  };
  return catalog.scenarios.find((s) => s.slug === slug)!.scenarioId;
}

test("a page on another port cannot hang up, reply or start a call in the trainee's name", async ({
  page,
  baseURL,
}) => {
  await new SignInPage(page).signInAs(demo.trainee2);
  const call = new CallPage(page);
  // A scenario no other spec plays, so a call of it that appears can only be the attacker's.
  const slug = "lonely-widow-daily";
  await call.startFromCatalog(slug);
  const callId = call.callId;
  const scenarioId = await scenarioIdOf(page.request, slug);
  const before = await callIdsOf(page.request, scenarioId);

  // The probe's attack: a plain form post (text/plain smuggles a JSON-looking body), and fetches
  // that need no preflight.
  const attacker = await startAttackerSite(`<!doctype html><meta charset="utf-8">
    <form id="f" method="post" enctype="text/plain" action="${baseURL}/api/calls/${callId}/end">
      <input name='{"x":"' value='"}'>
    </form>
    <script>
      const body = JSON.stringify({ text: "勝手な返答です" });
      Promise.all([
        fetch("${baseURL}/api/calls/${callId}/replies", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body }),
        fetch("${baseURL}/api/calls", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: JSON.stringify({ scenarioId: "${scenarioId}" }) }),
      ]).finally(() => document.getElementById("f").submit());
    </script>`);
  try {
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/calls/${callId}/end`));
    const replies = page.waitForResponse((r) => r.url().endsWith(`/api/calls/${callId}/replies`));
    const started = page.waitForResponse((r) => r.url() === `${baseURL}/api/calls`);
    await page.goto(attacker.url);
    // The browser did send the session cookie (same-site), and said where the request came from.
    const form = await (await refused).request().allHeaders();
    expect(form.cookie).toContain("authjs.session-token=");
    expect(form["sec-fetch-site"]).toBe("same-site");
    for (const response of [await refused, await replies, await started]) expect(response.status()).toBe(403);
    await expect(page.getByText("このページ以外から送信されたため")).toBeVisible();
  } finally {
    await attacker.close();
  }

  // Nothing happened: the call is still live, with no reply, and no call was started.
  const view = (await (await page.request.get(`/api/calls/${callId}`)).json()) as {
    status: string;
    turns: { role: string }[];
  };
  expect(view.status).toBe("active");
  expect(view.turns.filter((t) => t.role === "operator")).toHaveLength(0);
  expect(await callIdsOf(page.request, scenarioId)).toEqual(before);
});

/** The next server action request the page sends, stopped before it reaches the server. */
async function captureServerAction(page: Page, trigger: () => Promise<void>) {
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(
    (url) => url.pathname === "/practice",
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
      await route.abort();
    },
  );
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute((url) => url.pathname === "/practice");
  return captured!;
}

test("Next.js refuses a server action whose Origin is not this host (Origin vs Host)", async ({
  page,
  baseURL,
}) => {
  await new SignInPage(page).signInAs(demo.trainee2);
  await page.goto("/practice");
  // A scenario no other spec plays: other specs sign in as this trainee and start calls at the same time.
  const slug = "angry-demand-supervisor";
  const scenarioId = await scenarioIdOf(page.request, slug);
  const callsOfScenario = async () => {
    const response = await page.request.get("/api/calls");
    expect(response.status()).toBe(200);
    const { calls } = (await response.json()) as { calls: { id: string; scenarioId: string }[] };
    return calls.filter((c) => c.scenarioId === scenarioId).map((c) => c.id);
  };
  const action = await captureServerAction(page, () =>
    page.getByTestId(`scenario-${slug}`).getByRole("button", { name: "電話に出る" }).click(),
  );
  const before = await callsOfScenario();
  const replay = (origin: string) => {
    const { host: _host, "content-length": _length, cookie: _cookie, ...headers } = action.headers;
    return page.request.post(action.url, {
      headers: { ...headers, origin },
      data: action.body,
      maxRedirects: 0,
    });
  };

  for (const foreign of ["http://127.0.0.1:3999", "https://evil.example"]) {
    const refused = await replay(foreign);
    expect(refused.status()).toBe(500);
    expect(await callsOfScenario()).toEqual(before);
  }
  // The same request from the app's own origin starts the call: the refusal above was the Origin's.
  const accepted = await replay(new URL(baseURL!).origin);
  expect(accepted.status()).toBeLessThan(400);
  await expect.poll(async () => (await callsOfScenario()).length).toBe(before.length + 1);
});

test.describe("control characters in the sign-in form", () => {
  test("a NUL in the email or the password is a wrong login, not a server error", async ({ page }) => {
    const signIn = new SignInPage(page);
    for (const [email, password] of [
      [`${demo.trainee1.email}\u0000`, DEMO_PASSWORD],
      [demo.trainee1.email, `${DEMO_PASSWORD}\u0000`],
    ] as const) {
      await signIn.goto();
      await signIn.signIn(email, password);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "メールアドレスまたはパスワードが正しくありません。",
      );
    }
  });

  test("posted straight to Auth.js, a NUL lands on the wrong-login message, not error=Configuration", async ({
    request,
  }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const [email, password] of [
      [`${demo.trainee1.email}\u0000`, DEMO_PASSWORD],
      [demo.trainee1.email, `${DEMO_PASSWORD}\u0000`],
    ] as const) {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password, callbackUrl: "/" },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      const location = response.headers().location ?? "";
      expect(location).toContain("error=CredentialsSignin");
      expect(location).not.toContain("Configuration");
    }
  });
});
