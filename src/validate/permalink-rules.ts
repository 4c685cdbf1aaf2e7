import { parseDocument, type Node } from "yaml";
import type { CasebookConfig } from "../../schema/config.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { RuleId } from "../diagnostics/rules.js";
import { SourceText } from "../load/source-text.js";
import { keyNodeAt, valueNodeAt } from "./yaml-node-at.js";

export interface PermalinkInput {
  config: CasebookConfig;
  /** Display path and text of the configuration file, for positions. */
  file: string;
  text: string;
  /** Ids of the case folders that exist. */
  caseIds: ReadonlySet<string>;
}

/**
 * Checks the permanent links the configuration declares: a redirect leads to a case that exists,
 * in one step; an old id (redirected or withdrawn) is declared once and is no longer a case.
 */
export function permalinkDiagnostics(input: PermalinkInput): Diagnostic[] {
  const { config, caseIds } = input;
  const doc = parseDocument(input.text, { prettyErrors: false });
  const source = new SourceText(input.text);
  const at = (ruleId: RuleId, reason: string, node: Node | undefined) => {
    const range = node?.range;
    const place = range ? source.range(range[0], range[1]) : { start: { line: 1, column: 1 } };
    return createDiagnostic({ ruleId, reason, file: input.file, place });
  };
  const diagnostics: Diagnostic[] = [];
  const redirects = config.redirects;
  for (const [from, to] of Object.entries(redirects)) {
    const keyNode = keyNodeAt(doc, ["redirects"], from);
    const valueNode = valueNodeAt(doc, ["redirects", from]);
    if (caseIds.has(from)) diagnostics.push(at("permalink-case-exists", `"${from}" is redirected to "${to}" but is still a case folder.`, keyNode));
    if (from === to) diagnostics.push(at("redirect-chain", `"${from}" redirects to itself.`, valueNode));
    else if (Object.hasOwn(redirects, to)) diagnostics.push(at("redirect-chain", `"${from}" redirects to "${to}", which is itself redirected to "${redirects[to]}".`, valueNode));
    else if (!caseIds.has(to)) diagnostics.push(at("redirect-target-missing", `"${from}" redirects to "${to}", which is not a case.`, valueNode));
  }
  const seen = new Set<string>();
  config.withdrawn.forEach((entry, index) => {
    const node = valueNodeAt(doc, ["withdrawn", index, "id"]);
    if (caseIds.has(entry.id)) diagnostics.push(at("permalink-case-exists", `"${entry.id}" is declared withdrawn but is still a case folder.`, node));
    if (Object.hasOwn(redirects, entry.id)) diagnostics.push(at("permalink-conflict", `"${entry.id}" is both redirected and withdrawn.`, node));
    else if (seen.has(entry.id)) diagnostics.push(at("permalink-conflict", `"${entry.id}" is declared withdrawn more than once.`, node));
    seen.add(entry.id);
  });
  return diagnostics;
}
