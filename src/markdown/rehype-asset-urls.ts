import { posix } from "node:path";
import type { Root } from "hast";
import type { VFile } from "vfile";
import { renderOption, type RenderOptions } from "./render-context.js";
import { walkElements } from "./walk-tree.js";

export type RehypeAssetUrlsOptions = Partial<Pick<RenderOptions, "resolveAsset">>;

/**
 * Image sources are files of the case: a relative `src` is resolved with `resolveAsset`; any other
 * (a web address, `data:`, an absolute path, one leading out of the case folder) loses its `src`,
 * so a case never loads anything from outside the casebook. Validation reports those paths.
 */
export function rehypeAssetUrls(options?: RehypeAssetUrlsOptions) {
  return (tree: Root, file: VFile): undefined => {
    const resolveAsset = renderOption(file, "resolveAsset", options);
    walkElements(tree, (node) => {
      if (node.tagName !== "img") return;
      delete node.properties.srcSet;
      const src = node.properties.src;
      const path = typeof src === "string" ? caseRelativePath(src) : undefined;
      if (path === undefined || !resolveAsset) delete node.properties.src;
      else node.properties.src = resolveAsset(path);
    });
  };
}

/** The path inside the case folder that `url` names, or `undefined` when it names none. */
export function caseRelativePath(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(trimmed.split(/[?#]/)[0] ?? "");
  } catch {
    return undefined;
  }
  if (!decoded || decoded.includes("\\") || decoded.startsWith("/") || /[\0-\x1f]/.test(decoded)) return undefined;
  const normalized = posix.normalize(decoded);
  if (normalized === ".." || normalized.startsWith("../") || normalized === ".") return undefined;
  return normalized.replace(/^\.\//, "");
}
