import { z } from "zod";

// Text typed by people never needs C0 control characters other than tab and line breaks, nor DEL.
// PostgreSQL rejects NUL outright (a 500 before this check), and the others only hide or garble
// what a trainer reads in a review or a CSV, so every text input refuses them at its boundary.

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]); // tab, line feed, carriage return
const DEL = 0x7f;

export const CONTROL_CHARACTERS_MESSAGE = "使用できない制御文字が含まれています。";

/** True when the text holds a C0 control other than \t \n \r, or DEL: characters no one types. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === DEL) return true;
  }
  return false;
}

/** The refinement every text field of a request or form schema carries. */
export function isPlainText(text: string): boolean {
  return !hasControlCharacters(text);
}

/** A string schema that refuses control characters; chain length rules after it. */
export function plainText() {
  return z.string().refine(isPlainText, CONTROL_CHARACTERS_MESSAGE);
}
