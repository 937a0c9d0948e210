import { describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/testing/parse-csv";
import { toResultsCsv } from "./results-csv";
import type { TeamAttempt } from "./team-attempts";

function attempt(overrides: Partial<TeamAttempt>): TeamAttempt {
  return {
    callId: "00000000-0000-4000-8000-000000000001",
    userId: "00000000-0000-4000-8000-000000000002",
    userName: "研修生",
    userEmail: "trainee@example.com",
    scenarioId: "00000000-0000-4000-8000-000000000003",
    scenarioTitle: "配送遅延のクレーム",
    version: 1,
    mode: "scripted",
    status: "ended",
    endReason: "resolved",
    startedAt: new Date("2026-04-01T01:00:00Z"),
    endedAt: new Date("2026-04-01T01:03:00Z"),
    overallScore: 72,
    scorecard: null,
    ...overrides,
  };
}

describe("toResultsCsv", () => {
  it("neutralizes formulas in every text cell so that a spreadsheet shows them as text", () => {
    const csv = toResultsCsv([
      attempt({ userName: "=1+1", scenarioTitle: '=HYPERLINK("http://x")', userEmail: "@evil@example.com" }),
      attempt({ userName: "+81 山田", scenarioTitle: "-研修", userEmail: "a@example.com" }),
    ]);
    const [first, second] = csvRecords(csv);
    expect(first?.["研修生"]).toBe("'=1+1");
    expect(first?.["シナリオ"]).toBe(`'=HYPERLINK("http://x")`);
    expect(first?.["メールアドレス"]).toBe("'@evil@example.com");
    expect(second?.["研修生"]).toBe("'+81 山田");
    expect(second?.["シナリオ"]).toBe("'-研修");
    // Ordinary cells are untouched.
    expect(second?.["メールアドレス"]).toBe("a@example.com");
    expect(first?.["総合点"]).toBe("72");
    expect(first?.["日時"]).toBe("2026-04-01T10:00:00+09:00");
  });

  it("keeps the byte-order mark and CRLF records Excel needs", () => {
    const csv = toResultsCsv([attempt({})]);
    expect(csv.startsWith("\uFEFF日時,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
  });
});
