"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  alertErrorClass,
  alertInfoClass,
  buttonClass,
  cardClass,
  secondaryButtonClass,
} from "@/components/ui";
import { readScenarioGraph, type ScenarioGraph } from "@/lib/authoring/scenario-graph";
import { loadScenario } from "@/lib/scenario/load-scenario";
import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";
import { callAuthoringApi } from "./authoring-client";
import { IssueList } from "./issue-list";
import { PlaytestPanel } from "./playtest-panel";
import { ScenarioDiagram } from "./scenario-diagram";
import { ScenarioForm } from "./scenario-form";
import { YamlEditor, type YamlEditorHandle } from "./yaml-editor";

/** How long typing pauses before the YAML is checked again. */
const VALIDATE_DELAY_MS = 250;

interface Checked {
  issues: ScenarioIssue[];
  /** The last diagram that could be read: it stays while the YAML is briefly broken. */
  graph: ScenarioGraph | null;
}

function check(yaml: string, previous: ScenarioGraph | null): Checked {
  const result = loadScenario(yaml, "scenario.yaml");
  return { issues: result.ok ? [] : result.issues, graph: readScenarioGraph(yaml) ?? previous };
}

type Notice = { kind: "info" | "error"; text: string } | null;

/** The editor: form and YAML side by side, live checks, the diagram, a playtest, save and publish. */
export function ScenarioEditor({ scenarioId, initialYaml }: { scenarioId: string; initialYaml: string }) {
  const router = useRouter();
  const [yaml, setYaml] = useState(initialYaml);
  const [savedYaml, setSavedYaml] = useState(initialYaml);
  const [checked, setChecked] = useState<Checked>(() => check(initialYaml, null));
  const [notice, setNotice] = useState<Notice>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const pending = sending || refreshing;
  const yamlEditor = useRef<YamlEditorHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setChecked((previous) => check(yaml, previous.graph)), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [yaml]);

  const dirty = yaml !== savedYaml;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Saving and publishing both send the text as it is now and report what the server said.
  const submit = async <T,>(path: string, method: string, noticeFor: (data: T) => string) => {
    const sent = yaml;
    setSending(true);
    const answer = await callAuthoringApi<T>(path, method, { yaml: sent });
    setSending(false);
    if (!answer.ok) {
      setNotice({ kind: "error", text: answer.message });
      return;
    }
    // One transition: the notice appears with the page's refreshed status badge and title, never
    // 「公開しました」 above a badge that still says 下書き.
    startRefresh(() => {
      setSavedYaml(sent);
      setNotice({ kind: "info", text: noticeFor(answer.data) });
      router.refresh();
    });
  };
  const save = () =>
    submit<{ issues: ScenarioIssue[] }>(`/api/trainer/scenarios/${scenarioId}`, "PUT", ({ issues }) =>
      issues.length > 0
        ? `下書きを保存しました（問題が ${issues.length} 件あります）。`
        : "下書きを保存しました。",
    );
  const publish = () =>
    submit<{ version: number }>(
      `/api/trainer/scenarios/${scenarioId}/publish`,
      "POST",
      ({ version }) => `v${version} を公開しました。研修生の「練習する」に表示されます。`,
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => void save()}>
          下書きを保存
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={pending || checked.issues.length > 0}
          onClick={() => void publish()}
        >
          公開する
        </button>
        <span className="text-sm text-slate-500" data-testid="save-state">
          {dirty ? "未保存の変更があります" : "保存済み"}
        </span>
      </div>
      {notice && (
        <p
          role={notice.kind === "error" ? "alert" : "status"}
          className={notice.kind === "error" ? alertErrorClass : alertInfoClass}
        >
          {notice.text}
        </p>
      )}
      <IssueList
        issues={checked.issues}
        onSelect={(issue) => yamlEditor.current?.jumpTo(issue.line, issue.column)}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="form-heading" className={cardClass}>
          <h2 id="form-heading" className="mb-3 font-semibold">
            フォーム
          </h2>
          <ScenarioForm yaml={yaml} onChange={setYaml} />
        </section>
        <section aria-labelledby="yaml-heading" className={`${cardClass} self-start lg:sticky lg:top-4`}>
          <h2 id="yaml-heading" className="mb-3 font-semibold">
            YAML
          </h2>
          <YamlEditor ref={yamlEditor} value={yaml} onChange={setYaml} issues={checked.issues} />
        </section>
      </div>

      <div className="space-y-4">
        <section aria-labelledby="diagram-heading" className={cardClass}>
          <h2 id="diagram-heading" className="mb-3 font-semibold">
            流れ図
          </h2>
          <ScenarioDiagram graph={checked.graph} />
        </section>
        <section aria-labelledby="playtest-heading" className={cardClass}>
          <h2 id="playtest-heading" className="mb-3 font-semibold">
            試し通話
          </h2>
          <PlaytestPanel yaml={yaml} canRun={checked.issues.length === 0} />
        </section>
      </div>
    </div>
  );
}
