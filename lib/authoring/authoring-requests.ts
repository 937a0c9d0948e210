import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { MAX_SCENARIO_YAML_CHARS } from "./limits";

// Bodies of the authoring API, validated by the route handlers.

const yamlText = plainText().max(MAX_SCENARIO_YAML_CHARS, "YAML が長すぎます。");

export const createScenarioRequestSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("template") }),
  z.object({ from: z.literal("scenario"), scenarioId: z.uuid() }),
  z.object({ from: z.literal("yaml"), yaml: yamlText }),
]);

export const saveDraftRequestSchema = z.object({ yaml: yamlText });

export const publishRequestSchema = z.object({ yaml: yamlText.optional() });

export const archiveRequestSchema = z.object({ archived: z.boolean() });
