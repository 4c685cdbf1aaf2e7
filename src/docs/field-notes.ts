import type { DocLanguage } from "./doc-language.js";

/**
 * What each frontmatter field is for, in the guide's languages. The rules (type, limits, allowed
 * values, whether it is required) come from the schema; only the explanation lives here. Every
 * field of the schema needs a note: `casebook docs` refuses to run without one.
 */
export const FIELD_NOTES: Record<string, Record<DocLanguage, string>> = {
  title: {
    en: "The case's title as readers see it: who did what, where.",
    zh: "读者看到的案例标题：谁、在哪里、做了什么。",
  },
  summary: {
    en: "One or two plain sentences for lists, search results and the print contents: no Markdown, links or HTML.",
    zh: "一两句平实的话，用于列表、搜索结果和印刷版目录；不能使用 Markdown、链接或 HTML。",
  },
  tags: { en: "Free keywords in the file's language, e.g. `[rail, maintenance]`.", zh: "用本文件语言写的自由关键词，如 `[轨道交通, 维修]`。" },
  status: {
    en: "Where the file is in the editorial workflow. Only `published` files appear in a release; a draft original keeps the whole case out.",
    zh: "文件所处的编辑流程阶段。只有 `published` 的文件会进入正式版本；原文为草稿时整个案例都不发布。",
  },
  published: { en: "The date the file was first published (or is planned to be).", zh: "文件首次发布（或计划发布）的日期。" },
  updated: { en: "The date of the last substantial revision; not earlier than `published`.", zh: "最近一次实质性修订的日期，不得早于 `published`。" },
  countries: {
    en: "The countries involved; the first is where the practice takes place, e.g. `[TH, CN]`.",
    zh: "所涉国家；第一个是实践发生地，如 `[TH, CN]`。",
  },
  partners: { en: "The institutions that cooperate, one entry each.", zh: "参与合作的机构，每个机构一项。" },
  "partners[].name": { en: "The institution's name as it calls itself.", zh: "机构的正式名称。" },
  "partners[].kind": { en: "What kind of institution it is.", zh: "机构类型。" },
  "partners[].country": { en: "The country where the institution is based.", zh: "机构所在国家。" },
  models: { en: "The forms the cooperation takes; give every one that applies.", zh: "合作采用的形式；凡适用的都要列出。" },
  direction: {
    en: "`go-global`: Chinese partners work abroad; `bring-in`: foreign partners work in China; `two-way`: both.",
    zh: "`go-global`：中方走出去；`bring-in`：引进境外资源；`two-way`：双向合作。",
  },
  sectors: { en: "The industries the training serves.", zh: "培训所服务的行业。" },
  levels: {
    en: "The ISCED 2011 levels of the programmes, e.g. `[4, 5]` (5 is short-cycle tertiary, the Chinese 专科).",
    zh: "项目对应的 ISCED 2011 层次，如 `[4, 5]`（5 为短期高等教育，即专科）。",
  },
  period: { en: "When the cooperation ran.", zh: "合作持续的时间。" },
  "period.start": { en: "The year it started.", zh: "开始年份。" },
  "period.end": { en: "The year it ended; leave it out while the cooperation is ongoing.", zh: "结束年份；合作仍在进行时不填。" },
  outcomes: {
    en: "Measured results, one entry per figure. At least one is expected (a warning otherwise).",
    zh: "可量化的成效，每个数据一项。至少应有一项（否则会有警告）。",
  },
  "outcomes[].metric": { en: "What was measured; the metric fixes the unit of `value`.", zh: "衡量的指标；指标决定 `value` 的单位。" },
  "outcomes[].value": { en: "The figure, as a plain number (no units or thousands separators).", zh: "数值，只写数字（不带单位或千位分隔符）。" },
  "outcomes[].year": { en: "The year the figure refers to, normally inside the period.", zh: "数据对应的年份，一般在合作期间内。" },
  "outcomes[].baseline": { en: "The figure before the cooperation, for comparison.", zh: "合作开始前的数值，用于对比。" },
  "outcomes[].currency": { en: "For money metrics only: the currency of `value`.", zh: "仅用于金额类指标：`value` 的币种。" },
  "outcomes[].source": { en: "Where the figure comes from (a report, a survey).", zh: "数据来源（报告、调查等）。" },
  "outcomes[].note": { en: "Anything a reader needs to read the figure correctly.", zh: "读者正确理解该数据所需的说明。" },
  sdgs: { en: "UN Sustainable Development Goals the case contributes to, by number (4 is Quality Education).", zh: "案例所助力的联合国可持续发展目标编号（4 为优质教育）。" },
  authors: { en: "Who wrote the case, one entry per person.", zh: "案例作者，每人一项。" },
  "authors[].name": { en: "The author's name as it should be cited.", zh: "作者姓名（按引用时的写法）。" },
  "authors[].affiliation": { en: "The author's institution.", zh: "作者所在单位。" },
  "authors[].orcid": { en: "The author's ORCID iD; its check digit is verified.", zh: "作者的 ORCID 标识；会校验其校验位。" },
  cover: { en: "An optional cover image for the case page and the print book.", zh: "可选的封面图片，用于案例页面和印刷版。" },
  "cover.src": { en: "The image's path inside the case folder, e.g. `images/workshop.jpg`.", zh: "图片在案例文件夹内的路径，如 `images/workshop.jpg`。" },
  "cover.alt": { en: "What the image shows, for readers who cannot see it.", zh: "图片内容的文字描述，供无法看到图片的读者使用。" },
  sources: { en: "Published documents the case draws on.", zh: "案例所依据的公开资料。" },
  "sources[].title": { en: "The document's title.", zh: "资料标题。" },
  "sources[].url": { en: "Where to read it online.", zh: "在线阅读地址。" },
  "sources[].publisher": { en: "Who published it.", zh: "发布机构。" },
  "sources[].year": { en: "The year of publication.", zh: "发布年份。" },
  license: { en: "The licence the case is published under.", zh: "案例发布所采用的许可证。" },
  translatedFrom: {
    en: "The language of the original this file translates (the one file of the case without `translatedFrom`).",
    zh: "本译文所依据原文的语言（即该案例中唯一没有 `translatedFrom` 的文件）。",
  },
  translators: { en: "Who translated the file, one entry per person.", zh: "译者，每人一项。" },
  "translators[].name": { en: "The translator's name as it should be credited.", zh: "译者姓名（按署名写法）。" },
  "translators[].affiliation": { en: "The translator's institution.", zh: "译者所在单位。" },
  "translators[].orcid": { en: "The translator's ORCID iD.", zh: "译者的 ORCID 标识。" },
  sourceHash: {
    en: "Which version of the original the translation was made from. Written by `casebook new --translate` and `casebook stamp`; never by hand.",
    zh: "译文所依据的原文版本。由 `casebook new --translate` 和 `casebook stamp` 写入，请勿手工修改。",
  },
};
