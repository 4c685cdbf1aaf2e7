import { RULES, type RuleId } from "../diagnostics/rules.js";
import { cell, table, type DocLanguage } from "./doc-language.js";

const WORDS = {
  en: { head: ["Rule id", "Severity", "What to do"], error: "error", warning: "warning" },
  zh: { head: ["规则 id", "级别", "处理方法（英文，与 check 的提示一致）"], error: "错误", warning: "警告" },
};

/** The catalogue of `check`'s messages: every rule id, its severity and its hint, from src/diagnostics/rules.ts. */
export function ruleTable(lang: DocLanguage): string {
  const w = WORDS[lang];
  return table(
    w.head,
    (Object.keys(RULES) as RuleId[]).map((id) => [`\`${id}\``, w[RULES[id].severity], cell(RULES[id].hint)]),
  );
}
