/**
 * The facts a generated case is made of. Vocabulary ids are copied from schema/vocabularies/
 * on purpose (not read at run time): a seed must produce the same casebook even after editors
 * add terms, so figures stay comparable across versions. The generator test runs the real
 * `casebook check` over the output, so a renamed id cannot go unnoticed.
 */
export type Lang = "en" | "zh" | "fr" | "ru";
export type Localized = Record<Lang, string>;

export interface Country {
  code: string;
  name: Localized;
  cities: string[];
}

const c = (code: string, en: string, zh: string, fr: string, ru: string, cities: string[]): Country => ({
  code,
  name: { en, zh, fr, ru },
  cities,
});

/** Partner countries of the sample casebook's kind of cooperation (China is the other side). */
export const COUNTRIES: Country[] = [
  c("TH", "Thailand", "泰国", "Thaïlande", "Таиланд", ["Bangkok", "Chiang Mai", "Khon Kaen", "Rayong"]),
  c("VN", "Viet Nam", "越南", "Viêt Nam", "Вьетнам", ["Hanoi", "Hai Phong", "Da Nang", "Bac Ninh"]),
  c("KH", "Cambodia", "柬埔寨", "Cambodge", "Камбоджа", ["Phnom Penh", "Siem Reap", "Battambang"]),
  c("LA", "Laos", "老挝", "Laos", "Лаос", ["Vientiane", "Luang Prabang", "Savannakhet"]),
  c("MY", "Malaysia", "马来西亚", "Malaisie", "Малайзия", ["Kuala Lumpur", "Penang", "Johor Bahru"]),
  c("ID", "Indonesia", "印度尼西亚", "Indonésie", "Индонезия", ["Jakarta", "Surabaya", "Bandung", "Batam"]),
  c("PK", "Pakistan", "巴基斯坦", "Pakistan", "Пакистан", ["Karachi", "Lahore", "Gwadar"]),
  c("KZ", "Kazakhstan", "哈萨克斯坦", "Kazakhstan", "Казахстан", ["Almaty", "Karaganda", "Shymkent", "Astana"]),
  c("UZ", "Uzbekistan", "乌兹别克斯坦", "Ouzbékistan", "Узбекистан", ["Tashkent", "Samarkand", "Namangan"]),
  c("KG", "Kyrgyzstan", "吉尔吉斯斯坦", "Kirghizistan", "Киргизия", ["Bishkek", "Osh"]),
  c("MN", "Mongolia", "蒙古", "Mongolie", "Монголия", ["Ulaanbaatar", "Erdenet", "Darkhan"]),
  c("RU", "Russia", "俄罗斯", "Russie", "Россия", ["Kazan", "Novosibirsk", "Vladivostok", "Yekaterinburg"]),
  c("EG", "Egypt", "埃及", "Égypte", "Египет", ["Cairo", "Alexandria", "Port Said"]),
  c("ET", "Ethiopia", "埃塞俄比亚", "Éthiopie", "Эфиопия", ["Addis Ababa", "Hawassa", "Dire Dawa"]),
  c("KE", "Kenya", "肯尼亚", "Kenya", "Кения", ["Nairobi", "Mombasa", "Kisumu"]),
  c("NG", "Nigeria", "尼日利亚", "Nigeria", "Нигерия", ["Lagos", "Abuja", "Kano"]),
  c("TZ", "Tanzania", "坦桑尼亚", "Tanzanie", "Танзания", ["Dar es Salaam", "Arusha", "Dodoma"]),
  c("ZM", "Zambia", "赞比亚", "Zambie", "Замбия", ["Lusaka", "Kitwe", "Ndola"]),
  c("ZA", "South Africa", "南非", "Afrique du Sud", "Южная Африка", ["Johannesburg", "Durban", "Gqeberha"]),
  c("MA", "Morocco", "摩洛哥", "Maroc", "Марокко", ["Casablanca", "Tangier", "Rabat"]),
  c("DJ", "Djibouti", "吉布提", "Djibouti", "Джибути", ["Djibouti City"]),
  c("BR", "Brazil", "巴西", "Brésil", "Бразилия", ["Fortaleza", "Salvador", "Curitiba"]),
  c("PE", "Peru", "秘鲁", "Pérou", "Перу", ["Lima", "Arequipa", "Chancay"]),
  c("CL", "Chile", "智利", "Chili", "Чили", ["Santiago", "Antofagasta", "Valparaíso"]),
  c("MX", "Mexico", "墨西哥", "Mexique", "Мексика", ["Monterrey", "Querétaro", "Puebla"]),
  c("DE", "Germany", "德国", "Allemagne", "Германия", ["Duisburg", "Stuttgart", "Leipzig"]),
  c("FR", "France", "法国", "France", "Франция", ["Lyon", "Toulouse", "Lille"]),
  c("GB", "United Kingdom", "英国", "Royaume-Uni", "Великобритания", ["Birmingham", "Leeds", "Glasgow"]),
  c("IT", "Italy", "意大利", "Italie", "Италия", ["Turin", "Bologna", "Naples"]),
  c("RS", "Serbia", "塞尔维亚", "Serbie", "Сербия", ["Belgrade", "Novi Sad", "Smederevo"]),
  c("HU", "Hungary", "匈牙利", "Hongrie", "Венгрия", ["Budapest", "Debrecen", "Győr"]),
  c("JP", "Japan", "日本", "Japon", "Япония", ["Osaka", "Nagoya", "Sendai"]),
  c("KR", "Republic of Korea", "韩国", "République de Corée", "Республика Корея", ["Busan", "Incheon", "Daejeon"]),
  c("SG", "Singapore", "新加坡", "Singapour", "Сингапур", ["Singapore"]),
  c("AE", "United Arab Emirates", "阿联酋", "Émirats arabes unis", "ОАЭ", ["Dubai", "Abu Dhabi"]),
  c("SA", "Saudi Arabia", "沙特阿拉伯", "Arabie saoudite", "Саудовская Аравия", ["Riyadh", "Jeddah", "Dammam"]),
  c("US", "United States", "美国", "États-Unis", "США", ["Ohio", "Michigan", "Texas"]),
  c("AU", "Australia", "澳大利亚", "Australie", "Австралия", ["Perth", "Adelaide", "Brisbane"]),
  c("BD", "Bangladesh", "孟加拉国", "Bangladesh", "Бангладеш", ["Dhaka", "Chattogram"]),
  c("LK", "Sri Lanka", "斯里兰卡", "Sri Lanka", "Шри-Ланка", ["Colombo", "Hambantota"]),
];

export const CHINA: Country = c("CN", "China", "中国", "Chine", "Китай", [
  "Tianjin", "Ningbo", "Chongqing", "Shenzhen", "Wuxi", "Foshan", "Chengdu", "Xi'an", "Nanning", "Kunming", "Urumqi", "Qingdao",
]);

export interface Sector {
  id: string;
  slug: string;
  name: Localized;
  /** Skills taught, as English noun phrases, for prose and tables. */
  skills: string[];
  equipment: string[];
  tags: string[];
}

const s = (id: string, slug: string, name: Localized, skills: string[], equipment: string[], tags: string[]): Sector => ({
  id, slug, name, skills, equipment, tags,
});

export const SECTORS: Sector[] = [
  s("rail-transport", "rail", { en: "rail transport", zh: "轨道交通", fr: "transport ferroviaire", ru: "железнодорожный транспорт" },
    ["track inspection", "bogie maintenance", "brake testing", "signalling and interlocking", "traction power"],
    ["track section", "bogie test stand", "signalling simulator", "brake test bench"], ["rail", "maintenance", "urban transit"]),
  s("automotive", "auto", { en: "automotive", zh: "汽车", fr: "automobile", ru: "автомобильная промышленность" },
    ["battery diagnostics", "powertrain repair", "body and paint", "vehicle electronics", "chassis alignment"],
    ["battery pack trainer", "diagnostic scanner", "paint booth", "lift bay"], ["electric vehicles", "repair", "diagnostics"]),
  s("advanced-manufacturing", "manufacturing", { en: "advanced manufacturing", zh: "先进制造", fr: "fabrication avancée", ru: "передовое производство" },
    ["CNC machining", "metrology", "additive manufacturing", "lean production", "tool design"],
    ["five-axis machining centre", "coordinate measuring machine", "metal printer", "production cell"], ["machining", "quality", "lean"]),
  s("electrical-automation", "automation", { en: "electrical automation", zh: "电气自动化", fr: "automatisme électrique", ru: "электроавтоматика" },
    ["PLC programming", "robot commissioning", "industrial networks", "motor drives", "sensor calibration"],
    ["PLC training rack", "collaborative robot", "drive test bench", "smart factory line"], ["robotics", "PLC", "mechatronics"]),
  s("information-technology", "digital", { en: "information technology", zh: "信息技术", fr: "technologies de l'information", ru: "информационные технологии" },
    ["network administration", "cloud operations", "cybersecurity", "data analysis", "software testing"],
    ["server room", "network lab", "cloud sandbox", "security range"], ["cloud", "networks", "data"]),
  s("construction", "construction", { en: "construction", zh: "建筑", fr: "construction", ru: "строительство" },
    ["building information modelling", "surveying", "formwork", "site safety", "concrete technology"],
    ["total station", "BIM studio", "formwork yard", "materials lab"], ["BIM", "surveying", "site safety"]),
  s("agriculture-food", "agri", { en: "agriculture and food", zh: "农业与食品", fr: "agriculture et alimentation", ru: "сельское хозяйство и продовольствие" },
    ["drip irrigation", "greenhouse management", "food safety", "farm machinery", "post-harvest handling"],
    ["demonstration greenhouse", "irrigation field", "food lab", "tractor fleet"], ["irrigation", "food safety", "smallholders"]),
  s("hospitality-tourism", "hospitality", { en: "hospitality and tourism", zh: "酒店与旅游", fr: "hôtellerie et tourisme", ru: "гостиничный бизнес и туризм" },
    ["front office operations", "food and beverage service", "housekeeping", "tour guiding", "revenue management"],
    ["training hotel", "restaurant kitchen", "front desk simulator"], ["hotels", "service", "tourism"]),
  s("logistics", "logistics", { en: "logistics", zh: "物流", fr: "logistique", ru: "логистика" },
    ["warehouse management", "customs procedures", "cold chain", "fleet planning", "cross-border e-commerce fulfilment"],
    ["warehouse simulator", "forklift yard", "customs lab"], ["warehousing", "supply chain", "customs"]),
  s("health-care", "health", { en: "health care", zh: "医疗卫生", fr: "santé", ru: "здравоохранение" },
    ["clinical nursing", "elderly care", "rehabilitation", "infection control", "medical equipment maintenance"],
    ["simulation ward", "rehabilitation studio", "skills lab"], ["nursing", "elderly care", "simulation"]),
  s("renewable-energy", "energy", { en: "renewable energy", zh: "新能源", fr: "énergies renouvelables", ru: "возобновляемая энергетика" },
    ["solar installation", "wind turbine maintenance", "battery storage", "mini-grid operation", "energy auditing"],
    ["rooftop solar rig", "nacelle trainer", "battery room", "mini-grid line"], ["solar", "wind", "mini-grids"]),
  s("aviation", "aviation", { en: "aviation", zh: "航空", fr: "aéronautique", ru: "авиация" },
    ["airframe maintenance", "avionics", "ground handling", "composite repair", "engine inspection"],
    ["training aircraft", "avionics bench", "composite shop"], ["aircraft maintenance", "avionics", "airports"]),
  s("textiles-apparel", "textile", { en: "textiles and apparel", zh: "纺织服装", fr: "textile et habillement", ru: "текстиль и одежда" },
    ["pattern making", "industrial sewing", "quality inspection", "textile dyeing", "line balancing"],
    ["sewing line", "pattern CAD studio", "dyeing lab"], ["garments", "textiles", "productivity"]),
  s("commerce", "commerce", { en: "commerce", zh: "商贸", fr: "commerce", ru: "торговля" },
    ["digital marketing", "live-stream selling", "store management", "cross-border payments", "customer service"],
    ["e-commerce studio", "live-stream room", "retail lab"], ["e-commerce", "retail", "marketing"]),
  s("mining-metallurgy", "mining", { en: "mining and metallurgy", zh: "矿业与冶金", fr: "mines et métallurgie", ru: "горное дело и металлургия" },
    ["heavy equipment operation", "mine safety", "mineral processing", "welding", "hydraulics"],
    ["haul truck simulator", "welding booths", "hydraulics bench"], ["mining", "welding", "safety"]),
  s("culinary-arts", "culinary", { en: "culinary arts", zh: "烹饪", fr: "arts culinaires", ru: "кулинарное искусство" },
    ["regional cuisine", "pastry", "kitchen hygiene", "menu costing", "banquet service"],
    ["teaching kitchen", "pastry lab", "restaurant"], ["cuisine", "chefs", "mobility"]),
  s("creative-design", "design", { en: "creative design", zh: "创意设计", fr: "design et création", ru: "креативный дизайн" },
    ["product design", "visual communication", "digital fabrication", "interior design", "craft heritage"],
    ["maker space", "print studio", "design lab"], ["design", "competitions", "craft"]),
  s("maritime-ports", "port", { en: "maritime and ports", zh: "港口航运", fr: "maritime et portuaire", ru: "морской транспорт и порты" },
    ["crane operation", "terminal planning", "marine engineering", "port safety", "container handling"],
    ["quay crane simulator", "engine room trainer", "terminal control room"], ["ports", "cranes", "shipping"]),
];

export interface ModelType {
  id: string;
  slug: string;
  phrase: string;
  /** The vocabulary's label in zh, fr and ru (copied from model-types.yaml). */
  label: Record<Exclude<Lang, "en">, string>;
}

export const MODEL_TYPES: ModelType[] = [
  { id: "joint-programme", slug: "joint-programme", phrase: "joint programme", label: { zh: "中外合作办学项目", fr: "Programme conjoint", ru: "Совместная программа" } },
  { id: "overseas-workshop", slug: "workshop", phrase: "overseas training workshop", label: { zh: "海外实训工坊", fr: "Atelier de formation à l'étranger", ru: "Зарубежная учебная мастерская" } },
  { id: "co-built-training-base", slug: "training-base", phrase: "co-built training base", label: { zh: "共建实训基地", fr: "Centre de formation co-construit", ru: "Совместная база практического обучения" } },
  { id: "apprenticeship", slug: "apprenticeship", phrase: "apprenticeship", label: { zh: "学徒制与双元制", fr: "Apprentissage et alternance", ru: "Ученичество и дуальное обучение" } },
  { id: "order-class", slug: "order-class", phrase: "order class", label: { zh: "订单班", fr: "Classe parrainée par une entreprise", ru: "Целевая группа по заказу работодателя" } },
  { id: "industry-college", slug: "industry-college", phrase: "industry college", label: { zh: "产业学院", fr: "Institut sectoriel", ru: "Отраслевой институт" } },
  { id: "skill-standards", slug: "standards", phrase: "shared skill standard", label: { zh: "技能标准与互认", fr: "Normes de compétences et reconnaissance mutuelle", ru: "Профессиональные стандарты и взаимное признание" } },
  { id: "teacher-development", slug: "teacher-training", phrase: "teacher development programme", label: { zh: "师资培训", fr: "Formation des formateurs", ru: "Повышение квалификации преподавателей" } },
  { id: "scholarships-mobility", slug: "scholarships", phrase: "scholarship and mobility scheme", label: { zh: "奖学金与留学交流", fr: "Bourses et mobilité", ru: "Стипендии и академическая мобильность" } },
  { id: "skills-competitions", slug: "competition", phrase: "skills competition", label: { zh: "技能大赛", fr: "Compétitions de métiers", ru: "Конкурсы профессионального мастерства" } },
  { id: "joint-applied-research", slug: "research", phrase: "applied research partnership", label: { zh: "联合应用研究", fr: "Recherche appliquée conjointe", ru: "Совместные прикладные исследования" } },
  { id: "digital-resources", slug: "online-courses", phrase: "shared digital course library", label: { zh: "数字化教学资源", fr: "Ressources pédagogiques numériques", ru: "Цифровые образовательные ресурсы" } },
  { id: "language-plus-skills", slug: "chinese-plus-skills", phrase: "language-plus-skills course", label: { zh: "中文+职业技能", fr: "Chinois + compétences professionnelles", ru: "Китайский язык + профессиональные навыки" } },
  { id: "workforce-upskilling", slug: "upskilling", phrase: "workforce upskilling scheme", label: { zh: "企业员工培训", fr: "Formation continue des salariés", ru: "Повышение квалификации персонала" } },
];

export type Unit = "count" | "percent" | "currency" | "hours";
export const METRICS: { id: string; unit: Unit; phrase: string }[] = [
  { id: "learners-trained", unit: "count", phrase: "learners trained" },
  { id: "graduates", unit: "count", phrase: "graduates" },
  { id: "employment-rate", unit: "percent", phrase: "of graduates employed within six months" },
  { id: "teachers-trained", unit: "count", phrase: "teachers trained" },
  { id: "certificates-awarded", unit: "count", phrase: "certificates awarded" },
  { id: "enterprises-involved", unit: "count", phrase: "enterprises involved" },
  { id: "training-hours", unit: "hours", phrase: "hours of training delivered" },
  { id: "courses-developed", unit: "count", phrase: "courses developed" },
  { id: "standards-adopted", unit: "count", phrase: "standards adopted" },
  { id: "investment", unit: "currency", phrase: "invested by the partners" },
  { id: "equipment-value", unit: "currency", phrase: "of equipment installed" },
  { id: "completion-rate", unit: "percent", phrase: "completion rate" },
  { id: "satisfaction-rate", unit: "percent", phrase: "of employers satisfied" },
  { id: "scholarships-awarded", unit: "count", phrase: "scholarships awarded" },
  { id: "competition-awards", unit: "count", phrase: "competition awards" },
];

export const SECTION_HEADINGS: Record<Lang, [string, string, string, string, string]> = {
  en: ["Context", "The model", "Implementation", "Outcomes", "Lessons and transferability"],
  zh: ["背景", "合作模式", "实施过程", "成效", "经验与可推广性"],
  fr: ["Contexte", "Le modèle", "Mise en œuvre", "Résultats", "Enseignements et transférabilité"],
  ru: ["Контекст", "Модель", "Реализация", "Результаты", "Уроки и тиражируемость"],
};

export const SDGS = [4, 5, 7, 8, 9, 10, 11, 12, 13, 17];
export const CURRENCIES = ["CNY", "USD", "EUR"];
export const LICENSES: [string, number][] = [["CC-BY-4.0", 8], ["CC-BY-SA-4.0", 1], ["CC-BY-NC-4.0", 1]];

const ONSETS = ["b", "ch", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "sh", "t", "v", "w", "y", "z", "br", "kr", "tr", "st"];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ou", "ua"];
const CODAS = ["", "", "n", "ng", "r", "l", "s", "t", "m"];

/** An invented proper name of 2–3 syllables ("Haiven", "Krulong"): institutions look unique, as real ones do. */
export function inventName(rng: { pick<T>(a: readonly T[]): T; int(a: number, b: number): number }): string {
  const n = rng.int(2, 3);
  let name = "";
  for (let i = 0; i < n; i++) name += rng.pick(ONSETS) + rng.pick(NUCLEI) + (i === n - 1 ? rng.pick(CODAS) : "");
  return name[0]!.toUpperCase() + name.slice(1);
}

export const COLLEGE_KINDS = ["Vocational and Technical College", "Polytechnic", "Technical College", "Industrial College", "Institute of Technology", "Vocational College"];
export const COMPANY_SUFFIXES = ["Co., Ltd.", "Group", "Holdings", "Industries", "Engineering", "Services"];
export const ASSOCIATIONS = ["Employers' Association", "Industry Council", "Skills Council", "Chamber of Industry"];
export const GIVEN = ["Amina", "Wei", "Li Na", "Sophie", "Dmitri", "Aigerim", "Nguyen", "Carlos", "Fatima", "Kofi", "Mei", "Hannah", "Ravi", "Olga", "Somchai", "Lucía", "Tariq", "Yuki", "Zhang Min", "Grace"];
export const FAMILY = ["Okafor", "Chen", "Martin", "Ivanova", "Nurlanovna", "Tran", "Silva", "Haddad", "Mensah", "Liu", "Schmidt", "Patel", "Petrova", "Srisuk", "García", "Rahman", "Sato", "Wang", "Kamau", "Dubois"];
