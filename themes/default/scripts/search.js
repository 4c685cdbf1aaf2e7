// Search with Pagefind: a query (or none, to browse by filters), filters for country, model, sector,
// direction and year (OR within a filter, AND across), sorting by year, highlighted excerpts, and a
// switch that merges the other languages' indexes. The state lives in the URL.
const form = document.querySelector("form.search-form");
const input = document.querySelector("#search-input");
const list = document.querySelector(".search-results");
const status = document.querySelector(".search-status");
const filtersBox = document.querySelector(".search-filters");
const labels = JSON.parse(filtersBox.dataset.labels);
const params = new URLSearchParams(location.search);
const base = new URL("/pagefind/", location.href).href;

const pagefind = await import(`${base}pagefind.js`);
await pagefind.options({ baseUrl: "/" });
await pagefind.init();

const all = form.elements.namedItem("all");
all.checked = params.get("all") === "1";
if (all.checked) {
  const entry = await (await fetch(`${base}pagefind-entry.json`)).json();
  const own = document.documentElement.lang.toLowerCase();
  for (const language of Object.keys(entry.languages)) {
    if (language.toLowerCase() !== own) await pagefind.mergeIndex(base, { language });
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
  const search = await pagefind.search(query || null, { filters, ...(sort ? { sort: { year: sort } } : {}) });
  if (!search) return; // superseded by a newer search
  const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  status.textContent = status.dataset.template.replace("{count}", String(search.results.length));
  list.replaceChildren(...results.map(resultItem));
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
