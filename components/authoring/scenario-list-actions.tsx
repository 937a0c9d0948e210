"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { alertErrorClass, buttonClass, dangerButtonClass, secondaryButtonClass } from "@/components/ui";
import { callAuthoringApi } from "./authoring-client";

// The buttons of the scenario list: each makes a draft through the API and opens it in the editor.

type CreateBody =
  | { from: "template" }
  | { from: "scenario"; scenarioId: string }
  | { from: "yaml"; yaml: string };

function useCreateDraft() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const create = async (body: CreateBody) => {
    setPending(true);
    setError(null);
    const answer = await callAuthoringApi<{ id: string }>("/api/trainer/scenarios", "POST", body);
    if (answer.ok) router.push(`/trainer/scenarios/${answer.data.id}`);
    else {
      setError(answer.message);
      setPending(false);
    }
  };
  return { create, error, pending };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className={alertErrorClass}>
      {error}
    </p>
  ) : null;
}

/** 新規作成 and YAMLを読み込む. */
export function NewScenarioActions() {
  const { create, error, pending } = useCreateDraft();
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    await create({ from: "yaml", yaml: await file.text() });
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={pending}
          onClick={() => void create({ from: "template" })}
        >
          新規作成
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() => fileInput.current?.click()}
        >
          YAMLを読み込む
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="sr-only"
          aria-label="読み込む YAML ファイル"
          data-testid="import-yaml-input"
          onChange={(event) => void importFile(event.target.files?.[0])}
        />
      </div>
      <ErrorLine error={error} />
    </div>
  );
}

/** 複製して編集 on a built-in (or team) scenario. */
export function DuplicateScenarioButton({ scenarioId, title }: { scenarioId: string; title: string }) {
  const { create, error, pending } = useCreateDraft();
  return (
    <div className="space-y-1">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`「${title}」を複製して編集`}
        onClick={() => void create({ from: "scenario", scenarioId })}
      >
        複製して編集
      </button>
      <ErrorLine error={error} />
    </div>
  );
}

/** アーカイブ / 元に戻す. */
export function ArchiveScenarioButton({ scenarioId, archived }: { scenarioId: string; archived: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    const answer = await callAuthoringApi(`/api/trainer/scenarios/${scenarioId}/archive`, "POST", {
      archived: !archived,
    });
    if (answer.ok) router.refresh();
    else setError(answer.message);
  };
  return (
    <>
      <button
        type="button"
        className={archived ? secondaryButtonClass : dangerButtonClass}
        onClick={() => void toggle()}
      >
        {archived ? "アーカイブから戻す" : "アーカイブ"}
      </button>
      <ErrorLine error={error} />
    </>
  );
}
