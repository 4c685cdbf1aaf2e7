import type { Language } from "../../schema/languages.js";

/** Site paths, all root-relative and ending in `/` for pages. One place decides the URL scheme. */
export const paths = {
  home: (lang: Language) => `/${lang}/`,
  browse: (lang: Language) => `/${lang}/cases/`,
  case: (lang: Language, id: string) => `/${lang}/cases/${id}/`,
  casePdf: (lang: Language, id: string) => `/${lang}/cases/${id}/${id}.${lang}.pdf`,
  caseAsset: (id: string, file: string) => `/media/${id}/${file}`,
  countries: (lang: Language) => `/${lang}/countries/`,
  country: (lang: Language, code: string) => `/${lang}/countries/${code.toLowerCase()}/`,
  models: (lang: Language) => `/${lang}/models/`,
  model: (lang: Language, id: string) => `/${lang}/models/${id}/`,
  sectors: (lang: Language) => `/${lang}/sectors/`,
  sector: (lang: Language, id: string) => `/${lang}/sectors/${id}/`,
  statistics: (lang: Language) => `/${lang}/statistics/`,
  search: (lang: Language) => `/${lang}/search/`,
  about: (lang: Language) => `/${lang}/about/`,
  changelog: (lang: Language) => `/${lang}/changelog/`,
  feed: (lang: Language) => `/${lang}/feed.xml`,
  bookPdf: (lang: Language) => `/pdf/casebook.${lang}.pdf`,
  asset: (name: string) => `/assets/${name}`,
  data: (name: string) => `/data/${name}`,
  schema: () => "/schema/case.schema.json",
  notFound: () => "/404.html",
};

/** The file a page path is written to inside the site folder. */
export function fileForPath(path: string): string {
  return path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1);
}

/** An absolute URL for feeds, sitemaps, canonical links and citations. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
}
