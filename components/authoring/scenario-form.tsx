"use client";

import { useMemo } from "react";
import { difficultyLabels, personaKindLabels } from "@/components/labels-ja";
import { inputClass, labelClass } from "@/components/ui";
import { type FieldPath, readFormFields, setYamlField } from "@/lib/authoring/yaml-fields";

/**
 * The form view of the main fields. It reads its values from the YAML text and writes each edit back
 * into it (one value at a time), so the YAML view stays the whole truth, comments included.
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

      {fields.facts.length > 0 && (
        <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">尋ねられたら答える情報</legend>
          {fields.facts.map((fact) => (
            <div key={fact.id} className="grid grid-cols-2 gap-3">
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
          ))}
        </fieldset>
      )}

      {fields.goals.length > 0 && (
        <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">到達目標</legend>
          {fields.goals.map((goal) => (
            <TextField
              key={goal.id}
              label={`${goal.id} の表示名`}
              value={goal.label}
              onChange={(v) => set(["goals", goal.id, "label"], v)}
            />
          ))}
        </fieldset>
      )}

      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">場面ごとのお客様のセリフ（1行に1つ）</legend>
        <p className="text-xs text-slate-500">遷移の条件などは右の YAML で編集します。</p>
        {fields.nodes.map((node) => (
          <label key={node.id} className="block">
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
        ))}
      </fieldset>
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
