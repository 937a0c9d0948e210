import { config } from "zod/v4/core";

// Runs in the browser before any page code. Zod compiles fast object parsers with `new Function` and,
// to find out whether it may, tries `Function("")` as each object schema is built. The CSP forbids eval,
// so that probe is refused and reported as a violation on every page whose bundle holds a schema (the
// scenario editor, the review). Client-side parsing is small: the interpreted parser is enough.
config({ jitless: true });
