"use client";

import { type ReactNode, useMemo, useState } from "react";
import { difficultyLabels, personaKindLabels } from "@/components/labels-ja";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui";
import { addFormEntry, type FormEntryKind, removeFormEntry } from "@/lib/authoring/yaml-entries";
import { type FieldPath, readFormFields, setYamlField } from "@/lib/authoring/yaml-fields";

/**
 * The form view of the main fields. It reads its values from the YAML text and writes each edit back
 * into it (one value, or one whole fact, goal or node, at a time), so the YAML view stays the whole
 * truth, comments included.
 */
export function ScenarioForm({ yaml, onChange }: { yaml: string; onChange: (yaml: string) => void }) {
  const fields = useMemo(() => readFormFields(yaml), [yaml]);
  if (!fields) {
    return (
      <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="form-unavailable">
        YAML の書き方に誤りがあるため、フォームを表示できません。右の YAML を修正してください。
      </p>
    );
  }
  const set = (path: FieldPath, value: unknown) => onChange(setYamlField(yaml, path, value));
  const remove = (kind: FormEntryKind, id: string) => onChange(removeFormEntry(yaml, kind, id));
  const setNumber = (path: FieldPath, raw: string, optional = false) => {
    const trimmed = raw.trim();
    if (trimmed === "" && optional) set(path, undefined);
    else set(path, trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed);
  };

  return (
    <div className="space-y-4" data-testid="scenario-form">
      <TextField label="タイトル" value={fields.title} onChange={(v) => set(["title"], v)} />
      <label className="block">
        <span className={labelClass}>説明（研修生に表示されます）</span>
        <textarea
          className={inputClass}
          rows={3}
          value={fields.description}
          onChange={(e) => set(["description"], e.target.value)}
        />
      </label>
      <div className="grid grid-cols-3 gap-3">
        <SelectField
          label="種類"
          value={fields.kind}
          options={personaKindLabels}
          onChange={(v) => set(["kind"], v)}
        />
        <SelectField
          label="難易度"
          value={fields.difficulty}
          options={difficultyLabels}
          onChange={(v) => set(["difficulty"], v)}
        />
        <TextField
          label="制限時間（秒）"
          inputMode="numeric"
          value={fields.timeLimitSec}
          onChange={(v) => setNumber(["timeLimitSec"], v, true)}
        />
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">お客様（ペルソナ）</legend>
        <div className="grid grid-cols-3 gap-3">
          <TextField label="名前" value={fields.persona.name} onChange={(v) => set(["persona", "name"], v)} />
          <TextField
            label="年齢"
            inputMode="numeric"
            value={fields.persona.age}
            onChange={(v) => setNumber(["persona", "age"], v)}
          />
          <TextField
            label="話す速さ（文字/秒）"
            inputMode="decimal"
            value={fields.persona.speakingRate}
            onChange={(v) => setNumber(["persona", "speakingRate"], v)}
          />
        </div>
        <TextField
          label="話し方"
          value={fields.persona.speakingStyle}
          onChange={(v) => set(["persona", "speakingStyle"], v)}
        />
      </fieldset>

      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="form-facts">
        <legend className="px-1 text-sm font-semibold">尋ねられたら答える情報</legend>
        {fields.facts.map((fact) => (
          <EntryRow key={fact.id} name={`情報「${fact.id}」`} onRemove={() => remove("fact", fact.id)}>
            <div className="grid grid-cols-2 gap-3">
              <TextField
                label={`${fact.id} の項目名`}
                value={fact.label}
                onChange={(v) => set(["persona", "facts", fact.id, "label"], v)}
              />
              <TextField
                label={`${fact.id} の値`}
                value={fact.value}
                onChange={(v) => set(["persona", "facts", fact.id, "value"], v)}
              />
            </div>
          </EntryRow>
        ))}
        <AddEntry kind="fact" yaml={yaml} onChange={onChange} />
      </fieldset>

      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="form-goals">
        <legend className="px-1 text-sm font-semibold">到達目標</legend>
        {fields.goals.map((goal) => (
          <EntryRow key={goal.id} name={`目標「${goal.id}」`} onRemove={() => remove("goal", goal.id)}>
            <TextField
              label={`${goal.id} の表示名`}
              value={goal.label}
              onChange={(v) => set(["goals", goal.id, "label"], v)}
            />
          </EntryRow>
        ))}
        <AddEntry kind="goal" yaml={yaml} onChange={onChange} />
      </fieldset>

      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="form-nodes">
        <legend className="px-1 text-sm font-semibold">場面ごとのお客様のセリフ（1行に1つ）</legend>
        <p className="text-xs text-slate-500">遷移の条件などは右の YAML で編集します。</p>
        {fields.nodes.map((node) => (
          <EntryRow key={node.id} name={`場面「${node.id}」`} onRemove={() => remove("node", node.id)}>
            <label className="block">
              <span className={labelClass}>
                {node.id}
                {node.end && <span className="ml-1 text-xs text-slate-500">（終了: {node.end}）</span>}
              </span>
              <textarea
                className={inputClass}
                rows={Math.max(2, node.lines.length)}
                value={node.lines.join("\n")}
                onChange={(e) => set(["nodes", node.id, "lines"], e.target.value.split("\n"))}
              />
            </label>
          </EntryRow>
        ))}
        <AddEntry kind="node" yaml={yaml} onChange={onChange} />
      </fieldset>
    </div>
  );
}

const entryNames: Record<FormEntryKind, { noun: string; example: string }> = {
  fact: { noun: "情報", example: "deliveryDate" },
  goal: { noun: "目標", example: "readBack" },
  node: { noun: "場面", example: "askAgain" },
};

/** One fact, goal or node of the form, with its remove button. */
function EntryRow({ name, onRemove, children }: { name: string; onRemove: () => void; children: ReactNode }) {
  return (
    <div className="flex items-end gap-2">
      <div className="flex-1">{children}</div>
      <button
        type="button"
        className="rounded px-2 py-2 text-sm text-rose-700 hover:bg-rose-50"
        aria-label={`${name}を削除`}
        onClick={onRemove}
      >
        削除
      </button>
    </div>
  );
}

/** The id box and button that add a fact, goal or node from a template. */
function AddEntry({
  kind,
  yaml,
  onChange,
}: {
  kind: FormEntryKind;
  yaml: string;
  onChange: (yaml: string) => void;
}) {
  const [id, setId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { noun, example } = entryNames[kind];
  const add = () => {
    const result = addFormEntry(yaml, kind, id);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setId("");
    onChange(result.yaml);
  };
  return (
    <div className="border-t border-slate-100 pt-2">
      <div className="flex items-end gap-2">
        <label className="block flex-1">
          <span className={labelClass}>追加する{noun}の ID（半角英数字）</span>
          <input
            className={inputClass}
            value={id}
            placeholder={`例: ${example}`}
            onChange={(e) => setId(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" className={secondaryButtonClass} onClick={add}>
          {noun}を追加
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}

function TextField({
  label,
  value,
  onChange,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: "numeric" | "decimal";
}) {
  return (
    <label className="block">
      <span className={labelClass}>{label}</span>
      <input
        className={inputClass}
        value={value}
        inputMode={inputMode}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Record<string, string>;
  onChange: (value: string) => void;
}) {
  const known = value in options;
  return (
    <label className="block">
      <span className={labelClass}>{label}</span>
      <select className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value || "（未設定）"}</option>}
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
