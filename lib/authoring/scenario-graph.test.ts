import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  describeCondition,
  extractScenarioGraph,
  GLOBAL_NODE_ID,
  layoutScenarioGraph,
} from "./scenario-graph";
import { starterScenarioYaml } from "./starter-template";

describe("the scenario diagram", () => {
  const graph = extractScenarioGraph(parse(starterScenarioYaml("team-x")));

  it("reads start, end and plain nodes and every transition with its condition", () => {
    expect(graph?.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["opening", "start"],
      ["calmer", "node"],
      ["resolved", "resolved"],
      ["hangUp", "hung_up"],
      [GLOBAL_NODE_ID, "global"],
    ]);
    expect(graph?.edges).toContainEqual({
      from: "calmer",
      to: "resolved",
      label: "intent: offeredRemedy, facts: orderNumber",
      missing: false,
    });
    expect(graph?.edges).toContainEqual({
      from: GLOBAL_NODE_ID,
      to: "hangUp",
      label: "mood: anger≥95",
      missing: false,
    });
  });

  it("marks transitions to missing nodes and draws without them", () => {
    const broken = extractScenarioGraph({ start: "a", nodes: { a: { transitions: [{ to: "zz" }] } } });
    expect(broken?.edges).toEqual([{ from: "a", to: "zz", label: "常に", missing: true }]);
    expect(layoutScenarioGraph(broken!).edges).toEqual([]);
    expect(extractScenarioGraph("text")).toBeNull();
  });

  it("lays nodes out top to bottom inside the drawing", () => {
    const laid = layoutScenarioGraph(graph!);
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.y;
    expect(y("opening")).toBeLessThan(y("calmer"));
    expect(y("calmer")).toBeLessThan(y("resolved"));
    for (const node of laid.nodes) {
      expect(node.x).toBeGreaterThan(0);
      expect(node.x).toBeLessThan(laid.width);
    }
    expect(laid.edges.every((e) => e.points.length >= 2)).toBe(true);
  });

  it("describes conditions compactly", () => {
    expect(describeCondition({ listening: "good", mood: { anger: { lte: 65 } } })).toBe(
      "listening: good, mood: anger≤65",
    );
    expect(describeCondition({ turnsInNode: { gte: 3 } })).toBe("turnsInNode: ≥3");
    expect(describeCondition(undefined)).toBe("常に");
  });
});
