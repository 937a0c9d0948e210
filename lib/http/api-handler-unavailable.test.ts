import { describe, expect, it, vi } from "vitest";
import { handleApi } from "./api-handler";

describe("handleApi when the database is unreachable", () => {
  it("answers 503 'unavailable' with a Japanese message, so the call screen retries", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const response = await handleApi(async () => {
      throw new Error("Failed query: insert into turns ... params: 返答の本文", { cause: refused });
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: "unavailable",
        message: "データベースに接続できません。しばらくしてからもう一度お試しください。",
      },
    });
    // The log names the failure, never the query and its parameters (the user's words).
    expect(log).toHaveBeenCalledWith("[api] database unavailable", "ECONNREFUSED");
    log.mockRestore();
  });

  it("still answers any other failure with a logged 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await handleApi(async () => {
      throw Object.assign(new Error("duplicate key"), { code: "23505" });
    });
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
