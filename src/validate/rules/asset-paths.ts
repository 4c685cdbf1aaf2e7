import { posix } from "node:path";
import { createDiagnostic, type Diagnostic, type Range } from "../../diagnostics/diagnostic.js";
import { MAX_ASSETS_PER_CASE, type CaseAssets } from "../../load/list-case-assets.js";
import { closest } from "../closest.js";
import { bodyPlace, frontmatterPlace } from "../places.js";
import type { ValidatedFile } from "../validate-file.js";
import type { RuleInput } from "./rule-input.js";

/**
 * Images, covers and relative links are files inside their own case folder, and images say what
 * they show. (Links with a scheme are the sanitizer's business: see markdown/sanitize-schema.ts.)
 */
export function assetPaths(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of input.files) {
    const assets = input.assets.get(file.ref.id)?.assets ?? new Map();
    out.push(...linkProblems(file, assets));
    for (const image of file.references?.images ?? []) {
      const place = bodyPlace(file, image.start, image.end);
      const found: Diagnostic[] = [];
      const problem = checkPath(image.url, assets, file, () => place);
      if (problem) found.push(problem);
      if (!image.alt.trim())
        found.push(
          createDiagnostic({ ruleId: "image-alt-missing", file: file.ref.display, place, reason: "The image has no alternative text." }),
        );
      out.push(...(image.raw ? found.map(inRawHtml) : found));
    }
    const cover = file.frontmatter?.data?.["cover"] as { src?: unknown } | undefined;
    if (cover && typeof cover.src === "string") {
      const problem = checkPath(cover.src, assets, file, () => frontmatterPlace(file, ["cover", "src"]));
      if (problem) out.push(problem);
    }
  }
  out.push(...assetFolderProblems(input));
  return out;
}

/**
 * A relative link (not `case:`, not a web or mail address, not `#fragment`) that leads out of the
 * case folder: `..`, an absolute path, backslashes, an encoded variant, or a symbolic link out.
 */
function linkProblems(file: ValidatedFile, assets: CaseAssets): Diagnostic[] {
  const refs = file.references;
  if (!refs) return [];
  // The fast scan lists no relative links: where one may leave the folder, report it so that the
  // file is parsed properly and this rule runs again on its exact links (see validate-casebook.ts).
  if (refs.approximate)
    return MAYBE_OUTSIDE.test(file.body ?? "") || [...assets.values()].includes("link-outside")
      ? [createDiagnostic({ ruleId: "path-outside-case", file: file.ref.display, place: { start: { line: 1, column: 1 } }, reason: "A link may lead out of the case folder." })]
      : [];
  const imageUrls = new Set(refs.images.map((i) => i.url));
  const out: Diagnostic[] = [];
  for (const link of refs.links) {
    const url = link.url.trim();
    // Links with a scheme (https:, mailto:, case:…) are the sanitizer's and case-links' business.
    if (url === "" || url.startsWith("#") || imageUrls.has(link.url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    const place = bodyPlace(file, link.start, link.end);
    const resolved = resolveCasePath(url);
    const outside = "outside" in resolved ? resolved.outside : assets.get(resolved.path) === "link-outside" ? "it is a symbolic link that leads out of the case folder" : undefined;
    if (!outside) continue;
    const problem = createDiagnostic({
      ruleId: "path-outside-case",
      file: file.ref.display,
      place,
      reason: `The link \`${link.url}\` is not allowed: ${outside}.`,
      hint: "Link to other cases with `case:<id>`, to the web with a full https:// address, and to files of this case with a relative path such as `images/plan.png`.",
    });
    out.push(link.raw ? inRawHtml(problem) : problem);
  }
  return out;
}

/**
 * A problem of an `<img>` or `<a>` written in raw HTML, as a warning: the sanitiser keeps a raw
 * image only when it is a file of the case folder, so nothing unsafe reaches the page, but the
 * author should know that the image will be missing or the link lead nowhere (SECURITY.md).
 */
function inRawHtml(problem: Diagnostic): Diagnostic {
  const start = { line: problem.line ?? 1, column: problem.column ?? 1 };
  const end = problem.place && "end" in problem.place ? problem.place.end : undefined;
  return createDiagnostic({
    ruleId: "raw-html-url",
    file: problem.file ?? "",
    place: end ? { start, end } : { start },
    reason: `In raw HTML: ${problem.reason.charAt(0).toLowerCase()}${problem.reason.slice(1)}`,
  });
}

/** Text where a Markdown link destination starts like a path out of the folder, or holds `..`, `\\` or `%`. */
const MAYBE_OUTSIDE = /(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*<?(?:[/\\.%]|[^\s)>]*(?:\.\.|%|\\))/m;

/**
 * Problems with the files of a case folder themselves, referenced or not (each would otherwise be
 * published or silently left out): a folder with too many files, a file that must not be served
 * from the casebook's site (see load/inspect-asset.ts), an asset folder that links out of the case.
 */
function assetFolderProblems(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const TOP = { start: { line: 1, column: 1 } };
  for (const [id, listing] of input.assets) {
    const first = input.byCase.get(id)?.[0];
    if (!first) continue;
    const folder = posix.dirname(first.ref.display);
    if (listing.truncated)
      out.push(
        createDiagnostic({
          ruleId: "assets-too-many",
          file: folder,
          place: TOP,
          reason: `The case folder holds more than ${MAX_ASSETS_PER_CASE} files; Casebook stopped listing them.`,
        }),
      );
    for (const [rel, reason] of listing.unsafe ?? [])
      out.push(createDiagnostic({ ruleId: "asset-unsafe", file: `${folder}/${rel}`, place: TOP, reason: `\`${rel}\` cannot be published: ${reason}.` }));
    for (const [rel, kind] of listing.assets)
      if (kind === "link-outside" && !rel.includes("/"))
        out.push(
          createDiagnostic({
            ruleId: "path-outside-case",
            file: `${folder}/${rel}`,
            place: TOP,
            reason: `\`${rel}\` is a symbolic link that leads out of the case folder, so nothing in it is published.`,
          }),
        );
  }
  return out;
}

/** Resolves a relative URL against the case folder; returns the problem, if any. */
export function resolveCasePath(url: string): { path: string } | { outside: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//"))
    return { outside: "it is a web address or data URL; images must be files in the case folder" };
  let decoded = url.split(/[?#]/)[0] ?? "";
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    return { outside: "its percent-encoding is broken" };
  }
  if (decoded.includes("\\")) return { outside: "it uses backslashes" };
  if (decoded.startsWith("/")) return { outside: "it is an absolute path" };
  const normalized = posix.normalize(decoded);
  if (normalized === ".." || normalized.startsWith("../")) return { outside: "it leads out of the case folder" };
  return { path: normalized.replace(/^\.\//, "") };
}

/** `placeOf` is only called for a problem: a frontmatter place parses the positioned YAML. */
function checkPath(url: string, assets: CaseAssets, file: ValidatedFile, placeOf: () => Range): Diagnostic | undefined {
  const resolved = resolveCasePath(url);
  if ("outside" in resolved)
    return createDiagnostic({
      ruleId: "path-outside-case",
      file: file.ref.display,
      place: placeOf(),
      reason: `\`${url}\` is not allowed: ${resolved.outside}.`,
    });
  const kind = assets.get(resolved.path);
  // An unsafe file is reported once, as a file, by assetFolderProblems.
  if (kind === "unsafe") return undefined;
  if (kind === "link-outside")
    return createDiagnostic({
      ruleId: "path-outside-case",
      file: file.ref.display,
      place: placeOf(),
      reason: `\`${url}\` is a symbolic link that leads out of the case folder.`,
    });
  if (kind === "file") return undefined;
  const near = closest(resolved.path, [...assets.keys()], 3);
  return createDiagnostic({
    ruleId: "image-missing",
    file: file.ref.display,
    place: placeOf(),
    reason: `\`${resolved.path}\` does not exist in the case folder.`,
    ...(near.length ? { hint: `Files in this case: ${near.join(", ")}.`, expected: near } : {}),
  });
}
