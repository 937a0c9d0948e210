// Vitest alias target for "server-only": the real package throws when imported outside a React Server
// Component bundle, but unit tests import the server glue directly.
export {};
