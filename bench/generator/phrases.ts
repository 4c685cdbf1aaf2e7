import type { Lang } from "./lexicon.js";

/**
 * Sentence templates by language and section. `{slot}`s are filled from the case (names,
 * places, sector) and from the pools below, so the text has the vocabulary spread of real
 * prose rather than one repeated sentence: that matters to Pagefind's index size.
 */
export type SectionKind = "context" | "model" | "implementation" | "outcomes" | "lessons";
type Templates = Record<SectionKind, string[]>;

const EN: Templates = {
  context: [
    "Employers in {city} had been reporting a shortage of technicians in {skill} for several years, while local colleges still taught it mostly from textbooks.",
    "{country} expanded its {sector} industry quickly in the 2010s, but its training system did not keep pace with the new equipment and standards.",
    "Surveys by the {assoc} found that fewer than {pct}% of new hires could work on {equip} without months of supervision.",
    "{host} had a long record of teaching {skill2}, yet few of its {group} had ever seen a modern {equip}.",
    "{cn} in {cnCity}, by contrast, had decades of experience training {group} for Chinese employers but little experience of teaching abroad.",
    "The government's skills plan for {year} named {sector} as a priority, and asked colleges to find partners that could bring equipment and know-how.",
    "Most {group} in the region left school at sixteen, and the few training places on offer were far from the industrial zones where jobs were.",
    "A {adj} labour market made the problem worse: trained people moved quickly to better-paid jobs, often abroad.",
    "The first contacts were made at a regional forum in {start}, where the two colleges found that they faced mirror-image problems.",
    "Local companies, including {company}, were willing to offer placements but had no way to judge what a certificate from a local college meant.",
  ],
  model: [
    "The partners chose a {model}: {cn} brings equipment, curricula and teaching methods, while {host} provides the premises, enrols the learners and awards the qualification.",
    "Each Chinese instructor was paired with a local counterpart, and the share of hours taught by local staff was tracked every term.",
    "Learners spend roughly {pct}% of their time on real equipment, including a {equip}, rather than on diagrams.",
    "{company} funds placements, sends engineers to assess final projects and takes part in the yearly review of the curriculum.",
    "Governance rests on a joint board that meets twice a year and publishes a short progress report.",
    "Costs are split: the Chinese side pays for equipment and travel, the host for staff and buildings, industry for placements.",
    "The programme is taught in {langs}, with bilingual glossaries of technical terms prepared by both colleges.",
    "Graduates receive the national qualification of their own country; the workshop certificate is an add-on endorsed by employers.",
    "A {adj} approach was deliberate: the partners wanted local ownership from the first year rather than a parallel foreign school.",
    "The {assoc} sits on the board and helps align the modules with job descriptions in {sector}.",
  ],
  implementation: [
    "In {start}, {n} instructors from {host} spent {weeks} weeks at {cn} learning to teach {skill}.",
    "The first intake of {big} learners started the following autumn, in two shifts to make the most of the equipment.",
    "Customs clearance of the {equip} took {months} months longer than planned, which delayed the practical modules.",
    "Teaching materials were rewritten around tasks rather than components after learners found the first translations hard to use.",
    "From {year}, the workshop also offered short evening courses on {skill2} for employees of {company} and other firms.",
    "The pandemic closed the workshop for much of 2020; theory moved online, but practical blocks had to be compressed into the next year.",
    "A mid-term review in {year} found that {obstacle} was the main risk and recommended training two instructors for every specialist module.",
    "Assessment combines a written test, a timed practical task on the {equip} and a supervisor's report from the placement.",
    "Instructors from both colleges co-taught every module in the first two years, with the Chinese staff stepping back term by term.",
    "Women made up about {pct}% of the learners by {year}, after the college ran open days with local secondary schools.",
    "The partners also produced a new {doc} that other colleges in {country} now use.",
    "{Obstacle} slowed the second phase, and the board agreed to extend the agreement by one year.",
  ],
  outcomes: [
    "By {year}, the programme had trained {big} learners and {n} instructors.",
    "Employers rated the graduates' practical skills well above those of earlier cohorts in the yearly survey.",
    "Local staff now teach most modules; only {skill} still relies on visiting instructors for part of the hours.",
    "{company} hired {n} graduates in {year} and adopted the workshop's {doc} in its own training.",
    "The figures below come from the partners' own records and have not been audited independently.",
    "Completion improved steadily after the first cohort, mainly because of better counselling and paid placements.",
  ],
  lessons: [
    "Equipment without trained teachers is a museum: tracking the share of hours taught by local staff proved the most useful indicator.",
    "Rewrite materials around the tasks of the job, not around the parts of the machine.",
    "Plan for teacher turnover from the start; trained instructors are attractive hires for industry.",
    "Let employers assess final projects, so that the certificate means something on the labour market.",
    "Agree on the exit from the beginning: the aim is a local programme that runs without the foreign partner.",
    "A small, well-equipped workshop achieved more than a large but thinly equipped one.",
    "The approach transfers well to other countries that import equipment faster than they train people to maintain it.",
  ],
};

const ZH: Templates = {
  context: [
    "多年来，{city}的用人单位一直反映{skill}方面的技术人员短缺，而当地院校仍以课本教学为主。",
    "2010年代，{country}的{sector}产业发展迅速，但职业培训体系没有跟上新设备和新标准的步伐。",
    "{assoc}的调查显示，新入职员工中能够独立操作{equip}的不足{pct}%。",
    "{host}在{skill2}教学方面历史悠久，但很少有学生见过现代化的{equip}。",
    "相比之下，位于{cnCity}的{cn}为国内企业培养人才已有数十年经验，但在境外办学方面经验有限。",
    "{start}年，两校在一次区域论坛上首次接触，发现彼此面临的问题恰好互补。",
  ],
  model: [
    "合作各方选择了{model}模式：中方提供设备、课程和教学方法，{host}提供场地、负责招生并颁发学历证书。",
    "每名中方教师都与一名当地教师结对，每学期统计当地教师承担课时的比例。",
    "学员约有{pct}%的时间在真实设备上学习，而不只是看图纸。",
    "{company}资助学生实习，派工程师参与毕业项目考核，并参加课程的年度评审。",
    "费用由三方分担：中方承担设备和差旅费用，东道院校承担人员和场地费用，企业承担实习费用。",
    "联合理事会每年召开两次会议，并发布简要的进展报告。",
  ],
  implementation: [
    "{start}年，{host}的{n}名教师赴{cn}进修{weeks}周，学习{skill}教学。",
    "首批{big}名学员于次年秋季入学，分两班轮流使用设备。",
    "{equip}的清关比计划多用了{months}个月，实训模块因此推迟。",
    "首批翻译教材难以使用，教师随后以工作任务为主线重新编写了教材。",
    "自{year}年起，工坊还面向{company}等企业员工开设{skill2}夜间短期课程。",
    "{year}年的中期评估认为主要风险在于师资流失，建议每个专业模块至少培养两名教师。",
  ],
  outcomes: [
    "截至{year}年，项目共培训学员{big}人、教师{n}人。",
    "在年度调查中，用人单位对毕业生实践能力的评价明显高于以往。",
    "目前大部分模块已由当地教师承担，只有{skill}仍部分依赖外派教师。",
    "以下数据来自合作各方的内部记录，未经独立审计。",
  ],
  lessons: [
    "没有合格教师的设备只是陈列品：统计当地教师承担课时的比例是最有用的指标。",
    "教材应围绕工作任务编写，而不是围绕机器部件编写。",
    "从一开始就要为教师流失做好准备。",
    "请企业参与毕业考核，证书才会在劳动力市场上得到认可。",
    "这一做法适用于其他引进设备快于培养维护人员的国家。",
  ],
};

const FR: Templates = {
  context: [
    "Depuis plusieurs années, les employeurs de {city} signalaient une pénurie de techniciens en {skill}, alors que les établissements locaux l'enseignaient surtout sur manuel.",
    "Le secteur {sector} s'est développé rapidement en {country} dans les années 2010, mais la formation n'a pas suivi l'arrivée des nouveaux équipements.",
    "Selon une enquête de l'{assoc}, moins de {pct} % des nouvelles recrues savaient travailler sur un {equip} sans encadrement.",
    "{host} enseignait depuis longtemps {skill2}, mais peu de ses apprenants avaient déjà vu un {equip} moderne.",
    "{cn}, à {cnCity}, avait au contraire une longue expérience de la formation pour les employeurs chinois, mais peu d'expérience à l'étranger.",
    "Les premiers contacts ont eu lieu lors d'un forum régional en {start}, où les deux établissements ont découvert des besoins complémentaires.",
  ],
  model: [
    "Les partenaires ont choisi la formule suivante : {cn} apporte les équipements et les programmes, {host} fournit les locaux, inscrit les apprenants et délivre le diplôme.",
    "Chaque formateur chinois a été associé à un homologue local, et la part des heures assurées par l'équipe locale a été suivie chaque semestre.",
    "Les apprenants passent environ {pct} % de leur temps sur de vrais équipements plutôt que sur des schémas.",
    "{company} finance les stages, envoie des ingénieurs évaluer les projets de fin d'études et participe à la révision annuelle du programme.",
    "Les coûts sont partagés entre les équipements et les déplacements côté chinois, le personnel et les bâtiments côté local, et les stages côté entreprises.",
    "Un conseil conjoint se réunit deux fois par an et publie un bref rapport d'étape.",
  ],
  implementation: [
    "En {start}, {n} formateurs de {host} ont passé {weeks} semaines à {cn} pour apprendre à enseigner {skill}.",
    "La première promotion de {big} apprenants a commencé l'automne suivant, en deux équipes pour mieux utiliser les équipements.",
    "Le dédouanement du {equip} a pris {months} mois de plus que prévu, ce qui a retardé les modules pratiques.",
    "Les supports ont été réécrits autour des tâches du métier après que les premières traductions se sont révélées inutilisables.",
    "À partir de {year}, l'atelier a aussi proposé des cours du soir en {skill2} pour les salariés de {company}.",
    "Une évaluation à mi-parcours en {year} a recommandé de former deux formateurs pour chaque module spécialisé.",
  ],
  outcomes: [
    "En {year}, le programme avait formé {big} apprenants et {n} formateurs.",
    "Dans l'enquête annuelle, les employeurs ont jugé les compétences pratiques des diplômés nettement supérieures à celles des promotions précédentes.",
    "L'équipe locale assure désormais la plupart des modules ; seul le module {skill} dépend encore en partie de formateurs invités.",
    "Les chiffres ci-dessous proviennent des registres des partenaires et n'ont pas fait l'objet d'un audit indépendant.",
  ],
  lessons: [
    "Un équipement sans formateurs formés n'est qu'un musée : la part des heures assurées localement s'est révélée l'indicateur le plus utile.",
    "Il faut réécrire les supports autour des tâches du métier, et non autour des pièces de la machine.",
    "Il faut prévoir dès le départ le départ de formateurs vers l'industrie.",
    "Confier l'évaluation finale aux employeurs donne sa valeur au certificat sur le marché du travail.",
    "L'approche se transpose bien aux pays qui importent des équipements plus vite qu'ils ne forment les personnes pour les entretenir.",
  ],
};

const RU: Templates = {
  context: [
    "Работодатели в городе {city} несколько лет сообщали о нехватке специалистов по направлению «{skill}», а местные колледжи по-прежнему учили в основном по учебникам.",
    "Отрасль «{sector}» быстро росла в 2010-е годы, но система подготовки кадров не успевала за новым оборудованием и стандартами.",
    "По данным опроса, который провела организация «{assoc}», менее {pct}% новых сотрудников могли работать с оборудованием без длительного наставничества.",
    "Колледж «{host}» давно преподавал направление «{skill2}», однако немногие студенты видели современное оборудование.",
    "Китайский колледж «{cn}» из города {cnCity}, напротив, имел многолетний опыт подготовки кадров, но почти не работал за рубежом.",
    "Первые контакты состоялись на региональном форуме в {start} году, где колледжи обнаружили, что их задачи дополняют друг друга.",
  ],
  model: [
    "Партнёры распределили роли так: китайская сторона поставляет оборудование и учебные программы, а колледж «{host}» предоставляет помещения, набирает студентов и выдаёт диплом.",
    "Каждый китайский преподаватель работал в паре с местным коллегой, и доля часов, которые ведут местные преподаватели, отслеживалась каждый семестр.",
    "Около {pct}% учебного времени студенты проводят на реальном оборудовании, а не за схемами.",
    "Компания «{company}» финансирует практику, направляет инженеров для оценки выпускных проектов и участвует в ежегодном пересмотре программы.",
    "Расходы разделены: китайская сторона оплачивает оборудование и поездки, принимающая сторона — персонал и здания, предприятия — практику.",
    "Совместный совет собирается дважды в год и публикует краткий отчёт о ходе работы.",
  ],
  implementation: [
    "В {start} году {n} преподавателей колледжа «{host}» провели {weeks} недель в Китае, осваивая методику преподавания по направлению «{skill}».",
    "Первый набор из {big} студентов начал обучение следующей осенью, в две смены, чтобы полнее использовать оборудование.",
    "Таможенное оформление оборудования заняло на {months} мес. больше, чем планировалось, и практические модули пришлось отложить.",
    "Учебные материалы переписали вокруг рабочих задач, после того как первые переводы оказались неудобными.",
    "С {year} года мастерская также проводит вечерние курсы по направлению «{skill2}» для сотрудников компании «{company}».",
    "Промежуточная оценка в {year} году рекомендовала готовить по два преподавателя для каждого специального модуля.",
  ],
  outcomes: [
    "К {year} году программа подготовила {big} обучающихся и {n} преподавателей.",
    "В ежегодном опросе работодатели оценили практические навыки выпускников значительно выше, чем у прежних выпусков.",
    "Сейчас большинство модулей ведут местные преподаватели; только направление «{skill}» частично зависит от приглашённых специалистов.",
    "Приведённые ниже данные взяты из отчётов партнёров и не проходили независимый аудит.",
  ],
  lessons: [
    "Оборудование без подготовленных преподавателей превращается в музей: доля часов, которые ведут местные преподаватели, оказалась самым полезным показателем.",
    "Учебные материалы нужно писать вокруг рабочих задач, а не вокруг деталей машины.",
    "С самого начала следует планировать уход преподавателей в промышленность.",
    "Оценка выпускных проектов работодателями придаёт сертификату вес на рынке труда.",
    "Подход хорошо переносится в страны, которые закупают оборудование быстрее, чем готовят людей для его обслуживания.",
  ],
};

export const TEMPLATES: Record<Lang, Templates> = { en: EN, zh: ZH, fr: FR, ru: RU };

export const POOLS = {
  adj: ["cautious", "practical", "modular", "bilingual", "competency-based", "step-by-step", "tight", "fast-growing", "seasonal", "demanding"],
  group: ["diploma students", "working technicians", "instructors", "supervisors", "apprentices", "young women", "rural learners", "trainers", "graduates"],
  obstacle: ["slow visa processing", "staff turnover", "the language barrier", "a fall in the local currency", "unreliable power", "late delivery of spare parts", "a change of ministry"],
  doc: ["curriculum", "assessment guide", "teaching manual", "technical glossary", "lab safety code", "occupational standard", "placement handbook"],
  langs: ["English and Chinese", "the local language and English", "French and Chinese", "Russian and Chinese", "the local language, with Chinese terms in glossaries"],
};

/** Words that announce a sample case at the top of the body, as the sample casebook does. */
export const NOTICE: Record<Lang, string> = {
  en: "> **Generated example.** This case was generated for Casebook's benchmark. The institutions are fictional and every figure is invented.",
  zh: "> **生成示例。** 本案例由 Casebook 基准测试自动生成，文中机构均为虚构，所有数据均为编造。",
  fr: "> **Exemple généré.** Ce cas a été généré pour le banc d'essai de Casebook. Les établissements sont fictifs et tous les chiffres sont inventés.",
  ru: "> **Сгенерированный пример.** Этот кейс создан для тестов производительности Casebook. Все организации вымышлены, все цифры придуманы.",
};

export const TABLE_HEADERS: Record<Lang, [string, string, string, string]> = {
  en: ["Module", "Hours", "Main equipment", "Share taught by local staff"],
  zh: ["模块", "课时", "主要设备", "当地教师授课比例"],
  fr: ["Module", "Heures", "Équipement principal", "Part assurée par l'équipe locale"],
  ru: ["Модуль", "Часы", "Основное оборудование", "Доля местных преподавателей"],
};

export const SUBHEADINGS: Record<Lang, [string, string, string]> = {
  en: ["Curriculum", "Phases", "What went wrong"],
  zh: ["课程", "实施阶段", "遇到的问题"],
  fr: ["Programme", "Étapes", "Difficultés"],
  ru: ["Учебный план", "Этапы", "Трудности"],
};

export const SEE_ALSO: Record<Lang, string> = {
  en: "Related approaches are described in",
  zh: "相关做法另见",
  fr: "Des approches voisines sont décrites dans",
  ru: "Похожие подходы описаны в кейсах",
};
