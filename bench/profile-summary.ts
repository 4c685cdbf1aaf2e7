/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the top functions and modules by self time,
 * and the time spent under each of Casebook's own functions (the deepest `lib/src` frame of
 * every sample, so a page renderer is charged for the unified and hast calls it makes).
 *
 *   node --cpu-prof --cpu-prof-dir=prof bin/casebook.js build --no-pdf
 *   npx tsx bench/profile-summary.ts prof/*.cpuprofile [--top 25]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** `micromark`, `@scope/pkg`, `casebook src/site`, `node:internal`, `(garbage collector)`… */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/lib\/((?:src|schema)\/[^/]+)/.exec(url);
  if (own) return `casebook ${own[1]}`;
  if (url.startsWith("node:")) return url.split("/")[0]!.replace(/^node:internal.*/, "node:internal");
  return url;
}

const short = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|lib)\//, "$1/");

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; ms: number }[];
  modules: { name: string; ms: number }[];
  ownFrames: { name: string; ms: number }[];
}

export function summarise(profile: Profile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  const own = new Map<string, number>();
  let totalMs = 0;
  const ownFrameCache = new Map<number, string>();
  const ownFrame = (id: number): string => {
    const cached = ownFrameCache.get(id);
    if (cached) return cached;
    let name = "(outside Casebook's code)";
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName, lineNumber } = byId.get(cur)!.callFrame;
      if (/\/lib\/(src|schema)\//.test(url)) {
        name = `${functionName || "(anonymous)"} ${short(url)}:${lineNumber + 1}`;
        break;
      }
    }
    ownFrameCache.set(id, name);
    return name;
  };
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalMs += ms;
    const key = url ? `${functionName || "(anonymous)"} ${short(url)}:${lineNumber + 1}` : functionName;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    const m = moduleOf(url, functionName);
    mod.set(m, (mod.get(m) ?? 0) + ms);
    const o = ownFrame(id);
    own.set(o, (own.get(o) ?? 0) + ms);
  }
  const topOf = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return { totalMs: Math.round(totalMs), functions: topOf(fn), modules: topOf(mod), ownFrames: topOf(own) };
}

function print(title: string, rows: { name: string; ms: number }[], total: number): string {
  const lines = rows.map((r) => `${String(r.ms).padStart(8)} ms ${((100 * r.ms) / total).toFixed(1).padStart(5)}%  ${r.name}`);
  return `${title}\n${lines.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("profile-summary.ts")) {
  const { values, positionals } = parseArgs({ options: { top: { type: "string", default: "25" } }, allowPositionals: true });
  for (const file of positionals) {
    const s = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(values.top));
    process.stdout.write(
      `${file}: ${(s.totalMs / 1000).toFixed(2)} s sampled\n\n` +
        `${print("Self time by function:", s.functions, s.totalMs)}\n` +
        `${print("Self time by module (package, or Casebook folder):", s.modules, s.totalMs)}\n` +
        `${print("Time under Casebook's own functions (deepest lib/src frame of each sample):", s.ownFrames, s.totalMs)}`,
    );
  }
}
