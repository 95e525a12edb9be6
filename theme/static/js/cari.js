// Warta search page: Pagefind results with filters, sorting, and entity
// suggestions that tolerate misspellings. The query, filters and sort order
// live in the URL, so a search can be bookmarked and shared.

const FILTERS = [
  ["lembaga", "Lembaga"],
  ["tokoh", "Tokoh"],
  ["indikator", "Indikator"],
  ["wilayah", "Wilayah"],
  ["sumber", "Sumber"],
  ["tahun", "Tahun"],
];
const KINDS = ["Lembaga", "Tokoh", "Indikator"];
const PAGE_SIZE = 10;

const form = document.getElementById("form-cari");
const input = document.getElementById("q");
const sortSelect = document.getElementById("urut");
const filterBox = document.getElementById("saringan");
const list = document.getElementById("hasil");
const statusLine = document.getElementById("status");
const moreButton = document.getElementById("lebih");
const suggestBox = document.getElementById("saran");
const suggestList = document.getElementById("daftar-saran");
const root = new URL(form.dataset.siteRoot || "/", document.baseURI);

let pagefind = null;
let suggestions = null;
let shown = 0;
let current = [];
let generation = 0;

// --- text --------------------------------------------------------------------

export function normalise(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Optimal string alignment distance: edits, with adjacent swaps as one edit.
export function distance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

// How well a query matches a label: 1 for a prefix, less with each edit.
export function similarity(query, label) {
  if (!query || !label) return 0;
  if (label.startsWith(query)) return 1;
  const whole = 1 - distance(query, label) / Math.max(query.length, label.length);
  const head = label.slice(0, query.length + 1);
  const prefix = 1 - distance(query, head) / Math.max(query.length, head.length);
  return Math.max(whole, query.length >= 5 ? prefix - 0.05 : 0);
}

export function suggest(query, entries, limit = 5) {
  const q = normalise(query);
  if (q.length < 3) return [];
  const scored = [];
  for (const [name, url, kind, labels] of entries) {
    let best = 0;
    for (const label of labels) best = Math.max(best, similarity(q, label));
    if (best >= 0.75) scored.push({ name, url, kind: KINDS[kind], score: best });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "id"));
  return scored.slice(0, limit);
}

// --- state in the URL ----------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key] of FILTERS) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: params.get("q") || "", sort: params.get("urut") || "relevansi", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevansi") params.set("urut", state.sort);
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(key, value);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function selectedFilters() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return filters;
}

// --- rendering ---------------------------------------------------------------------

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

const decoder = document.createElement("textarea");

// Pagefind marks hits with <mark>; rebuild them as nodes, never as HTML.
function excerpt(text) {
  const paragraph = element("p", { class: "ringkas__sari" });
  const parts = text.split(/(<mark>.*?<\/mark>)/g);
  for (const part of parts) {
    const hit = part.match(/^<mark>(.*)<\/mark>$/);
    const plain = (hit ? hit[1] : part).replace(/<[^>]*>/g, "");
    decoder.innerHTML = plain; // a <textarea> decodes entities and runs nothing
    const decoded = decoder.value;
    paragraph.append(hit ? element("mark", {}, decoded) : document.createTextNode(decoded));
  }
  return paragraph;
}

function renderFilters(available, counts, chosen) {
  filterBox.replaceChildren();
  for (const [key, label] of FILTERS) {
    // A chosen value the index does not hold (from a shared URL) stays chosen.
    const options = [...new Set([...Object.keys(available[key] || {}), ...(chosen[key] || [])])];
    if (!options.length) continue;
    const group = element("fieldset", { class: "saringan" });
    group.append(element("legend", {}, label));
    options.sort((a, b) => (key === "tahun" ? b.localeCompare(a) : a.localeCompare(b, "id")));
    for (const value of options) {
      const id = `f-${key}-${normalise(value).replace(/ /g, "-")}`;
      const row = element("div", { class: "saringan__pilihan" });
      const box = element("input", { type: "checkbox", id, name: key, value });
      box.checked = (chosen[key] || []).includes(value);
      const count = counts?.[key]?.[value] ?? 0;
      const text = element("label", { for: id }, `${value} `);
      text.append(element("span", { class: "jumlah" }, `(${count})`));
      row.append(box, text);
      group.append(row);
    }
    filterBox.append(group);
  }
}

async function renderMore() {
  const batch = current.slice(shown, shown + PAGE_SIZE);
  const records = await Promise.all(batch.map((result) => result.data()));
  for (const record of records) {
    const item = element("li", { class: "ringkas" });
    const title = element("h2", { class: "ringkas__judul" });
    title.append(element("a", { href: new URL(record.url.replace(/^\//, ""), root).href }, record.meta.title || record.url));
    item.append(title);
    const facts = [record.meta.tanggal, record.meta.sumber].filter(Boolean).join(" · ");
    if (facts) item.append(element("p", { class: "ringkas__ket" }, facts));
    item.append(excerpt(record.excerpt || ""));
    list.append(item);
  }
  shown += batch.length;
  moreButton.hidden = shown >= current.length;
}

function renderSuggestions(query) {
  suggestList.replaceChildren();
  const found = suggestions ? suggest(query, suggestions) : [];
  for (const entry of found) {
    const item = element("li");
    item.append(element("a", { href: new URL(entry.url, root).href }, entry.name));
    item.append(document.createTextNode(" "));
    item.append(element("span", { class: "jumlah" }, `(${entry.kind})`));
    suggestList.append(item);
  }
  suggestBox.hidden = found.length === 0;
}

// --- searching ---------------------------------------------------------------------

async function run() {
  const mine = ++generation;
  const state = { q: input.value.trim(), sort: sortSelect.value, filters: selectedFilters() };
  writeState(state);
  renderSuggestions(state.q);
  if (!state.q && !Object.keys(state.filters).length) {
    list.replaceChildren();
    statusLine.textContent = "Ketik kata pencarian atau pilih saringan.";
    moreButton.hidden = true;
    renderFilters(await pagefind.filters(), await pagefind.filters(), state.filters);
    return;
  }
  const options = { filters: state.filters };
  if (state.sort === "terbaru") options.sort = { tanggal: "desc" };
  const search = await pagefind.search(state.q || null, options);
  if (mine !== generation) return;
  current = search.results;
  shown = 0;
  list.replaceChildren();
  renderFilters(await pagefind.filters(), search.filters, state.filters);
  const label = state.q ? ` untuk “${state.q}”` : "";
  statusLine.textContent = current.length
    ? `${current.length} hasil${label}.`
    : `Tidak ada hasil${label}.`;
  await renderMore();
}

let timer = null;
function soon() {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

async function start() {
  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  statusLine.textContent = "Memuat indeks pencarian…";
  const [module, saran] = await Promise.all([
    import(new URL("pagefind/pagefind.js", root).href),
    fetch(new URL("data/saran.json", root)).then((response) => response.json()),
  ]);
  pagefind = module;
  suggestions = saran;
  await pagefind.options({ excerptLength: 30, baseUrl: root.pathname });
  await pagefind.init();
  renderFilters(await pagefind.filters(), await pagefind.filters(), state.filters);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", soon);
  sortSelect.addEventListener("change", run);
  filterBox.addEventListener("change", run);
  moreButton.addEventListener("click", renderMore);
  document.documentElement.dataset.cariSiap = "ya";
  await run();
}

start().catch((error) => {
  statusLine.textContent = `Pencarian tidak dapat dimuat: ${error.message}`;
});
