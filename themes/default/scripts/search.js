// Search with Pagefind: a query (or none, to browse by filters), filters for country, model, sector,
// direction and year (OR within a filter, AND across), sorting by year, highlighted excerpts, and a
// switch that merges the other languages' indexes. The state lives in the URL. A large casebook's
// index comes in shards (listed in shards.json), merged here into one search.
const form = document.querySelector("form.search-form");
const input = document.querySelector("#search-input");
const list = document.querySelector(".search-results");
const status = document.querySelector(".search-status");
const filtersBox = document.querySelector(".search-filters");
const labels = JSON.parse(filtersBox.dataset.labels);
const params = new URLSearchParams(location.search);
const base = new URL("/pagefind/", location.href).href;
/** Results shown at once. */
const SHOWN = 30;
/** Searches started, so that one that ends after a later one does not overwrite its results. */
let runs = 0;

// An index written before shards were (a preview's first, say) has no list: it is one whole index.
const shardList = fetch(`${base}shards.json`).then((r) => (r.ok ? r.json() : { shards: [] }));
const [pagefind, { shards }] = await Promise.all([import(`${base}pagefind.js`), shardList]);
await pagefind.options({ baseUrl: "/" });
await pagefind.init();
const own = document.documentElement.lang.toLowerCase();
/** Merges the shards that hold `language` (the page's own when omitted). */
const mergeShards = async (language) => {
  for (const shard of shards) {
    if (shard.languages.includes(language ?? own)) await pagefind.mergeIndex(new URL(shard.path, base).href, language ? { language } : {});
  }
};
await mergeShards();

const all = form.elements.namedItem("all");
all.checked = params.get("all") === "1";
if (all.checked) {
  const entry = await (await fetch(`${base}pagefind-entry.json`)).json();
  const languages = new Set([...Object.keys(entry.languages), ...shards.flatMap((shard) => shard.languages)]);
  for (const language of languages) {
    if (language.toLowerCase() === own) continue;
    if (language in entry.languages) await pagefind.mergeIndex(base, { language });
    await mergeShards(language);
  }
}

input.value = params.get("q") ?? "";
form.elements.namedItem("sort").value = params.get("sort") ?? "";
await renderFilters();
await run();

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(true);
});
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(true), 200);
});
form.addEventListener("change", (event) => {
  if (event.target === all) {
    // Merged indexes cannot be unmerged: reload with the new state.
    location.search = stateParams().toString();
    return;
  }
  if (event.target !== input) run(true);
});
// What was typed while the index loaded is searched now; then tests (and tools) may start typing.
if (input.value.trim() !== (params.get("q") ?? "").trim()) run(true);
form.dataset.ready = "true";

async function renderFilters() {
  const available = await pagefind.filters();
  const order = ["country", "model", "sector", "direction", "year"];
  for (const name of order) {
    const values = available[name];
    if (!values) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = "facet";
    const legend = document.createElement("legend");
    legend.textContent = labels.names[name] ?? name;
    fieldset.append(legend);
    const ul = document.createElement("ul");
    const labelOf = (value) => labels[name]?.[value] ?? value;
    const sorted = Object.keys(values).sort((a, b) => (name === "year" ? b.localeCompare(a) : labelOf(a).localeCompare(labelOf(b))));
    for (const value of sorted) {
      const li = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = `filter-${name}`;
      box.value = value;
      box.checked = params.getAll(name).includes(value);
      label.append(box, ` ${labelOf(value)} `);
      const count = document.createElement("span");
      count.className = "facet-count";
      count.textContent = `(${values[value]})`;
      label.append(count);
      li.append(label);
      ul.append(li);
    }
    fieldset.append(ul);
    filtersBox.append(fieldset);
  }
}

function selectedFilters() {
  const filters = {};
  for (const box of filtersBox.querySelectorAll("input:checked")) {
    const name = box.name.replace(/^filter-/, "");
    (filters[name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
}

function stateParams() {
  const state = new URLSearchParams();
  if (input.value.trim()) state.set("q", input.value.trim());
  for (const [name, { any }] of Object.entries(selectedFilters())) for (const v of any) state.append(name, v);
  const sort = form.elements.namedItem("sort").value;
  if (sort) state.set("sort", sort);
  if (all.checked) state.set("all", "1");
  return state;
}

async function run(pushUrl = false) {
  const mine = ++runs;
  const query = input.value.trim();
  const filters = selectedFilters();
  const sort = form.elements.namedItem("sort").value;
  if (pushUrl) {
    const state = stateParams().toString();
    history.replaceState(null, "", state ? `?${state}` : location.pathname);
  }
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const found = await find(query, filters);
  const first = sort ? await firstByYear(query, filters, found.years, sort) : found.results.slice(0, SHOWN);
  const results = await Promise.all(first.map((r) => r.data()));
  if (mine !== runs) return;
  status.textContent = status.dataset.template.replace("{count}", String(found.results.length));
  list.replaceChildren(...results.map(resultItem));
}

/**
 * Pagefind's search over every merged index (shards, languages), and the years its results span.
 * An index that lacks one of the query's words searches without it, so it returns pages that have
 * only the others, where one index of everything would not (it has the word somewhere). So each
 * word is also searched alone, and a page stays only if it is found by every word that found any.
 */
async function find(query, filters) {
  const search = await pagefind.search(query || null, { filters });
  const words = query.split(/\s+/).filter(Boolean);
  let results = search.results;
  if (words.length > 1 && !query.includes('"')) {
    const each = await Promise.all(words.map((word) => pagefind.search(word, { filters })));
    // Ids are Pagefind's page hashes; two pages in different shards could share one, but a page
    // would then stay wrongly only if its shard lacked a word that the other page has.
    const sets = each.filter((s) => s.results.length > 0).map((s) => new Set(s.results.map((r) => r.id)));
    results = results.filter((r) => sets.every((ids) => ids.has(r.id)));
  }
  return { results, years: search.filters.year ?? {} };
}

/**
 * The first results in order of year, by relevance within a year. Pagefind sorts each index (each
 * shard, each language) on its own and merges them by score, which is a rank within one index; so
 * the years are taken one at a time, each a search filtered to that year, until the list is full.
 */
async function firstByYear(query, filters, yearCounts, direction) {
  const years = Object.keys(yearCounts).filter((year) => yearCounts[year] > 0);
  years.sort((a, b) => (direction === "asc" ? a.localeCompare(b) : b.localeCompare(a)));
  const first = [];
  for (const year of years) {
    if (first.length >= SHOWN) break;
    const { results } = await find(query, { ...filters, year });
    first.push(...results.slice(0, SHOWN - first.length));
  }
  return first;
}

function resultItem(data) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title ?? data.url;
  const heading = document.createElement("h2");
  heading.append(link);
  const language = data.meta?.lang;
  if (language && !document.documentElement.lang.toLowerCase().startsWith(language)) {
    heading.lang = language;
    const badge = document.createElement("span");
    badge.className = "result-language";
    badge.textContent = ` ${language.toUpperCase()}`;
    heading.append(badge);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...highlighted(data.excerpt ?? ""));
  li.append(heading, excerpt);
  return li;
}

/** Pagefind's excerpt as text and <mark> nodes only: nothing else from it reaches the page. */
function highlighted(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}
