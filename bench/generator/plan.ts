import {
  ASSOCIATIONS, CHINA, COLLEGE_KINDS, COMPANY_SUFFIXES, COUNTRIES, inventName, METRICS, MODEL_TYPES, SECTORS,
  type Country, type Lang, type ModelType, type Sector, type Unit,
} from "./lexicon.js";
import { Rng } from "./rng.js";

export interface Outcome {
  metric: string;
  unit: Unit;
  phrase: string;
  value: number;
  year: number;
  baseline?: number;
  currency?: string;
  source?: string;
  note?: string;
}

/** Everything decided about one case before its text is written. */
export interface CasePlan {
  index: number;
  id: string;
  country: Country;
  direction: "bring-in" | "go-global" | "two-way";
  sectors: Sector[];
  models: ModelType[];
  city: string;
  cnCity: string;
  host: string;
  cn: string;
  company: string;
  assoc: string;
  period: { start: number; end?: number };
  /** The last year outcomes can be measured in. */
  lastYear: number;
  outcomes: Outcome[];
  /** The body's length in words, drawn from 600–1,500 (the sample's mix). */
  targetWords: number;
  hasTable: boolean;
  hasFootnote: boolean;
  hasCover: boolean;
  figures: number;
  translation?: Exclude<Lang, "en">;
  status: "published" | "review";
  /** Indices of the cases this one links to. */
  links: number[];
}

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The identity of case `index`: its own random stream, so a case never depends on its neighbours. */
export function planCase(seed: string, index: number): CasePlan {
  const rng = new Rng(`${seed}:plan:${index}`);
  const country = rng.pick(COUNTRIES);
  const direction = rng.weighted([["go-global", 13], ["two-way", 7], ["bring-in", 4]] as const);
  const sectors = rng.sample(SECTORS, rng.weighted([[1, 7], [2, 3]] as const));
  const models = rng.sample(MODEL_TYPES, rng.weighted([[1, 5], [2, 4], [3, 1]] as const));
  const first = sectors[0]!;
  const id = `${slug(country.name.en)}-${first.slug}-${models[0]!.slug}-${String(index + 1).padStart(5, "0")}`;
  const start = rng.int(2010, 2021);
  const ongoing = rng.chance(0.2);
  const end = ongoing ? undefined : Math.min(start + rng.int(2, 8), 2025);
  const lastYear = Math.min(end ?? 2024, 2024);
  const host = `${inventName(rng)} ${rng.pick(COLLEGE_KINDS)}`;
  const cnCity = rng.pick(CHINA.cities);
  const plan: CasePlan = {
    index,
    id,
    country,
    direction,
    sectors,
    models,
    city: rng.pick(country.cities),
    cnCity,
    host,
    cn: `${cnCity.replace("'", "")} ${inventName(rng)} ${rng.pick(COLLEGE_KINDS)}`,
    company: `${inventName(rng)} ${rng.pick(COMPANY_SUFFIXES)}`,
    assoc: `${country.name.en} ${first.name.en.replace(/\b(?!and\b)\w/g, (c) => c.toUpperCase())} ${rng.pick(ASSOCIATIONS)}`,
    period: end === undefined ? { start } : { start, end },
    lastYear,
    outcomes: [],
    targetWords: Math.round(600 + 860 * ((rng.next() + rng.next()) / 2)),
    hasTable: rng.chance(0.6),
    hasFootnote: rng.chance(0.6),
    hasCover: rng.chance(0.45),
    figures: rng.weighted([[0, 6], [1, 3], [2, 1]] as const),
    status: rng.chance(0.93) ? "published" : "review",
    links: [],
  };
  if (rng.chance(0.25)) plan.translation = rng.weighted([["zh", 2], ["fr", 1], ["ru", 1]] as const);
  plan.outcomes = planOutcomes(rng, plan);
  return plan;
}

function planOutcomes(rng: Rng, plan: CasePlan): Outcome[] {
  const metrics = rng.sample(METRICS, rng.int(3, 6));
  return metrics.map((m) => {
    const year = rng.int(Math.min(plan.period.start + 1, plan.lastYear), plan.lastYear);
    const o: Outcome = { metric: m.id, unit: m.unit, phrase: m.phrase, value: 0, year };
    if (m.unit === "percent") {
      o.value = rng.int(55, 99);
      if (rng.chance(0.5)) o.baseline = rng.int(20, o.value);
    } else if (m.unit === "currency") {
      o.value = rng.int(2, 400) * 50_000;
      o.currency = rng.pick(["CNY", "CNY", "USD", "EUR"]);
    } else if (m.unit === "hours") o.value = rng.int(20, 900) * 100;
    else {
      const small = m.id === "standards-adopted" || m.id === "courses-developed";
      o.value = small ? rng.int(2, 40) : rng.int(12, m.id === "learners-trained" ? 4000 : 600);
      if (rng.chance(0.3)) o.baseline = 0;
    }
    if (rng.chance(0.4)) o.source = `${plan.host} annual report ${year} (generated)`;
    if (rng.chance(0.35)) o.note = `Cumulative since ${plan.period.start}; figures reported by the partners`;
    return o;
  });
}

/** Cross-links: 0–4 per case (about 2 on average, as in the sample), to other cases of the book. */
export function planLinks(seed: string, plans: CasePlan[]): void {
  if (plans.length < 2) return;
  for (const plan of plans) {
    const rng = new Rng(`${seed}:links:${plan.index}`);
    const count = rng.weighted([[0, 2], [1, 3], [2, 5], [3, 3], [4, 1]] as const);
    const targets = new Set<number>();
    for (let tries = 0; targets.size < Math.min(count, plans.length - 1) && tries < 20; tries++) {
      const t = rng.int(0, plans.length - 1);
      if (t !== plan.index) targets.add(t);
    }
    plan.links = [...targets];
  }
}
