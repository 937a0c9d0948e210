import { describe, expect, it } from "vitest";
import { pickRecentAttempts } from "./recent-attempts";

const attempts = ["f", "e", "d", "c", "b", "a"].map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe("pickRecentAttempts", () => {
  it("keeps the newest attempts when the current one is among them", () => {
    expect(ids(pickRecentAttempts(attempts, "e", 3))).toEqual(["f", "e", "d"]);
  });

  it("swaps the oldest shown attempt for an older current one", () => {
    expect(ids(pickRecentAttempts(attempts, "a", 3))).toEqual(["f", "e", "a"]);
  });

  it("returns everything when there are fewer than the limit", () => {
    expect(ids(pickRecentAttempts(attempts.slice(0, 2), "x", 5))).toEqual(["f", "e"]);
  });
});
