import { existsSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { ProjectError, type Project } from "./open-project.js";

/** A theme folder of the project's own, or one that ships with Casebook. */
export function themeFolder(project: Project, theme: string): string {
  for (const root of [project.cwd, PACKAGE_ROOT]) {
    const dir = join(root, "themes", theme);
    if (existsSync(join(dir, "web.css"))) return dir;
  }
  throw new ProjectError(`The theme "${theme}" was not found.`, `Create themes/${theme}/ or set \`theme: default\` in casebook.config.yaml.`);
}
