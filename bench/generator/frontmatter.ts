import { createHash } from "node:crypto";
import { CHINA, FAMILY, GIVEN, LICENSES, SDGS, type Lang } from "./lexicon.js";
import type { CasePlan } from "./plan.js";
import { Rng } from "./rng.js";
import { yamlFlow, yamlFolded, yamlScalar as q, yamlStringOnly } from "./yaml-text.js";

/** A valid ORCID iD: 15 random digits and the ISO 7064 MOD 11-2 check character. */
function orcid(rng: Rng): string {
  const digits = Array.from({ length: 15 }, (_, i) => (i < 4 ? "0" : String(rng.int(0, 9)))).join("");
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? "X" : String(check));
  return all.match(/.{4}/g)!.join("-");
}

const date = (rng: Rng, minMonth = 1) => {
  const month = rng.int(minMonth, 9);
  return { month, text: `2025-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}` };
};

function title(plan: CasePlan, rng: Rng): string {
  const model = plan.models[0]!;
  const sector = plan.sectors[0]!;
  const skill = rng.pick(sector.skills);
  return rng.pick([
    `A ${model.phrase} for ${skill} in ${plan.city}`,
    `${sector.name.en[0]!.toUpperCase()}${sector.name.en.slice(1)} skills through a ${model.phrase} in ${plan.country.name.en}`,
    `${plan.cnCity} and ${plan.city}: a ${model.phrase} in ${sector.name.en}`,
    `Training technicians in ${skill} with partners from ${plan.cnCity}`,
  ]);
}

function summary(plan: CasePlan, rng: Rng): string {
  const sector = plan.sectors[0]!;
  const [skill, skill2] = rng.sample(sector.skills, 2);
  const learners = plan.outcomes.find((o) => o.metric === "learners-trained")?.value ?? rng.int(100, 2000);
  return (
    `${plan.host} in ${plan.city} and ${plan.cn} set up a ${plan.models[0]!.phrase} in ${sector.name.en}, ` +
    `teaching ${skill} and ${skill2} on real equipment while local instructors were trained to take over the teaching. ` +
    `By ${plan.lastYear} it had trained ${learners.toLocaleString("en-US")} learners, with ${plan.company} providing placements.`
  );
}

/** The frontmatter of the original (English) file: every field, in the sample's order and style. */
export function originalFrontmatter(plan: CasePlan): { yaml: string; published: number; translatable: { title: string; summary: string; tags: string[] } } {
  const rng = new Rng(`${plan.id}:frontmatter`);
  const { country } = plan;
  const countries = plan.direction === "bring-in" ? [CHINA.code, country.code] : [country.code, CHINA.code];
  const partners: [string, string, string][] = [
    [plan.host, "vocational-college", country.code],
    [plan.cn, rng.chance(0.8) ? "vocational-college" : "university", CHINA.code],
    [plan.company, "enterprise", rng.chance(0.6) ? country.code : CHINA.code],
  ];
  if (rng.chance(0.4)) partners.push([plan.assoc, "industry-association", country.code]);
  if (rng.chance(0.15)) partners.push([`Ministry of Labour of ${country.name.en}`, "government", country.code]);
  const translatable = { title: title(plan, rng), summary: summary(plan, rng), tags: [] as string[] };
  const lines: string[] = [
    `title: ${q(translatable.title)}`,
    yamlFolded("summary", translatable.summary),
    `countries: ${yamlFlow(countries)}`,
    "partners:",
    ...partners.flatMap(([name, kind, code]) => [`  - name: ${q(name)}`, `    kind: ${kind}`, `    country: ${code}`]),
    `models: ${yamlFlow(plan.models.map((m) => m.id))}`,
    `direction: ${plan.direction}`,
    `sectors: ${yamlFlow(plan.sectors.map((s) => s.id))}`,
  ];
  if (rng.chance(0.8)) lines.push(`levels: ${yamlFlow(rng.sample([2, 3, 4, 5, 6, 7], rng.int(1, 3)).sort())}`);
  lines.push("period:", `  start: ${plan.period.start}`, ...(plan.period.end ? [`  end: ${plan.period.end}`] : []));
  lines.push("outcomes:");
  for (const o of plan.outcomes) {
    lines.push(`  - metric: ${o.metric}`, `    value: ${o.value}`, `    year: ${o.year}`);
    if (o.baseline !== undefined) lines.push(`    baseline: ${o.baseline}`);
    if (o.currency) lines.push(`    currency: ${o.currency}`);
    if (o.source) lines.push(`    source: ${q(o.source)}`);
    if (o.note) lines.push(`    note: ${q(o.note)}`);
  }
  if (rng.chance(0.85)) lines.push(`sdgs: ${yamlFlow(rng.sample(SDGS, rng.int(2, 4)).sort((a, b) => a - b))}`);
  lines.push("authors:");
  for (let i = rng.int(1, 3); i > 0; i--) {
    lines.push(`  - name: ${q(`${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`)}`);
    if (rng.chance(0.7)) lines.push(`    affiliation: ${q(rng.pick([plan.host, plan.cn, "Global Vocational Education Casebook"]))}`);
    if (rng.chance(0.3)) lines.push(`    orcid: ${orcid(rng)}`);
  }
  const published = date(rng);
  lines.push(`status: ${plan.status}`, `published: ${published.text}`);
  if (rng.chance(0.5)) lines.push(`updated: 2025-${String(rng.int(published.month + 1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`);
  if (plan.hasCover) lines.push("cover:", "  src: images/cover.svg", `  alt: ${q(`Trainees at work on a ${rng.pick(plan.sectors[0]!.equipment)} in a workshop hall`)}`);
  translatable.tags = [...rng.sample(plan.sectors[0]!.tags, rng.int(2, 3)), plan.models[0]!.phrase];
  lines.push(`tags: ${yamlFlow(translatable.tags)}`);
  if (rng.chance(0.8)) {
    lines.push("sources:");
    for (let i = rng.int(1, 3); i > 0; i--) {
      const year = rng.int(plan.period.start, plan.lastYear);
      lines.push(`  - title: ${q(`${plan.host} cooperation report ${year} (generated)`)}`);
      if (rng.chance(0.6)) lines.push(`    url: https://example.org/casebook/${plan.id}/report-${year}-${i}`);
      if (rng.chance(0.4)) lines.push(`    publisher: ${q(plan.host)}`);
      if (rng.chance(0.5)) lines.push(`    year: ${year}`);
    }
  }
  lines.push(`license: ${rng.weighted(LICENSES)}`);
  return { yaml: `---\n${lines.join("\n")}\n---\n`, published: published.month, translatable };
}

const TRANSLATED: Record<Exclude<Lang, "en">, { title(p: CasePlan): string; summary(p: CasePlan, learners: number): string }> = {
  zh: {
    title: (p) => `${p.country.name.zh}${p.sectors[0]!.name.zh}${p.models[0]!.label.zh}案例（${p.city}）`,
    summary: (p, n) =>
      `${p.host}与${p.cn}在${p.city}合作开展${p.sectors[0]!.name.zh}领域的${p.models[0]!.label.zh}，在真实设备上培养技术技能人才，当地教师逐步接手全部教学。截至${p.lastYear}年，项目累计培训学员${n}人，${p.company}提供实习岗位。`,
  },
  fr: {
    title: (p) => `${p.models[0]!.label.fr} en ${p.sectors[0]!.name.fr} à ${p.city}`,
    summary: (p, n) =>
      `${p.host}, à ${p.city}, et ${p.cn} ont créé ensemble un dispositif de formation en ${p.sectors[0]!.name.fr}, sur de vrais équipements, tout en formant les formateurs locaux à prendre le relais. En ${p.lastYear}, ${n} apprenants avaient été formés ; ${p.company} accueille les stagiaires.`,
  },
  ru: {
    title: (p) => `${p.models[0]!.label.ru}: ${p.sectors[0]!.name.ru} (${p.city})`,
    summary: (p, n) =>
      `Колледж «${p.host}» (${p.city}) и китайский колледж «${p.cn}» создали совместную программу в отрасли «${p.sectors[0]!.name.ru}»: обучение идёт на реальном оборудовании, а местные преподаватели постепенно берут преподавание на себя. К ${p.lastYear} году подготовлено ${n} человек; практику предоставляет компания «${p.company}».`,
  },
};

/**
 * The version of the original a translation was made from, as `casebook stamp` records it: the
 * first 12 hex digits of SHA-256 over `JSON.stringify([title, summary, tags]) + "\n" + body.trim()`
 * (see src/translations/source-hash.ts; the generator test runs `check`, which compares them).
 */
export function sourceHash(original: { title: string; summary: string; tags: string[] }, body: string): string {
  const input = `${JSON.stringify([original.title, original.summary, original.tags])}\n${body.trim()}`;
  return createHash("sha256").update(input, "utf8").digest("hex").slice(0, 12);
}

/** A translation carries its own texts, `translatedFrom`, `sourceHash` and translators, and inherits the rest. */
export function translationFrontmatter(plan: CasePlan, lang: Exclude<Lang, "en">, originalMonth: number, hash: string): string {
  const rng = new Rng(`${plan.id}:frontmatter:${lang}`);
  const learners = plan.outcomes.find((o) => o.metric === "learners-trained")?.value ?? rng.int(100, 2000);
  const t = TRANSLATED[lang];
  const tags = [plan.sectors[0]!.name[lang], plan.models[0]!.label[lang], plan.country.name[lang]];
  const lines = [
    "translatedFrom: en",
    // As `casebook stamp` writes it, but quoted when YAML would read it as a number (012345678901, 123456e7890).
    `sourceHash: ${yamlStringOnly(hash)}`,
    `title: ${q(t.title(plan))}`,
    yamlFolded("summary", t.summary(plan, learners)),
    `tags: ${yamlFlow([...new Set(tags)])}`,
    "translators:",
    `  - name: ${q(`${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`)}`,
    `status: ${rng.chance(0.9) ? "published" : "review"}`,
    `published: 2025-${String(rng.int(Math.min(originalMonth + 1, 12), 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
  ];
  return `---\n${lines.join("\n")}\n---\n`;
}
