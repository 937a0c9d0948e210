import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { INSTANCE_HEADER, parseTargets, roundRobinByPath, startRoundRobinProxy } from "./bench-proxy";

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

// An upstream that echoes what reached it: which one, the method, path, headers and body.
async function echoServer(name: string): Promise<number> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          name,
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
  });
  return listen(server);
}

async function listen(server: http.Server, port = 0): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function proxyTo(ports: number[]): Promise<string> {
  const proxy = await startRoundRobinProxy(0, parseTargets(ports.map((p) => `127.0.0.1:${p}`).join(",")));
  servers.push(proxy);
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe("startRoundRobinProxy", () => {
  it("sends consecutive requests to a path to the instances in turn and says which answered", async () => {
    const base = await proxyTo([await echoServer("one"), await echoServer("two")]);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${base}/api/health`);
      const body = (await response.json()) as { name: string };
      seen.push(`${body.name}:${response.headers.get(INSTANCE_HEADER)}`);
    }
    expect(seen).toEqual(["one:0", "two:1", "one:0", "two:1"]);
  });

  it("forwards method, path, query, headers and body, keeps the Host, and appends the client address", async () => {
    const base = await proxyTo([await echoServer("one")]);
    const response = await fetch(`${base}/api/calls/abc/replies?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "session=s", "x-forwarded-for": "10.0.0.9" },
      body: JSON.stringify({ text: "さようでございますか。" }),
    });
    const echoed = (await response.json()) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(echoed.method).toBe("POST");
    expect(echoed.url).toBe("/api/calls/abc/replies?x=1");
    expect(echoed.body).toBe(JSON.stringify({ text: "さようでございますか。" }));
    expect(echoed.headers.cookie).toBe("session=s");
    expect(echoed.headers["content-type"]).toBe("application/json");
    expect(echoed.headers.host).toBe(new URL(base).host);
    expect(echoed.headers["x-forwarded-for"]).toBe("10.0.0.9, 127.0.0.1");
    // Both cookies come back as two headers, not merged into one.
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("streams an answer chunk by chunk instead of waiting for its end", async () => {
    let finish: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const upstream = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("event: delta\ndata: 1\n\n");
      void released.then(() => response.end("event: done\ndata: 2\n\n"));
    });
    const base = await proxyTo([await listen(upstream)]);
    const response = await fetch(`${base}/stream`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("event: delta\ndata: 1\n\n");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("event: done\ndata: 2\n\n");
  });

  it("answers 502 naming the instance when it cannot be reached", async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    servers.splice(servers.indexOf(closed), 1);
    const base = await proxyTo([port]);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain(`instance 0 (127.0.0.1:${port}) failed`);
  });
});

describe("roundRobinByPath", () => {
  it("sends consecutive requests to one path to different instances, even when two callers alternate", () => {
    const pick = roundRobinByPath(2);
    // Two trainees replying in strict alternation: a single shared turn would pin each call to one instance.
    const a = "/api/calls/a/replies";
    const b = "/api/calls/b/replies";
    const seen = [a, b, a, b, a, b].map((url) => `${url.split("/")[3]}${pick(url)}`);
    expect(seen).toEqual(["a0", "b1", "a1", "b0", "a0", "b1"]);
  });

  it("ignores the query and spreads new paths over the instances", () => {
    const pick = roundRobinByPath(3);
    expect([pick("/x?1"), pick("/x?2"), pick("/y"), pick("/z"), pick("/w")]).toEqual([0, 1, 1, 2, 0]);
  });
});

describe("parseTargets", () => {
  it("reads host:port pairs and refuses a target without a port", () => {
    expect(parseTargets("127.0.0.1:3291, 127.0.0.1:3292")).toEqual([
      { host: "127.0.0.1", port: 3291 },
      { host: "127.0.0.1", port: 3292 },
    ]);
    expect(() => parseTargets("127.0.0.1")).toThrow("bad proxy target");
  });
});
