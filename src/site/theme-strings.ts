import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { LANGUAGES, type Language } from "../../schema/languages.js";

const entry = z.strictObject(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1)])) as Record<Language, z.ZodString>);
const file = z.record(z.string(), entry);

export type Translate = (key: string, params?: Record<string, string | number>) => string;
export type ThemeStrings = z.infer<typeof file>;

/** Reads `<theme>/strings.yaml`: every interface text in every language. */
export function loadThemeStrings(themeDir: string): ThemeStrings {
  return file.parse(parse(readFileSync(join(themeDir, "strings.yaml"), "utf8")));
}

/** A translator for one language; an unknown key is a bug in a template and throws. */
export function translator(strings: ThemeStrings, lang: Language): Translate {
  return (key, params = {}) => {
    const text = strings[key]?.[lang];
    if (text === undefined) throw new Error(`The theme has no text "${key}".`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}
