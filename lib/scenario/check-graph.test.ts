import { describe, expect, it } from "vitest";
import { checkScenarioGraph } from "@/lib/scenario/check-graph";
import type { ScenarioFile } from "@/lib/scenario/schema";

type Nodes = ScenarioFile["nodes"];
const node = (transitions: string[], end?: "resolved" | "hung_up"): Nodes[string] => ({
  lines: ["…"],
  modelReply: "はい。",
  ...(end ? { end } : { transitions: transitions.map((to) => ({ to })) }),
});

function graph(nodes: Nodes, options: { start?: string; global?: string[] } = {}): ScenarioFile {
  return {
    id: "g",
    title: "t",
    description: "d",
    kind: "custom",
    difficulty: "easy",
    tags: [],
    hintsAllowed: true,
    persona: { name: "n", age: 1, speakingStyle: "s", speakingRate: 7, facts: {} },
    goals: {},
    start: options.start ?? "a",
    globalTransitions: options.global?.map((to) => ({ to })),
    nodes,
  };
}

const messages = (file: ScenarioFile) => checkScenarioGraph(file).map((issue) => issue.message);

describe("checkScenarioGraph", () => {
  it.each([
    { name: "a clean line", file: graph({ a: node(["b"]), b: node([], "resolved") }), expected: [] },
    {
      name: "a cycle with an exit",
      file: graph({ a: node(["b"]), b: node(["a", "c"]), c: node([], "resolved") }),
      expected: [],
    },
    {
      name: "a transition to a missing node",
      file: graph({ a: node(["nope", "b"]), b: node([], "resolved") }),
      expected: ['transition to missing node "nope"'],
    },
    {
      name: "an unreachable node",
      file: graph({ a: node(["b"]), b: node([], "resolved"), island: node(["b"]) }),
      expected: ['node "island" is unreachable from the start'],
    },
    {
      name: "a loop with no way out",
      file: graph({ a: node(["b", "d"]), b: node(["c"]), c: node(["b"]), d: node([], "resolved") }),
      expected: ['no end can be reached from node "b"', 'no end can be reached from node "c"'],
    },
    {
      name: "a loop rescued by a global transition",
      file: graph({ a: node(["b"]), b: node(["a"]), out: node([], "resolved") }, { global: ["out"] }),
      expected: [],
    },
    {
      name: "a missing start",
      file: graph({ a: node([], "resolved") }, { start: "zzz" }),
      expected: ['start node "zzz" does not exist', 'node "a" is unreachable from the start'],
    },
    {
      name: "no resolved ending",
      file: graph({ a: node(["b"]), b: node([], "hung_up") }),
      expected: ["no node ends the call as resolved"],
    },
    {
      name: "a global transition to a missing node",
      file: graph({ a: node(["b"]), b: node([], "resolved") }, { global: ["gone"] }),
      expected: ['transition to missing node "gone"'],
    },
  ])("$name", ({ file, expected }) => {
    expect(messages(file)).toEqual(expected);
  });

  it("flags transitions on an end node", () => {
    const file = graph({ a: { lines: ["x"], end: "resolved", transitions: [{ to: "a" }] } });
    expect(messages(file)).toEqual(['end node "a" must not have transitions']);
  });
});
