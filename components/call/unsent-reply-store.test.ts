import { describe, expect, it } from "vitest";
import { readDraft, readUnsentReply, writeDraft, writeUnsentReply } from "./unsent-reply-store";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const reply = {
  text: "さようでございますか。",
  replyId: "0b7e4f7e-8a51-4b7a-9d39-1f0d4c2b9e11",
  fromDraft: true,
};

describe("the unsent reply kept across a reload", () => {
  it("is kept per call, and gone once answered", () => {
    const store = memoryStore();
    writeUnsentReply(store, "call-1", reply);
    expect(readUnsentReply(store, "call-1")).toEqual(reply);
    expect(readUnsentReply(store, "call-2")).toBeNull();
    writeUnsentReply(store, "call-1", null);
    expect(readUnsentReply(store, "call-1")).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it.each([
    ["not JSON", "{"],
    ["another shape", JSON.stringify({ text: "x" })],
    ["a reply id that is no UUID", JSON.stringify({ ...reply, replyId: "1" })],
    ["empty text", JSON.stringify({ ...reply, text: "" })],
  ])("reads %s as nothing", (_name, raw) => {
    const store = memoryStore();
    store.setItem("kikite.call.call-1.unsent", raw);
    expect(readUnsentReply(store, "call-1")).toBeNull();
  });

  it("keeps the typed draft per call and forgets an empty one", () => {
    const store = memoryStore();
    writeDraft(store, "call-1", "恐れ入りますが、");
    expect(readDraft(store, "call-1")).toBe("恐れ入りますが、");
    expect(readDraft(store, "call-2")).toBe("");
    writeDraft(store, "call-1", "");
    expect(store.items.size).toBe(0);
  });

  it("carries on when storage is switched off or full", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => writeUnsentReply(broken, "call-1", reply)).not.toThrow();
    expect(readUnsentReply(broken, "call-1")).toBeNull();
    expect(() => writeDraft(broken, "call-1", "x")).not.toThrow();
    expect(readDraft(broken, "call-1")).toBe("");
  });
});
