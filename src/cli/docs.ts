import { parseArgs } from "node:util";
import { openProject } from "../build/open-project.js";
import { RegionError } from "../docs/generated-regions.js";
import { updateContributing } from "../docs/update-contributing.js";
import type { CliIO } from "./io.js";

/**
 * `casebook docs [--check]`: regenerates the field, vocabulary and rule tables of the contributor
 * guide (CONTRIBUTING.md, CONTRIBUTING.zh.md) from the schema; `--check` only says whether they are current.
 */
export async function docsCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: "boolean", default: false } }, strict: true, allowPositionals: false });
  const project = openProject({ cwd: io.cwd });
  try {
    const { changed } = updateContributing(io.cwd, project.vocabularies, { check: values.check });
    if (values.check && changed.length) {
      io.stderr(`casebook: ${changed.join(" and ")} ${changed.length === 1 ? "is" : "are"} out of date with the schema.\n  hint: run \`npm run docs\` (or \`casebook docs\`) and commit the result.\n`);
      return 1;
    }
    if (!values.check) io.stdout(changed.length ? `Updated ${changed.join(" and ")}.\n` : "The contributor guides are up to date.\n");
    return 0;
  } catch (error) {
    if (!(error instanceof RegionError)) throw error;
    io.stderr(`casebook: ${error.message}\n  hint: the generated tables go between <!-- generated:NAME --> and <!-- /generated --> lines.\n`);
    return 1;
  }
}
