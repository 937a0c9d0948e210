// Limits shared by the call API and the call screen (kept free of zod so the browser bundle stays small).

/** The longest reply accepted: a spoken turn, not a letter. */
export const MAX_REPLY_CHARS = 400;
