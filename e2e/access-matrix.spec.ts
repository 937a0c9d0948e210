import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { csvRecords } from "@/lib/testing/parse-csv";
import { encodeWav, synthesizeParts } from "../lib/speech/testing/synthetic-audio";
import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";
import { signUpThroughInvite } from "./pages/team-pages";

// Two teams and two trainees: the demo team (A: its trainer, trainee1, trainee2) and a team B that the
// admin creates here, with a trainer and a trainee who join through invite links. The demo accounts'
// team and role are never changed (other spec files use them at the same time).

interface Side {
  page: Page;
  context: BrowserContext;
}

async function signedIn(
  browser: import("@playwright/test").Browser,
  account: { email: string; name: string },
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signInAs(account);
  return { context, page };
}

/** Starts a call of a built-in scenario through the API and hangs up: an ended call with a scorecard. */
async function endedCall(request: APIRequestContext, slug: string): Promise<string> {
  const catalog = (await (await request.get("/api/scenarios")).json()) as {
    scenarios: { scenarioId: string; slug: string }[];
  };
  const scenarioId = catalog.scenarios.find((s) => s.slug === slug)!.scenarioId;
  const started = await request.post("/api/calls", { data: { scenarioId } });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  expect((await request.post(`/api/calls/${id}/end`)).status()).toBe(200);
  return id;
}

test("who sees what across two teams and two trainees", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const sides: Side[] = [];

  // The admin creates team B in the admin page and invites its trainer there, its trainee by the API.
  const admin = await signedIn(browser, demo.admin);
  sides.push(admin);
  const teamName = `大阪センター ${stamp}`;
  await admin.page.goto("/admin");
  await admin.page.getByLabel("新しいチーム").fill(teamName);
  await admin.page.getByTestId("admin-create-team").getByRole("button", { name: "チームを作成" }).click();
  await expect(admin.page.getByTestId("admin-teams")).toContainText(teamName);
  const teams = (await (await admin.page.request.get("/api/admin/teams")).json()) as {
    teams: { id: string; name: string }[];
  };
  const teamB = teams.teams.find((t) => t.name === teamName)!;
  await admin.page.getByLabel("チーム", { exact: true }).selectOption({ label: teamName });
  await admin.page.getByLabel("役割", { exact: true }).selectOption({ label: "トレーナー" });
  await admin.page.getByRole("button", { name: "招待リンクを作成" }).click();
  const trainerLink = await admin.page.getByTestId("invite-link").inputValue();
  const traineeInvite = await admin.page.request.post(`/api/admin/teams/${teamB.id}/invites`, {
    data: { role: "trainee" },
  });
  expect(traineeInvite.status()).toBe(201);
  const traineeLink = ((await traineeInvite.json()) as { link: string }).link;

  const trainerBAccount = { name: "大阪 トレーナー", email: `trainer-b-${stamp}@example.com` };
  const traineeBAccount = { name: "大阪 研修生", email: `trainee-b-${stamp}@example.com` };
  const trainerB = await signUpThroughInvite(browser, trainerLink, trainerBAccount);
  const traineeB = await signUpThroughInvite(browser, traineeLink, traineeBAccount);
  sides.push(trainerB, traineeB);
  await expect(trainerB.page.getByTestId("team-heading")).toHaveText(teamName);
  await expect(traineeB.page.getByTestId("team-name")).toHaveText(teamName);

  const trainerA = await signedIn(browser, demo.trainer);
  const trainee1 = await signedIn(browser, demo.trainee1);
  const trainee2 = await signedIn(browser, demo.trainee2);
  sides.push(trainerA, trainee1, trainee2);

  // Each side has a call, a comment and an assignment.
  const callA = await endedCall(trainee1.page.request, "angry-cancel-minimum");
  const callB = await endedCall(traineeB.page.request, "angry-cancel-minimum");
  // Calls ended at once have only the caller's opening line (seq 0): comments may be on any turn.
  const seqA = 0;
  const seqB = 0;
  expect(
    (
      await trainerB.page.request.post(`/api/calls/${callB}/comments`, {
        data: { seq: seqB, body: "B の指摘" },
      })
    ).status(),
  ).toBe(201);
  expect(
    (
      await trainerA.page.request.post(`/api/calls/${callA}/comments`, {
        data: { seq: seqA, body: "A の指摘" },
      })
    ).status(),
  ).toBe(201);
  const users = (await (await admin.page.request.get("/api/admin/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const traineeBId = users.users.find((u) => u.email === traineeBAccount.email)!.id;
  const scenarios = (await (await traineeB.page.request.get("/api/scenarios")).json()) as {
    scenarios: { scenarioId: string }[];
  };
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  const assignmentB = await trainerB.page.request.post("/api/trainer/assignments", {
    data: { scenarioId: scenarios.scenarios[0]!.scenarioId, traineeIds: [traineeBId], dueAt },
  });
  expect(assignmentB.status()).toBe(201);
  const assignmentBId = ((await assignmentB.json()) as { ids: string[] }).ids[0]!;

  await test.step("a trainee reaches no trainer page or API", async () => {
    for (const path of ["/trainer", "/admin", `/trainer?team=${teamB.id}`]) {
      expect((await trainee1.page.goto(path))?.status()).toBe(403);
    }
    const request = trainee1.page.request;
    for (const path of [
      "/api/trainer/calls",
      "/api/trainer/results.csv",
      "/api/trainer/assignments",
      "/api/admin/teams",
      "/api/admin/users",
    ]) {
      expect((await request.get(path)).status(), path).toBe(403);
    }
    expect((await request.post("/api/trainer/assignments", { data: {} })).status()).toBe(403);
    expect((await request.delete(`/api/trainer/assignments/${assignmentBId}`)).status()).toBe(403);
    // Even on their own call, a trainee cannot comment or override.
    expect(
      (await request.post(`/api/calls/${callA}/comments`, { data: { seq: seqA, body: "x" } })).status(),
    ).toBe(403);
    expect(
      (
        await request.put(`/api/calls/${callA}/overrides/${seqA}/empathy`, {
          data: { value: true, reason: "x" },
        })
      ).status(),
    ).toBe(403);
  });

  await test.step("trainer A sees nothing of team B", async () => {
    const { page } = trainerA;
    const request = page.request;
    expect((await page.goto(`/calls/${callB}/review`))?.status()).toBe(404);
    expect((await page.goto(`/trainer?team=${teamB.id}`))?.status()).toBe(404);
    expect((await request.get(`/api/calls/${callB}/comments`)).status()).toBe(404);
    expect(
      (await request.post(`/api/calls/${callB}/comments`, { data: { seq: seqB, body: "x" } })).status(),
    ).toBe(404);
    expect((await request.get(`/api/calls/${callB}/overrides`)).status()).toBe(404);
    expect(
      (
        await request.put(`/api/calls/${callB}/overrides/${seqB}/empathy`, {
          data: { value: true, reason: "x" },
        })
      ).status(),
    ).toBe(404);
    expect((await request.delete(`/api/calls/${callB}/overrides/${seqB}/empathy`)).status()).toBe(404);
    expect((await request.delete(`/api/trainer/assignments/${assignmentBId}`)).status()).toBe(404);
    expect((await request.get(`/api/trainer/calls?team=${teamB.id}`)).status()).toBe(404);
    expect((await request.get(`/api/trainer/results.csv?team=${teamB.id}`)).status()).toBe(404);
    expect(
      (
        await request.post("/api/trainer/assignments", {
          data: { scenarioId: scenarios.scenarios[0]!.scenarioId, traineeIds: [traineeBId], dueAt },
        })
      ).status(),
    ).toBe(404);

    const calls = (await (await request.get("/api/trainer/calls?period=all")).json()) as {
      calls: { id: string }[];
    };
    expect(calls.calls.map((c) => c.id)).toContain(callA);
    expect(calls.calls.map((c) => c.id)).not.toContain(callB);
    const assignments = (await (await request.get("/api/trainer/assignments")).json()) as {
      assignments: { id: string }[];
    };
    expect(assignments.assignments.map((a) => a.id)).not.toContain(assignmentBId);
    const csv = csvRecords(await (await request.get("/api/trainer/results.csv?period=all")).text());
    expect(csv.some((r) => r.メールアドレス === demo.trainee1.email)).toBe(true);
    expect(csv.some((r) => r.メールアドレス === traineeBAccount.email)).toBe(false);
    // Their own team's call opens.
    expect((await page.goto(`/calls/${callA}/review`))?.status()).toBe(200);
  });

  await test.step("trainer B sees team B only, and no admin page or API", async () => {
    const request = trainerB.page.request;
    expect((await trainerB.page.goto(`/calls/${callA}/review`))?.status()).toBe(404);
    expect((await request.get(`/api/calls/${callA}/comments`)).status()).toBe(404);
    const calls = (await (await request.get("/api/trainer/calls?period=all")).json()) as {
      calls: { id: string }[];
    };
    expect(calls.calls.map((c) => c.id)).toEqual([callB]);
    expect((await trainerB.page.goto("/admin"))?.status()).toBe(403);
    expect((await request.get("/api/admin/teams")).status()).toBe(403);
    expect((await request.post("/api/admin/teams", { data: { name: "勝手なチーム" } })).status()).toBe(403);
    expect((await request.patch(`/api/admin/teams/${teamB.id}`, { data: { name: "改名" } })).status()).toBe(
      403,
    );
    expect(
      (await request.patch(`/api/admin/users/${traineeBId}`, { data: { role: "trainer" } })).status(),
    ).toBe(403);
    expect((await request.post(`/api/admin/teams/${teamB.id}/invites`, { data: {} })).status()).toBe(403);
  });

  await test.step("a trainee sees neither another trainee's call nor its comments", async () => {
    const request = trainee2.page.request;
    expect((await trainee2.page.goto(`/calls/${callA}/review`))?.status()).toBe(404);
    expect((await request.get(`/api/calls/${callA}`)).status()).toBe(404);
    expect((await request.get(`/api/calls/${callA}/comments`)).status()).toBe(404);
    expect((await request.get(`/api/calls/${callA}/overrides`)).status()).toBe(404);
    expect((await trainee2.page.goto(`/calls/${callA}/voice`))?.status()).toBe(404);
    const audio = Buffer.from(encodeWav(synthesizeParts([{ speechMs: 300 }]))).toString("base64");
    expect((await request.post(`/api/calls/${callA}/transcriptions`, { data: { audio } })).status()).toBe(
      404,
    );
    // The caller's voice is the owner's alone: neither another trainee nor their trainer gets it.
    expect((await request.get(`/api/calls/${callA}/speech/0`)).status()).toBe(404);
    expect((await trainerA.page.request.get(`/api/calls/${callA}/speech/0`)).status()).toBe(404);
    expect((await traineeB.page.request.get(`/api/calls/${callA}/comments`)).status()).toBe(404);
    // The owner reads the trainer's comment on their own call.
    const own = (await (await trainee1.page.request.get(`/api/calls/${callA}/comments`)).json()) as {
      comments: { body: string }[];
    };
    expect(own.comments.map((c) => c.body)).toEqual(["A の指摘"]);
  });

  await test.step("the admin opens any team's dashboard and renames a team", async () => {
    const { page } = admin;
    expect((await page.goto(`/trainer?team=${teamB.id}`))?.status()).toBe(200);
    await expect(page.getByTestId("team-heading")).toHaveText(teamName);
    await expect(page.getByTestId(`member-${traineeBAccount.email}`)).toBeVisible();
    const calls = (await (
      await page.request.get(`/api/trainer/calls?team=${teamB.id}&period=all`)
    ).json()) as {
      calls: { id: string }[];
    };
    expect(calls.calls.map((c) => c.id)).toEqual([callB]);
    await page.goto("/admin");
    const renamed = `${teamName}（改）`;
    const row = page.getByTestId(`admin-team-${teamB.id}`);
    await row.getByLabel("チーム名").fill(renamed);
    await row.getByRole("button", { name: "名前を変更" }).click();
    await expect(row.getByRole("status")).toHaveText("保存しました");
    await trainerB.page.goto("/trainer");
    await expect(trainerB.page.getByTestId("team-heading")).toHaveText(renamed);
  });

  for (const side of sides) await side.context.close();
});

/** Every page file under app/, as the URL pattern Next serves it from. */
function listPagePatterns(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return listPagePatterns(path.join(dir, entry.name), `${prefix}/${entry.name}`);
    return entry.name === "page.tsx" ? [prefix === "" ? "/" : prefix] : [];
  });
}

test("every page as anonymous, two trainees, their trainer and an admin", async ({ browser }) => {
  // 18 pages × 5 viewers on a shared 2-core machine.
  test.setTimeout(300_000);
  const pageActors = ["anonymous", "trainee1", "trainee2", "trainer", "admin"] as const;
  type PageActor = (typeof pageActors)[number];
  const sessions = new Map<PageActor, Side>();
  for (const actor of pageActors) {
    if (actor === "anonymous") {
      const context = await browser.newContext();
      sessions.set(actor, { context, page: await context.newPage() });
    } else {
      sessions.set(actor, await signedIn(browser, demo[actor]));
    }
  }
  const trainee1 = sessions.get("trainee1")!.page.request;
  const ended = await endedCall(trainee1, "angry-double-charge");
  const contestEnded = await endedCall(trainee1, "contest-ryokan-inquiry");
  const catalog = (
    (await (await trainee1.get("/api/scenarios")).json()) as {
      scenarios: { scenarioId: string; slug: string }[];
    }
  ).scenarios;
  const scenarioId = catalog[0]!.scenarioId;
  const contestId = catalog.find((s) => s.slug === "contest-ryokan-inquiry")!.scenarioId;
  const active = (
    (await (await trainee1.post("/api/calls", { data: { scenarioId } })).json()) as { id: string }
  ).id;
  const draft = await sessions
    .get("trainer")!
    .page.request.post("/api/trainer/scenarios", { data: { from: "template" } });
  expect(draft.status()).toBe(201);
  const draftId = ((await draft.json()) as { id: string }).id;

  // What each one sees: a status, "signin" when sent to sign in, or where a redirect landed.
  const home: Record<PageActor, string> = {
    anonymous: "signin",
    trainee1: "200 /practice",
    trainee2: "200 /practice",
    trainer: "200 /trainer",
    admin: "200 /admin",
  };
  const trainerPage = { anonymous: "signin", trainee1: "403", trainee2: "403", trainer: "200", admin: "200" };
  const pages: Record<string, { url: string; expected: Record<PageActor, string> }> = {
    "/": { url: "/", expected: home },
    "/signin": { url: "/signin", expected: { ...home, anonymous: "200" } },
    "/practice": { url: "/practice", expected: { ...trainerPage, trainee1: "200", trainee2: "200" } },
    "/history": { url: "/history", expected: { ...trainerPage, trainee1: "200", trainee2: "200" } },
    // The problem card: whoever may practise (as /practice).
    "/practice/contest/[scenarioId]": {
      url: `/practice/contest/${contestId}`,
      expected: { ...trainerPage, trainee1: "200", trainee2: "200" },
    },
    "/calls/[id]": {
      url: `/calls/${active}`,
      expected: { anonymous: "signin", trainee1: "200", trainee2: "404", trainer: "404", admin: "404" },
    },
    "/calls/[id]/voice": {
      url: `/calls/${active}/voice`,
      expected: { anonymous: "signin", trainee1: "200", trainee2: "404", trainer: "404", admin: "404" },
    },
    "/calls/[id]/review": {
      url: `/calls/${ended}/review`,
      expected: { anonymous: "signin", trainee1: "200", trainee2: "404", trainer: "200", admin: "200" },
    },
    // Judges: the team's trainers and admins; the trainee reads the result on the review.
    "/calls/[id]/judge": {
      url: `/calls/${contestEnded}/judge`,
      expected: { anonymous: "signin", trainee1: "403", trainee2: "403", trainer: "200", admin: "200" },
    },
    "/calls/[id]/sheet": {
      url: `/calls/${contestEnded}/sheet`,
      expected: { anonymous: "signin", trainee1: "200", trainee2: "404", trainer: "200", admin: "200" },
    },
    // The demo team's contest leaderboard stays closed to trainees (e2e/contest.spec.ts opens its own team's);
    // an admin chooses the team there.
    "/contest": {
      url: "/contest",
      expected: { anonymous: "signin", trainee1: "403", trainee2: "403", trainer: "200", admin: "200" },
    },
    "/trainer": { url: "/trainer", expected: trainerPage },
    // An admin without a team of their own authors nothing: the list says so, a draft's page sends them to it.
    "/trainer/scenarios": { url: "/trainer/scenarios", expected: trainerPage },
    "/trainer/scenarios/[id]": {
      url: `/trainer/scenarios/${draftId}`,
      expected: { ...trainerPage, admin: "200 /trainer/scenarios" },
    },
    "/admin": { url: "/admin", expected: { ...trainerPage, trainer: "403" } },
    // Open to anyone holding a link; an unknown one says so.
    "/invite/[token]": {
      url: "/invite/unknown-token-0123456789",
      expected: { anonymous: "200", trainee1: "200", trainee2: "200", trainer: "200", admin: "200" },
    },
  };
  expect(listPagePatterns().sort()).toEqual(Object.keys(pages).sort());

  const wrong: string[] = [];
  for (const [pattern, { url, expected }] of Object.entries(pages)) {
    for (const actor of pageActors) {
      const { page } = sessions.get(actor)!;
      const response = await page.goto(url);
      const landed = new URL(page.url()).pathname;
      const seen =
        landed === "/signin" && url !== "/signin"
          ? "signin"
          : landed === new URL(url, "http://x").pathname
            ? String(response?.status())
            : `${response?.status()} ${landed}`;
      if (seen !== expected[actor])
        wrong.push(`${pattern} as ${actor}: ${seen}, expected ${expected[actor]}`);
    }
  }
  expect(wrong).toEqual([]);
  for (const side of sessions.values()) await side.context.close();
});
