import type { AnalyzeReplyInput } from "./analyze-reply";
import { type ClassMetrics, computeAccuracy, computeClassMetrics, computeKappa } from "./eval-metrics";
import { labelKeys, questionKinds, type RubricLabels, rubricLabelsSchema, violationKinds } from "./labels";
import { scoreItemSchema } from "./score-lines";

export const goldItemSchema = scoreItemSchema.extend({ gold: rubricLabelsSchema });

export interface EvaluationReport {
  items: number;
  errors: string[];
  binary: Record<string, ClassMetrics & { kappa: number; accuracy: number }>;
  multi: Record<
    "question" | "violation",
    { classes: Record<string, ClassMetrics>; accuracy: number; kappa: number }
  >;
  violationDetection: ClassMetrics;
  /** Replies flagged with a violation that gold says are clean. */
  violationFalseFlags: number;
  /** Among items where gold and prediction both flag a violation, the share with the same subtype. */
  violationSubtypeAccuracy: number;
  disagreements: { id: string | number; label: string; gold: unknown; predicted: unknown; reply: string }[];
}

const binaryKeys = ["backchannel", "parroting", "summarizing", "empathy", "cushion"] as const;

/** Runs the analyzer over gold-labelled JSONL lines and computes agreement per label. */
export function evaluateItems(
  lines: string[],
  analyze: (input: AnalyzeReplyInput) => RubricLabels,
): EvaluationReport {
  const gold: RubricLabels[] = [];
  const predicted: RubricLabels[] = [];
  const errors: string[] = [];
  const disagreements: EvaluationReport["disagreements"] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const parsed = goldItemSchema.safeParse(safeJson(line));
    if (!parsed.success) {
      errors.push(
        `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      return;
    }
    const item = parsed.data;
    const analysis = analyze({ context: item.context, reply: item.reply, timing: item.timing });
    gold.push(item.gold);
    predicted.push(analysis);
    for (const key of labelKeys) {
      if (item.gold[key] !== analysis[key])
        disagreements.push({
          id: item.id,
          label: key,
          gold: item.gold[key],
          predicted: analysis[key],
          reply: item.reply,
        });
    }
  });
  const column = <K extends keyof RubricLabels>(rows: RubricLabels[], key: K) => rows.map((r) => r[key]);
  const binary: EvaluationReport["binary"] = {};
  for (const key of binaryKeys) {
    const g = column(gold, key);
    const p = column(predicted, key);
    binary[key] = {
      ...computeClassMetrics(g, p, (v) => v),
      kappa: computeKappa(g, p),
      accuracy: computeAccuracy(g, p),
    };
  }
  const multiFor = (key: "question" | "violation", classes: readonly string[]) => {
    const g: string[] = column(gold, key);
    const p: string[] = column(predicted, key);
    return {
      classes: Object.fromEntries(classes.map((c) => [c, computeClassMetrics(g, p, (v) => v === c)])),
      accuracy: computeAccuracy(g, p),
      kappa: computeKappa(g, p),
    };
  };
  const gv = column(gold, "violation");
  const pv = column(predicted, "violation");
  const bothFlagged = gv.map((g, i) => [g, pv[i]] as const).filter(([g, p]) => g !== "none" && p !== "none");
  return {
    items: gold.length,
    errors,
    binary,
    multi: {
      question: multiFor("question", questionKinds),
      violation: multiFor("violation", violationKinds),
    },
    violationDetection: computeClassMetrics(gv, pv, (v) => v !== "none"),
    violationFalseFlags: gv.filter((g, i) => g === "none" && pv[i] !== "none").length,
    violationSubtypeAccuracy:
      bothFlagged.length === 0 ? 1 : bothFlagged.filter(([g, p]) => g === p).length / bothFlagged.length,
    disagreements,
  };
}

/** Plain-text report, one label per line. */
export function formatReport(report: EvaluationReport, options: { showErrors?: boolean } = {}): string {
  const f = (n: number) => n.toFixed(3);
  const prf = (m: ClassMetrics) => `P ${f(m.precision)}  R ${f(m.recall)}  F1 ${f(m.f1)}  (n=${m.support})`;
  const out: string[] = [`items: ${report.items}`, ""];
  for (const [key, m] of Object.entries(report.binary)) {
    out.push(`${key.padEnd(12)} ${prf(m)}  kappa ${f(m.kappa)}  acc ${f(m.accuracy)}`);
  }
  for (const key of ["question", "violation"] as const) {
    const m = report.multi[key];
    out.push("", `${key}: accuracy ${f(m.accuracy)}  kappa ${f(m.kappa)}`);
    for (const [c, cm] of Object.entries(m.classes)) out.push(`  ${c.padEnd(10)} ${prf(cm)}`);
  }
  out.push(
    `  detected (any vs none) ${prf(report.violationDetection)}`,
    `  exact subtype accuracy (both flagged) ${f(report.violationSubtypeAccuracy)}`,
  );
  if (options.showErrors) {
    out.push("", "disagreements:");
    for (const d of report.disagreements)
      out.push(`  ${d.id} ${d.label}: gold ${String(d.gold)} / predicted ${String(d.predicted)}  ${d.reply}`);
  }
  return `${out.join("\n")}\n`;
}

/** Splits JSONL lines by their items' `style` field (written, recognizer, …); "all" holds every line. */
export function groupByStyle(lines: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>([["all", []]]);
  for (const line of lines) {
    if (line.trim() === "") continue;
    groups.get("all")?.push(line);
    const json = safeJson(line);
    const style =
      typeof json === "object" && json !== null && "style" in json && typeof json.style === "string"
        ? json.style
        : null;
    if (style) groups.set(style, [...(groups.get(style) ?? []), line]);
  }
  return groups;
}

/** One line per label with each named report's headline figure side by side (F1, accuracy, any-F1). */
export function formatComparison(reports: { name: string; report: EvaluationReport }[]): string {
  const f = (n: number) => n.toFixed(2).padStart(6);
  const row = (label: string, pick: (r: EvaluationReport) => string) =>
    `${label.padEnd(22)}${reports.map(({ report }) => pick(report).padStart(14)).join("")}`;
  const lines = [
    "".padEnd(22) + reports.map(({ name }) => name.padStart(14)).join(""),
    ...binaryKeys.map((key) =>
      row(`${key} F1`, (r) => `${f(r.binary[key]?.f1 ?? 0)} (${r.binary[key]?.support ?? 0})`),
    ),
    row("question accuracy", (r) => f(r.multi.question.accuracy)),
    row("violation any-F1", (r) => f(r.violationDetection.f1)),
    row("violation any-R", (r) => f(r.violationDetection.recall)),
    row("violation false flags", (r) => String(r.violationFalseFlags).padStart(6)),
    row("violation subtype acc", (r) => f(r.violationSubtypeAccuracy)),
  ];
  return `${lines.join("\n")}\n`;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined; // reported by the schema as an invalid item
  }
}
