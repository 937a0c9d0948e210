"use client";

import { yaml } from "@codemirror/lang-yaml";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import CodeMirror, { EditorSelection, EditorView, type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";

export interface YamlEditorHandle {
  /** Puts the cursor at a 1-based line and column and scrolls it into view. */
  jumpTo(line: number, column: number): void;
}

const extensions = [
  yaml(),
  lintGutter(),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ "aria-label": "シナリオの YAML" }),
];

/** The YAML view: CodeMirror with the loader's issues as diagnostics at their lines. */
export function YamlEditor({
  value,
  onChange,
  issues,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  issues: ScenarioIssue[];
  ref?: Ref<YamlEditorHandle>;
}) {
  const editor = useRef<ReactCodeMirrorRef>(null);

  useImperativeHandle(ref, () => ({
    jumpTo(line, column) {
      const view = editor.current?.view;
      if (!view) return;
      const at = offsetOf(view, line, column);
      view.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: "center" }),
      });
      view.focus();
    },
  }));

  useEffect(() => {
    const view = editor.current?.view;
    if (!view) return;
    const diagnostics: Diagnostic[] = issues.map((issue) => {
      const from = offsetOf(view, issue.line, issue.column);
      const lineEnd = view.state.doc.lineAt(from).to;
      return {
        from,
        to: Math.max(from, lineEnd),
        severity: "error",
        message: issue.path ? `${issue.messageJa}（${issue.path}）` : issue.messageJa,
      };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [issues]);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-300 text-sm" data-testid="yaml-editor">
      <CodeMirror ref={editor} value={value} onChange={onChange} extensions={extensions} height="560px" />
    </div>
  );
}

function offsetOf(view: EditorView, line: number, column: number): number {
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(target.from + Math.max(0, column - 1), target.to);
}
