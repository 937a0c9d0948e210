// The round-robin HTTP proxy that `npm run bench:calls -- --instances 2` puts in front of its app
// instances, a load balancer with no sticky sessions. The turn is kept per path: the next request to a
// path goes to the instance after the one that answered the last, so consecutive replies of one call
// (POST /api/calls/:id/replies) always land on different instances; a path seen for the first time
// takes the next instance of one shared turn, which spreads new calls. (A single shared turn alone
// would let two trainees who alternate keep one instance each for good.) Method, path, headers and
// body are forwarded as they came and the answer is streamed back as it is written (a server-sent
// event stream too). It runs in a process of its own (`tsx scripts/bench-proxy.ts --port P --targets
// 127.0.0.1:A,127.0.0.1:B`) so its work is not billed to the measuring client. Loopback only.
import http from "node:http";

/** Each answer says which instance wrote it (0-based), so the bench can count the switches. */
export const INSTANCE_HEADER = "x-bench-instance";

// Hop-by-hop headers describe one connection, not the message: a proxy never forwards them (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export interface ProxyTarget {
  host: string;
  port: number;
}

/** Starts the proxy on 127.0.0.1:`port`; resolves once it listens. */
export function startRoundRobinProxy(port: number, targets: readonly ProxyTarget[]): Promise<http.Server> {
  if (targets.length === 0) throw new Error("the proxy needs at least one target");
  // A fresh upstream connection per request: a pooled one races the instance's idle timeout (Node's
  // 5 s keepAliveTimeout), and a request sent on a socket the instance is closing fails with a reset
  // that would be counted against the app. On loopback the connect costs a fraction of a millisecond.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });
  const pick = roundRobinByPath(targets.length);
  const server = http.createServer((request, response) => {
    const index = pick(request.url ?? "/");
    const target = targets[index]!;
    const upstream = http.request(
      {
        host: target.host,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: forwardedHeaders(request),
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, {
          ...withoutHopByHop(answer.headers),
          [INSTANCE_HEADER]: String(index),
        });
        // Flush each chunk as it comes: an event stream must not wait for the end.
        response.flushHeaders();
        answer.pipe(response);
        answer.on("error", () => response.destroy());
      },
    );
    upstream.on("error", (error) => {
      if (response.headersSent) {
        response.destroy(error);
        return;
      }
      response.writeHead(502, {
        "content-type": "text/plain; charset=utf-8",
        [INSTANCE_HEADER]: String(index),
      });
      response.end(`bench proxy: instance ${index} (${target.host}:${target.port}) failed: ${error.message}`);
    });
    // A client that goes away mid-answer must not leave the instance writing to nobody.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    // A client that aborts mid-body is an error on its request: end the upstream one, do not crash.
    request.on("error", () => upstream.destroy());
    request.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** Chooses the instance for a request URL: per path, the one after the path's last; a new path, the shared next. */
export function roundRobinByPath(count: number): (url: string) => number {
  const lastByPath = new Map<string, number>();
  let next = 0;
  return (url) => {
    const path = url.split("?")[0]!;
    const last = lastByPath.get(path);
    const index = last === undefined ? next : (last + 1) % count;
    if (last === undefined) next = (next + 1) % count;
    // Bench-sized: one entry per call; forgetting all at once only resets the turns.
    if (lastByPath.size >= 100_000) lastByPath.clear();
    lastByPath.set(path, index);
    return index;
  };
}

function forwardedHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  // Host stays the proxy's own (the origin the client addressed: the same-origin check and Auth.js's
  // URLs depend on it); the client's address is appended as every proxy does, which the sign-in
  // throttle reads.
  const client = request.socket.remoteAddress ?? "unknown";
  const prior = request.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = prior ? `${prior}, ${client}` : client;
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-host"] = request.headers.host;
  return headers;
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  // The Connection header may name more hop-by-hop headers of its own.
  const named = new Set(
    String(headers.connection ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** `--targets 127.0.0.1:3291,127.0.0.1:3292` */
export function parseTargets(list: string): ProxyTarget[] {
  return list.split(",").map((entry) => {
    const [host, port] = entry.trim().split(":");
    if (!host || !port || !Number.isInteger(Number(port))) throw new Error(`bad proxy target: ${entry}`);
    return { host, port: Number(port) };
  });
}

// Run as a script (by the bench): start, say so on stdout, and serve until killed.
if (process.argv[1]?.endsWith("bench-proxy.ts")) {
  const argv = process.argv.slice(2);
  const option = (name: string) => argv[argv.indexOf(`--${name}`) + 1];
  const port = Number(option("port"));
  const targets = parseTargets(option("targets") ?? "");
  startRoundRobinProxy(port, targets).then(
    () => console.log(`bench proxy listening on 127.0.0.1:${port}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
  process.once("SIGTERM", () => process.exit(0));
}
