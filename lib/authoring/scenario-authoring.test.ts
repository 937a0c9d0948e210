import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import { listPlayableScenarios, syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import type { DbHandle } from "@/lib/db/open-database";
import { AppError } from "@/lib/errors";
import { createTestTeam, createTestUser } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import {
  createScenarioDraft,
  duplicateScenario,
  exportScenarioYaml,
  getEditableScenario,
  importScenarioYaml,
  listAuthoringScenarios,
  publishScenario,
  saveScenarioDraft,
  setScenarioArchived,
} from "./scenario-authoring";
import { setYamlField } from "./yaml-fields";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabaseTargets())("scenario authoring on $name", (target) => {
  let handle: DbHandle;
  let trainer: SessionUser;
  let otherTrainer: SessionUser;
  let trainee: SessionUser;
  let loneTrainer: SessionUser;
  let builtInId: string;

  beforeAll(async () => {
    handle = await target.open();
    await syncBuiltInScenarios(handle.db);
    const teamA = await createTestTeam(handle.db, "チームA", 1);
    const teamB = await createTestTeam(handle.db, "チームB", 0);
    trainer = await createTestUser(handle.db, { name: "トレーナーA", role: "trainer", team: teamA.team });
    trainee = teamA.trainees[0]!;
    otherTrainer = teamB.trainer;
    loneTrainer = await createTestUser(handle.db, { name: "トレーナーC", role: "trainer", team: null });
    const { builtIns } = await listAuthoringScenarios(handle.db, trainer);
    builtInId = builtIns.find((b) => b.builtInId === "angry-broken-bottle")!.id;
  });
  afterAll(() => handle.close());

  it("creates a valid draft from the starter template, unseen by trainees until published", async () => {
    const { id } = await createScenarioDraft(handle.db, trainer);
    const draft = await getEditableScenario(handle.db, trainer, id);
    expect(draft).toMatchObject({ status: "draft", latestVersion: null, title: "新しいシナリオ" });
    const catalog = await listPlayableScenarios(handle.db, trainee);
    expect(catalog.some((entry) => entry.scenarioId === id)).toBe(false);

    const titled = setYamlField(draft.yaml, ["title"], "遅延のお問い合わせ");
    expect((await saveScenarioDraft(handle.db, trainer, id, titled)).issues).toEqual([]);
    expect(await publishScenario(handle.db, trainer, id)).toMatchObject({ version: 1 });
    const after = await listPlayableScenarios(handle.db, trainee);
    expect(after.find((entry) => entry.scenarioId === id)).toMatchObject({
      title: "遅延のお問い合わせ",
      version: 1,
      builtIn: false,
    });
    // Another team's trainees never see it.
    const other = await listPlayableScenarios(handle.db, { ...otherTrainer, role: "trainee" });
    expect(other.some((entry) => entry.scenarioId === id)).toBe(false);
  });

  it("keeps a broken draft as written, reports located issues and refuses to publish it", async () => {
    const { id } = await createScenarioDraft(handle.db, trainer);
    const { yaml } = await getEditableScenario(handle.db, trainer, id);
    const broken = yaml.replace("- to: calmer", "- to: calmr");
    const saved = await saveScenarioDraft(handle.db, trainer, id, broken);
    const issue = saved.issues.find((i) => i.message.includes("calmr"));
    expect(issue?.path).toBe("nodes.opening.transitions[0].to");
    expect(broken.split("\n")[issue!.line - 1]).toContain("calmr");
    expect((await getEditableScenario(handle.db, trainer, id)).yaml).toBe(broken);
    const refused = await rejection(publishScenario(handle.db, trainer, id));
    expect(refused.status).toBe(422);
    expect(refused.details).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({
          path: "nodes.opening.transitions[0].to",
          messageJa: '遷移先のノード "calmr" がありません',
        }),
      ]),
    });

    const notYaml = "title: [unclosed";
    const [yamlIssue] = (await saveScenarioDraft(handle.db, trainer, id, notYaml)).issues;
    expect(yamlIssue?.message).toMatch(/^YAML:/);
    expect(yamlIssue?.messageJa).toBe(
      "YAML の書き方に誤りがあります：「[」で始めたリストが「]」で閉じられていません",
    );
    expect((await getEditableScenario(handle.db, trainer, id)).yaml).toBe(notYaml);
  });

  it("publishes new versions while old versions stay as they were", async () => {
    const { id } = await createScenarioDraft(handle.db, trainer);
    const v1 = await publishScenario(handle.db, trainer, id);
    const { yaml } = await getEditableScenario(handle.db, trainer, id);
    const conflict = await rejection(publishScenario(handle.db, trainer, id));
    expect(conflict.status).toBe(409);
    const v2 = await publishScenario(handle.db, trainer, id, setYamlField(yaml, ["title"], "第二版"));
    expect(v2.version).toBe(2);
    expect(v2.versionId).not.toBe(v1.versionId);
    expect((await exportScenarioYaml(handle.db, trainer, id, 1)).yaml).toBe(yaml);
    const editable = await getEditableScenario(handle.db, trainer, id);
    expect(editable).toMatchObject({ status: "published", latestVersion: 2, unpublishedChanges: false });
    expect(editable.versions.map((v) => [v.version, v.publishedBy])).toEqual([
      [2, "トレーナーA"],
      [1, "トレーナーA"],
    ]);
  });

  it("duplicates a built-in as a renamed draft that can be published beside the original", async () => {
    const { id } = await duplicateScenario(handle.db, trainer, builtInId);
    const copy = await getEditableScenario(handle.db, trainer, id);
    expect(copy.title).toBe("定期便の瓶が割れていた（コピー）");
    expect(copy.yaml).toMatch(/^id: angry-broken-bottle-[0-9a-z]{6}$/m);
    expect(copy.yaml).toContain("# yaml-language-server");
    await publishScenario(handle.db, trainer, id);
    const catalog = await listPlayableScenarios(handle.db, trainee);
    expect(catalog.filter((e) => e.title.startsWith("定期便の瓶が割れていた"))).toHaveLength(2);
  });

  it("refuses to publish an id another playable scenario uses", async () => {
    const { yaml } = await exportScenarioYaml(handle.db, trainer, builtInId);
    const { id, issues } = await importScenarioYaml(handle.db, trainer, yaml);
    expect(issues).toEqual([]);
    expect((await rejection(publishScenario(handle.db, trainer, id))).status).toBe(409);
  });

  it("imports invalid YAML as a draft with its problems, and exports with a safe file name", async () => {
    const { id, issues } = await importScenarioYaml(handle.db, trainer, "id: 壊れた/../x\ntitle: 途中\n");
    expect(issues.map((issue) => issue.messageJa)).toContain(
      'ID は英字で始め、英字・数字・「_」「-」だけで書いてください（"壊れた/../x" になっています）',
    );
    const file = await exportScenarioYaml(handle.db, trainer, id);
    expect(file).toEqual({ fileName: "_______x.yaml", yaml: "id: 壊れた/../x\ntitle: 途中\n" });
    expect((await getEditableScenario(handle.db, trainer, id)).title).toBe("途中");
  });

  it("archives a scenario out of the catalog and back", async () => {
    const { id } = await createScenarioDraft(handle.db, trainer);
    await publishScenario(handle.db, trainer, id);
    await setScenarioArchived(handle.db, trainer, id, true);
    expect((await listPlayableScenarios(handle.db, trainee)).some((e) => e.scenarioId === id)).toBe(false);
    const { team } = await listAuthoringScenarios(handle.db, trainer);
    expect(team.find((s) => s.id === id)?.status).toBe("archived");
    await setScenarioArchived(handle.db, trainer, id, false);
    expect((await listPlayableScenarios(handle.db, trainee)).some((e) => e.scenarioId === id)).toBe(true);
  });

  it("answers another team's scenario as not found, and refuses trainees and team-less trainers", async () => {
    const { id } = await createScenarioDraft(handle.db, trainer);
    // One at a time: a rejected promise must be awaited before the next one is made.
    const attempts = [
      () => getEditableScenario(handle.db, otherTrainer, id),
      () => saveScenarioDraft(handle.db, otherTrainer, id, "x: 1"),
      () => publishScenario(handle.db, otherTrainer, id),
      () => setScenarioArchived(handle.db, otherTrainer, id, true),
      () => exportScenarioYaml(handle.db, otherTrainer, id),
      () => duplicateScenario(handle.db, otherTrainer, id),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).status).toBe(404);
    expect((await listAuthoringScenarios(handle.db, otherTrainer)).team.some((s) => s.id === id)).toBe(false);
    expect((await rejection(getEditableScenario(handle.db, trainee, id))).status).toBe(403);
    expect((await rejection(createScenarioDraft(handle.db, trainee))).status).toBe(403);
    const lone = await rejection(createScenarioDraft(handle.db, loneTrainer));
    expect(lone).toMatchObject({ status: 403, message: expect.stringContaining("チームを作成") });
  });
});
