/** A semantic version (1.2.0, 2.0.0-rc.1) or a year edition (2025, 2025.1). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;
const YEAR = /^(\d{4})(?:\.(0|[1-9]\d*))?$/;

export function isEditionVersion(version: string): boolean {
  return SEMVER.test(version) || YEAR.test(version);
}

interface Parsed {
  numbers: number[];
  prerelease: string[] | null;
}

function parse(version: string): Parsed {
  const semver = SEMVER.exec(version);
  if (semver) return { numbers: [Number(semver[1]), Number(semver[2]), Number(semver[3])], prerelease: semver[4] ? semver[4].split(".") : null };
  const year = YEAR.exec(version);
  if (year) return { numbers: [Number(year[1]), Number(year[2] ?? 0)], prerelease: null };
  throw new Error(`"${version}" is not an edition version.`);
}

/**
 * Orders edition versions: by their numbers left to right (a year edition `2025` is `2025.0`, so
 * it comes after any 1.x.y), then a pre-release before its release, as semantic versioning says.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.numbers.length, pb.numbers.length); i++) {
    const d = (pa.numbers[i] ?? 0) - (pb.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (!pa.prerelease || !pb.prerelease) return pa.prerelease ? -1 : pb.prerelease ? 1 : a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.max(pa.prerelease.length, pb.prerelease.length); i++) {
    const x = pa.prerelease[i];
    const y = pb.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
