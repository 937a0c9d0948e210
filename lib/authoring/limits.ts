// Limits shared by the authoring API and the editor (no heavy imports: the browser bundle stays small).

/** The longest scenario YAML accepted: the loader's own bound. */
export { MAX_SCENARIO_YAML_CHARS } from "@/lib/scenario/limits";

/** The largest authoring request body: a whole scenario (Japanese is 3 bytes a character) and more. */
export const MAX_AUTHORING_BODY_BYTES = 512 * 1024;
