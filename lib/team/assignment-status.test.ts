import { describe, expect, it } from "vitest";
import { dueAtFromDate } from "./assignment-request";
import { assignmentStatus } from "./assignment-status";

describe("assignmentStatus", () => {
  const dueAt = new Date("2026-11-30T14:59:59Z");
  const before = new Date("2026-11-25T00:00:00Z");
  const after = new Date("2026-12-01T00:00:00Z");
  it.each([
    ["no calls, before the due date", before, [], "not_started"],
    ["only an active call", before, ["active"], "in_progress"],
    ["an ended call", before, ["active", "ended"], "completed"],
    ["an ended call, checked after the due date", after, ["ended"], "completed"],
    ["no ended call after the due date", after, ["active"], "overdue"],
    ["nothing after the due date", after, [], "overdue"],
  ] as const)("%s → %s", (_name, now, statuses, expected) => {
    expect(assignmentStatus({ dueAt, now, calls: statuses.map((status) => ({ status })) })).toBe(expected);
  });
});

describe("dueAtFromDate", () => {
  it("means the end of the day in Japan", () => {
    expect(dueAtFromDate("2026-11-30")?.toISOString()).toBe("2026-11-30T14:59:59.000Z");
  });
  it.each(["", "2026-13-40", "30/11/2026"])("refuses %o", (day) => {
    expect(dueAtFromDate(day)).toBeNull();
  });
});
