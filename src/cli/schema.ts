import { parseArgs } from "node:util";
import { caseJsonSchema } from "../../schema/json-schema.js";
import { openProject } from "../build/open-project.js";
import type { CliIO } from "./io.js";

export async function schemaCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { cases: { type: "string" } }, strict: true, allowPositionals: false });
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  io.stdout(`${JSON.stringify(caseJsonSchema(project.vocabularies), null, 2)}\n`);
  return 0;
}
