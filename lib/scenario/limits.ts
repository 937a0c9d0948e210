// Bounds on what the scenario loader reads, so that a hostile or broken file costs little to refuse
// (the editor runs the loader in the browser on every keystroke, the server on every save).

/** The longest scenario YAML accepted; the largest built-in is about 12,000 characters. */
export const MAX_SCENARIO_YAML_CHARS = 100_000;

/** Problems listed for one file; past these, one more says how many were left out. */
export const MAX_SCENARIO_ISSUES = 100;

/** Maps and lists inside one another; a scenario needs about 8 (nodes → transitions → when → all → …). */
export const MAX_SCENARIO_NESTING = 40;
