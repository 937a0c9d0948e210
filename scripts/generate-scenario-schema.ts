// npm run scenarios:schema: regenerate scenarios/schema.json from the zod schema, so editors offer
// autocompletion for exactly what the loader accepts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateScenarioJsonSchema } from "@/lib/scenario/json-schema";

const target = path.join(process.cwd(), "scenarios", "schema.json");
writeFileSync(target, `${JSON.stringify(generateScenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
