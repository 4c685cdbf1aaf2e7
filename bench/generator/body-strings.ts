import type { Lang } from "./lexicon.js";
import type { CasePlan, Outcome } from "./plan.js";

type Tr = Exclude<Lang, "en">;

/** Metric labels in zh, fr and ru (copied from outcome-metrics.yaml); English uses the plan's phrase. */
const METRIC_LABELS: Record<string, Record<Tr, string>> = {
  "learners-trained": { zh: "培训学员数", fr: "Apprenants formés", ru: "Число обученных" },
  "graduates": { zh: "毕业生数", fr: "Diplômés", ru: "Число выпускников" },
  "employment-rate": { zh: "就业率", fr: "Taux d'insertion professionnelle", ru: "Уровень трудоустройства" },
  "teachers-trained": { zh: "培训教师数", fr: "Enseignants formés", ru: "Число обученных преподавателей" },
  "certificates-awarded": { zh: "获证人次", fr: "Certifications délivrées", ru: "Число выданных сертификатов" },
  "enterprises-involved": { zh: "参与企业数", fr: "Entreprises participantes", ru: "Число участвующих предприятий" },
  "training-hours": { zh: "培训学时", fr: "Heures de formation", ru: "Учебные часы" },
  "courses-developed": { zh: "开发课程数", fr: "Cours élaborés", ru: "Число разработанных курсов" },
  "standards-adopted": { zh: "采用标准数", fr: "Normes adoptées", ru: "Число принятых стандартов" },
  "investment": { zh: "投入资金", fr: "Investissement", ru: "Объём инвестиций" },
  "equipment-value": { zh: "设备价值", fr: "Valeur des équipements", ru: "Стоимость оборудования" },
  "completion-rate": { zh: "结业率", fr: "Taux d'achèvement", ru: "Доля завершивших обучение" },
  "satisfaction-rate": { zh: "满意度", fr: "Taux de satisfaction", ru: "Уровень удовлетворённости" },
  "scholarships-awarded": { zh: "奖学金名额", fr: "Bourses attribuées", ru: "Число предоставленных стипендий" },
  "competition-awards": { zh: "竞赛获奖数", fr: "Prix remportés en compétition", ru: "Число наград на конкурсах" },
};

/** One bullet of the Outcomes section, restating a frontmatter outcome in prose. */
export function outcomeBullet(o: Outcome, lang: Lang): string {
  const value =
    o.unit === "percent" ? `${o.value}%` : o.unit === "currency" ? `${o.currency} ${o.value.toLocaleString("en-US")}` : o.value.toLocaleString("en-US");
  if (lang === "en") {
    const base = o.baseline !== undefined ? `, against ${o.unit === "percent" ? `${o.baseline}%` : o.baseline} at the start` : "";
    return o.unit === "percent" || o.unit === "currency" ? `${value} ${o.phrase} in ${o.year}${base};` : `${value} ${o.phrase} by ${o.year}${base};`;
  }
  const label = METRIC_LABELS[o.metric]?.[lang] ?? o.metric;
  if (lang === "zh") return `${label}：${value}（${o.year}年）；`;
  return lang === "fr" ? `${label} : ${value} (${o.year}) ;` : `${label}: ${value} (${o.year});`;
}

export const LEADS: Record<Lang, string[]> = {
  en: ["Learn on real equipment.", "Teach the teachers first.", "National qualifications, not parallel ones.", "Industry at the table.", "Share the costs.", "Plan the handover."],
  zh: ["在真设备上学。", "先培养教师。", "采用本国学历。", "企业全程参与。", "成本共担。", "规划移交。"],
  fr: ["Apprendre sur de vrais équipements.", "Former d'abord les formateurs.", "Des diplômes nationaux.", "L'entreprise à la table.", "Partager les coûts.", "Préparer le transfert."],
  ru: ["Учиться на реальном оборудовании.", "Сначала готовить преподавателей.", "Национальные дипломы.", "Работодатели за столом.", "Разделять расходы.", "Планировать передачу."],
};

export const FOOTNOTE: Record<Lang, string> = {
  en: "The certificate is a workshop credential, not a national qualification. Its value to employers rests on the enterprise partner's endorsement and on the assessed final project.",
  zh: "该证书是工坊证书，并非国家资格证书，其价值取决于企业合作方的背书和经过考核的毕业项目。",
  fr: "Le certificat est une attestation de l'atelier et non une qualification nationale ; sa valeur repose sur l'aval de l'entreprise partenaire.",
  ru: "Сертификат мастерской не является национальной квалификацией; его ценность для работодателей основана на поддержке предприятия-партнёра.",
};

export const TABLE_INTRO: Record<Lang, string> = {
  en: "The partners mapped the curriculum against national standards and the employers' job descriptions:",
  zh: "合作各方将课程与国家标准和企业岗位要求逐项对照，形成以下模块：",
  fr: "Les partenaires ont confronté le programme aux normes nationales et aux fiches de poste des employeurs :",
  ru: "Партнёры сопоставили учебный план с национальными стандартами и должностными инструкциями работодателей:",
};

export function moduleName(plan: CasePlan, lang: Lang, k: number): string {
  const sector = plan.sectors[0]!;
  if (lang === "en") return sector.skills[k % sector.skills.length]!.replace(/^./, (c) => c.toUpperCase());
  if (lang === "zh") return `${sector.name.zh}模块${k + 1}`;
  if (lang === "fr") return `Module ${k + 1} : ${sector.name.fr}`;
  return `Модуль ${k + 1}: ${sector.name.ru}`;
}

export function figureText(plan: CasePlan, lang: Lang, n: number): { alt: string; caption: string } {
  const { start } = plan.period;
  const end = plan.lastYear;
  switch (lang) {
    case "en":
      return {
        alt: `Bar chart of learners trained each year from ${start} to ${end}, rising after the first two years`,
        caption: `Figure ${n}. Learners trained per year at ${plan.host}`,
      };
    case "zh":
      return { alt: `${start}—${end}年每年培训学员人数柱状图，前两年之后逐年上升`, caption: `图${n}：历年培训学员人数` };
    case "fr":
      return { alt: `Diagramme en barres des apprenants formés chaque année de ${start} à ${end}`, caption: `Figure ${n}. Apprenants formés par an` };
    case "ru":
      return { alt: `Столбчатая диаграмма числа обученных по годам с ${start} по ${end} год`, caption: `Рисунок ${n}. Число обученных по годам` };
  }
}

export function linkText(target: CasePlan, lang: Lang): string {
  const model = target.models[0]!;
  switch (lang) {
    case "en":
      return `${model.phrase} in ${target.country.name.en}`;
    case "zh":
      return `${target.country.name.zh}${model.label.zh}案例`;
    case "fr":
      return `${model.label.fr.toLowerCase()} (${target.country.name.fr})`;
    case "ru":
      return `«${model.label.ru}» (${target.country.name.ru})`;
  }
}
