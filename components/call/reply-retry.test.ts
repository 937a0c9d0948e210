import { describe, expect, it } from "vitest";
import { isRetryableStatus, newReplyId, retryDelayMs } from "./reply-retry";

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newReplyId", () => {
  it("makes v4 UUIDs the API's schema accepts, different each time", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newReplyId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(uuidV4);
  });

  it("sets the version and variant bits whatever the random bytes are", () => {
    const allOnes = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
        new Uint8Array((array as unknown as Uint8Array).buffer).fill(0xff);
        return array;
      },
    };
    expect(newReplyId(allOnes as Pick<Crypto, "getRandomValues">)).toBe(
      "ffffffff-ffff-4fff-bfff-ffffffffffff",
    );
  });
});

describe("isRetryableStatus", () => {
  it.each([
    [502, true],
    [503, true],
    [504, true],
    [500, false],
    [409, false],
    [413, false],
    [422, false],
    [201, false],
  ])("%i → %s", (status, retry) => {
    expect(isRetryableStatus(status)).toBe(retry);
  });
});

describe("retryDelayMs", () => {
  it("starts at 1 s, doubles, and stays at 5 s", () => {
    expect([0, 1, 2, 3, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
