import type { CasePlan } from "./plan.js";
import { Rng } from "./rng.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A small bar chart (1–2 KB), like the figures of the sample cases. */
export function figureSvg(plan: CasePlan, n: number): string {
  const rng = new Rng(`${plan.id}:figure:${n}`);
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.lastYear; y++) years.push(y);
  const width = 640;
  const height = 320;
  const step = (width - 80) / years.length;
  let value = rng.int(20, 80);
  const bars = years.map((year, i) => {
    value = Math.max(10, value + rng.int(-15, 40));
    const h = Math.min(240, value);
    const x = 60 + i * step;
    return `  <rect x="${x.toFixed(1)}" y="${280 - h}" width="${(step * 0.7).toFixed(1)}" height="${h}" fill="#3d6f8e"/>\n  <text x="${(x + step * 0.35).toFixed(1)}" y="298" font-size="11" text-anchor="middle">${year}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title">
  <title id="title">${esc(`Learners trained per year at ${plan.host}`)}</title>
  <rect width="${width}" height="${height}" fill="#ffffff"/>
  <line x1="56" y1="280" x2="${width - 16}" y2="280" stroke="#333" stroke-width="1"/>
${bars.join("\n")}
</svg>
`;
}

/** A cover picture: a workshop hall drawn with a few shapes. */
export function coverSvg(plan: CasePlan): string {
  const rng = new Rng(`${plan.id}:cover`);
  const hue = rng.int(0, 359);
  const machines = Array.from({ length: rng.int(2, 5) }, (_, i) => {
    const x = 100 + i * 130 + rng.int(0, 30);
    const h = rng.int(60, 140);
    return `  <rect x="${x}" y="${380 - h}" width="${rng.int(60, 110)}" height="${h}" rx="6" fill="hsl(${(hue + i * 40) % 360} 35% 55%)"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450" width="800" height="450" role="img" aria-labelledby="title">
  <title id="title">${esc(`${plan.sectors[0]!.name.en} training hall at ${plan.host}`)}</title>
  <rect width="800" height="450" fill="hsl(${hue} 30% 94%)"/>
  <polygon points="60,150 400,40 740,150" fill="hsl(${hue} 20% 80%)"/>
  <rect x="60" y="150" width="680" height="230" fill="#f7f9fb" stroke="#7b8c99" stroke-width="3"/>
${machines.join("\n")}
  <rect x="0" y="380" width="800" height="70" fill="#9aa7b0"/>
</svg>
`;
}
