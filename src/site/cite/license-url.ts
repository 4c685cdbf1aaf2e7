const CREATIVE_COMMONS = /^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)$/;

/**
 * The canonical URL of an SPDX license: the Creative Commons deed for the plain CC licenses and CC0
 * (what search engines and repositories recognise), the SPDX list page for everything else.
 */
export function licenseUrl(spdxId: string): string {
  const cc = CREATIVE_COMMONS.exec(spdxId);
  if (cc) return `https://creativecommons.org/licenses/${cc[1]!.toLowerCase()}/${cc[2]}/`;
  if (spdxId === "CC0-1.0") return "https://creativecommons.org/publicdomain/zero/1.0/";
  return `https://spdx.org/licenses/${encodeURIComponent(spdxId)}.html`;
}
