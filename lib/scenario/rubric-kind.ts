import type { PersonaKind } from "@/lib/scenario/schema";

/** The persona kind the rubric analyzer knows: a contest caller is scored as an inquiry caller. */
export function rubricKindOf(kind: PersonaKind): "angry" | "lonely" | "inquiry" | "custom" {
  return kind === "contest" ? "inquiry" : kind;
}
