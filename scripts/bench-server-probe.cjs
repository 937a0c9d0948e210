// Loaded with `node --require` into the server that `npm run bench:llm` starts (never into the app
// itself): times each reply inside the server process, where the measuring client's own costs (its
// process waking up, the loopback between the two) cannot reach the figure.
//
// Per POST …/replies that carries an `x-bench-reply` header: from the request's arrival (Node's
// `http.server.request.start` diagnostics channel: headers parsed, before Next.js routes it) to the
// write that hands the `reply` event, and the first `delta` event, to the socket, and to the answer's
// end. Kept in memory and written as JSON to KIKITE_BENCH_PROBE_FILE when the server exits, so the
// measured replies pay for no file I/O.
const diagnostics = require("node:diagnostics_channel");
const fs = require("node:fs");

const file = process.env.KIKITE_BENCH_PROBE_FILE;
/** @typedef {{ id: string, status: number, doneMs: number, replyMs?: number, firstDeltaMs?: number }} Timing */
/** @type {Timing[]} */
const records = [];

if (file) {
  diagnostics.subscribe("http.server.request.start", ({ request, response }) => {
    const id = request.headers["x-bench-reply"];
    if (request.method !== "POST" || typeof id !== "string") return;
    const arrivedAt = performance.now();
    /** @type {Timing} */
    const record = { id, status: 0, doneMs: 0 };
    const write = response.write;
    response.write = function probedWrite(chunk, ...rest) {
      if (record.firstDeltaMs === undefined) {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        const at = performance.now() - arrivedAt;
        if (record.replyMs === undefined && text.includes("event: reply\n")) record.replyMs = at;
        if (text.includes("event: delta\n")) record.firstDeltaMs = at;
      }
      return write.call(this, chunk, ...rest);
    };
    response.once("finish", () => {
      record.status = response.statusCode;
      record.doneMs = performance.now() - arrivedAt;
      records.push(record);
    });
  });
  process.once("exit", () => fs.writeFileSync(file, JSON.stringify(records)));
}
