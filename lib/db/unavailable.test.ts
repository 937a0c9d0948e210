import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["a reset connection", withCode("ECONNRESET")],
    ["the server shutting down (admin_shutdown)", withCode("57P01")],
    ["the server starting up (cannot_connect_now)", withCode("57P03")],
    ["a connection exception (class 08)", withCode("08006")],
    ["node-postgres's closed socket", new Error("Connection terminated unexpectedly")],
    ["node-postgres's connect time-out", new Error("timeout exceeded when trying to connect")],
    [
      "drizzle's wrapper around a refused connection",
      new Error("Failed query: select 1", { cause: withCode("ECONNREFUSED") }),
    ],
    ["an AggregateError of refused addresses", new AggregateError([withCode("ECONNREFUSED")], "connect")],
  ])("recognizes %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a NUL byte refused", withCode("22021")],
    ["a plain error", new Error("boom")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("does not take %s for a lost connection", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on an error that is its own cause", () => {
    const error = new Error("loop");
    Object.assign(error, { cause: error });
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
