// Facets on the list of cases: OR within a facet, AND across facets, live counts, a reset, and
// the state in the URL (?country=CN&model=joint-programme&from=2018) so a view can be shared.
const form = document.querySelector("form.facets");
const cards = [...document.querySelectorAll("#case-list > .case-card")];
const status = document.querySelector(".browse-status");
const empty = document.querySelector(".browse-empty");
const FACETS = { country: "countries", model: "models", sector: "sectors", direction: "direction" };

const valuesOf = (card, facet) => (card.dataset[FACETS[facet]] ?? "").split(" ").filter(Boolean);

function readState() {
  const state = { from: null, to: null };
  for (const facet of Object.keys(FACETS)) state[facet] = new Set([...form.querySelectorAll(`input[name="${facet}"]:checked`)].map((i) => i.value));
  const number = (name) => {
    const value = form.elements.namedItem(name).value;
    return value === "" ? null : Number(value);
  };
  state.from = number("from");
  state.to = number("to");
  return state;
}

function matches(card, state, skip) {
  for (const facet of Object.keys(FACETS)) {
    if (facet === skip || state[facet].size === 0) continue;
    if (!valuesOf(card, facet).some((v) => state[facet].has(v))) return false;
  }
  const start = Number(card.dataset.start);
  const end = Number(card.dataset.end);
  if (state.from !== null && end < state.from) return false;
  if (state.to !== null && start > state.to) return false;
  return true;
}

function update(pushUrl) {
  const state = readState();
  let shown = 0;
  for (const card of cards) {
    const visible = matches(card, state, null);
    card.hidden = !visible;
    if (visible) shown++;
  }
  // Live counts: how many cases each option would show, given the other facets.
  for (const input of form.querySelectorAll("input[type=checkbox]")) {
    const facet = input.name;
    const count = cards.filter((card) => matches(card, state, facet) && valuesOf(card, facet).includes(input.value)).length;
    const label = input.closest("label").querySelector("[data-count]");
    label.textContent = `(${count})`;
    input.closest("li").classList.toggle("facet-zero", count === 0 && !input.checked);
  }
  status.textContent = status.dataset.template.replace("{shown}", String(shown)).replace("{total}", String(cards.length));
  empty.hidden = shown !== 0;
  if (pushUrl) {
    const params = new URLSearchParams();
    for (const facet of Object.keys(FACETS)) for (const v of state[facet]) params.append(facet, v);
    if (state.from !== null) params.set("from", String(state.from));
    if (state.to !== null) params.set("to", String(state.to));
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }
}

function applyUrl() {
  const params = new URLSearchParams(location.search);
  for (const input of form.querySelectorAll("input[type=checkbox]")) input.checked = params.getAll(input.name).includes(input.value);
  for (const name of ["from", "to"]) form.elements.namedItem(name).value = params.get(name) ?? "";
}

if (form && status) {
  form.hidden = false;
  applyUrl();
  update(false);
  form.addEventListener("input", () => update(true));
  form.addEventListener("reset", () => setTimeout(() => update(true), 0));
  form.addEventListener("submit", (event) => event.preventDefault());
}
