import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const fontList = z.array(
  z.strictObject({
    package: z.string().regex(/^@fontsource\/[a-z0-9-]+$/),
    weights: z.array(z.number().int().min(100).max(900)).min(1),
    styles: z.array(z.enum(["normal", "italic"])).min(1),
  }),
);

export interface FontFaces {
  /** `@font-face` rules pointing at `<urlPrefix>/<file>.woff2`. */
  css: string;
  /** Font files to copy: file name → absolute source path. */
  files: Map<string, string>;
}

/**
 * Reads the theme's `fonts.yaml` and the @fontsource CSS of each weight and style, keeping the
 * woff2 sources only and pointing them at `urlPrefix`.
 */
export function fontFaces(themeDir: string, urlPrefix: string): FontFaces {
  const require = createRequire(join(themeDir, "fonts.yaml"));
  const fonts = fontList.parse(parse(readFileSync(join(themeDir, "fonts.yaml"), "utf8")));
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const font of fonts) {
    const root = dirname(require.resolve(`${font.package}/package.json`));
    for (const weight of font.weights)
      for (const style of font.styles) {
        const css = readFileSync(join(root, `${weight}${style === "italic" ? "-italic" : ""}.css`), "utf8");
        rules.push(
          css.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)(?:,\s*url\([^)]+\) format\('woff'\))?;/g, (_, file: string) => {
            files.set(file, join(root, "files", file));
            return `src: url(${urlPrefix}/${file}) format('woff2');`;
          }),
        );
      }
  }
  return { css: rules.join("\n"), files };
}
