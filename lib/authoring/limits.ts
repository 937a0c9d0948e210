// Limits shared by the authoring API and the editor (no imports: the browser bundle stays small).

/** The longest scenario YAML accepted; the largest built-in is about 12,000 characters. */
export const MAX_SCENARIO_YAML_CHARS = 100_000;

/** The largest authoring request body: a whole scenario (Japanese is 3 bytes a character) and more. */
export const MAX_AUTHORING_BODY_BYTES = 512 * 1024;
