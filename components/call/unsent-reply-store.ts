import { z } from "zod";

// What a reload must not lose, kept per call in the tab's sessionStorage: the reply waiting to be
// (re)sent while the server or its database is away, with its id so that sending it again after the
// reload is stored once; and the words typed in the reply box. sessionStorage stays with the tab
// (reloads, a crash restored) and never reaches another tab, another user or the server.

const storedReplySchema = z.object({
  text: z.string().min(1),
  replyId: z.uuid(),
  fromDraft: z.boolean(),
});

export type StoredReply = z.infer<typeof storedReplySchema>;

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const replyKey = (callId: string) => `kikite.call.${callId}.unsent`;
const draftKey = (callId: string) => `kikite.call.${callId}.draft`;

/** The reply that was on its way when the page went away, if any. */
export function readUnsentReply(store: Store, callId: string): StoredReply | null {
  const raw = read(store, replyKey(callId));
  if (raw === null) return null;
  const parsed = storedReplySchema.safeParse(parseJson(raw));
  return parsed.success ? parsed.data : null;
}

/** Keeps the reply on its way (null: it was answered, stored or refused). */
export function writeUnsentReply(store: Store, callId: string, reply: StoredReply | null): void {
  write(store, replyKey(callId), reply === null ? null : JSON.stringify(reply));
}

/** The words typed in the reply box and not sent. */
export function readDraft(store: Store, callId: string): string {
  return read(store, draftKey(callId)) ?? "";
}

export function writeDraft(store: Store, callId: string, text: string): void {
  write(store, draftKey(callId), text === "" ? null : text);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

// Storage can be switched off or full (private windows, quotas). Keeping a copy is a safety net: the
// call goes on without it, so a failure to read or write is not the trainee's problem.
function read(store: Store, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function write(store: Store, key: string, value: string | null): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
  } catch {
    // See read(): the reply is still on screen and still being sent.
  }
}
