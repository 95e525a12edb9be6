// Warta search page: results from the archive's own index (indeks.js) with
// filters, sorting, and entity suggestions that tolerate misspellings. The
// query, filters and sort order live in the URL, so a search can be
// bookmarked and shared.

import { SearchIndex, excerpt, fetchJson, formatCount, normalise, words } from "./indeks.js";
import { KINDS, closestWord, suggest } from "./saran.js";

const FILTERS = [
  ["lembaga", "Lembaga"],
  ["tokoh", "Tokoh"],
  ["indikator", "Indikator"],
  ["wilayah", "Wilayah"],
  ["sumber", "Sumber"],
  ["tahun", "Tahun"],
];
// The keys a document has one value of at most: their chosen values are
// alternatives ("2015" or "2016"), where those of the other keys are all
// required (an article naming both agencies).
const ONE_OF = ["wilayah", "sumber", "tahun"];
// The filter of each kind of suggestion (saran.js's KINDS are their labels).
const FILTER_OF = Object.fromEntries(FILTERS.map(([key, label]) => [label, key]));
const PAGE_SIZE = 10;
const MORE = "Tampilkan lebih banyak"; // the button's text (cari.html)
const NARROW_FROM = 11; // values a filter group needs for a box that narrows it
const SENTENCE_END = /[.!?;:…"“”()]/; // where a passage to link to stops

const form = document.getElementById("form-cari");
const input = document.getElementById("q");
const sortSelect = document.getElementById("urut");
const filterBox = document.getElementById("saringan");
const filterFold = document.getElementById("lipat-saringan");
const chosenCount = document.getElementById("jumlah-dipilih");
const chosenList = document.getElementById("dipilih");
// As wide as the page's filters get a column of their own (warta.css).
const WIDE = "(min-width: 52rem)";
const list = document.getElementById("hasil");
const statusLine = document.getElementById("status");
const moreButton = document.getElementById("lebih");
const suggestBox = document.getElementById("saran");
const suggestList = document.getElementById("daftar-saran");
const root = new URL(form.dataset.siteRoot || "/", document.baseURI);
const pageTitle = document.title;

let index = null;
let totals = null;
// On a narrow screen the filters stay folded until asked for, and their
// documents (saringan.bin, the index's largest file: 182 KiB at 20,000
// articles) are not fetched for them: the last search's counts wait here,
// {mine, search, chosen}, for the fold to open.
let countsWaiting = null;
let suggestions = null;
let suggestionsLoading = null;
let shown = 0;
let current = new Uint32Array(0);
let highlight = new Set();
let generation = 0;
// The search that has drawn results of its own (from a first page, or the
// first of its documents), until the next search starts.
let drawnFor = 0;
// The filters of the URL, until the filter list is first drawn from the index.
let initialFilters = null;
// What the reader typed to narrow each long filter group, by key.
const narrowed = {};
// The words of each filter value's other names (acronyms, aliases), by
// "key:value", from the suggestions' list once it is in.
const otherNames = new Map();

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
  // The query names the tab and the entry in the browser's history.
  document.title = state.q ? `${state.q} · ${pageTitle}` : pageTitle;
}

function selectedFilters() {
  if (initialFilters) return initialFilters;
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

// The excerpt's parts as text nodes and <mark>s: the document's text is
// never HTML.
function excerptParagraph(parts) {
  const paragraph = element("p", { class: "ringkas__sari" });
  for (const part of parts) {
    paragraph.append(part.mark ? element("mark", {}, part.text) : document.createTextNode(part.text));
  }
  return paragraph;
}

// A text fragment (#:~:text=…) for the passage of the excerpt's first marked
// word, which the browser scrolls to and marks on the page the result leads
// to: that word and the next of its sentence, four words at most, or, should
// they not be found together (the index's text runs on from a heading into a
// paragraph), the word alone. "" for an excerpt with no mark.
function passage(parts) {
  const first = parts.findIndex((part) => part.mark);
  if (first < 0) return "";
  const rest = parts
    .slice(first)
    .map((part) => part.text)
    .join("");
  const phrase = rest.split(SENTENCE_END)[0].trim().split(/\s+/).slice(0, 4);
  const texts = phrase.length > 1 ? [phrase.join(" "), parts[first].text] : phrase;
  // "-", "," and "&" mean something in a text directive.
  const directive = (text) => `text=${encodeURIComponent(text).replace(/-/g, "%2D")}`;
  return `#:~:${texts.map(directive).join("&")}`;
}

// The filter groups, drawn afresh after each search; the focus and what was
// typed to narrow a group stay.
function renderFilters(available, counts, chosen) {
  initialFilters = null;
  const focused = filterBox.contains(document.activeElement) ? document.activeElement.id : "";
  filterBox.replaceChildren();
  for (const [key, label] of FILTERS) {
    // A chosen value the index does not hold (from a shared URL) stays chosen.
    const options = [...new Set([...Object.keys(available[key] || {}), ...(chosen[key] || [])])];
    if (!options.length) continue;
    const group = element("fieldset", { class: "saringan", "data-key": key });
    group.append(element("legend", {}, label));
    const long = options.length >= NARROW_FROM;
    if (long) {
      const noun = label.toLowerCase();
      const box = element("input", {
        type: "search",
        id: `saring-${key}`,
        class: "saringan__cari",
        placeholder: `Cari ${noun}…`,
        "aria-label": `Cari di daftar ${noun}`,
        autocomplete: "off",
      });
      box.value = narrowed[key] || "";
      group.append(box);
    }
    // Years newest first; other values chosen first, then those the most
    // results hold, then by name: what a search found is at the top of a long
    // list, not scattered through it.
    const countOf = (value) => counts?.[key]?.[value] ?? 0;
    const isChosen = (value) => (chosen[key] || []).includes(value);
    options.sort((a, b) =>
      key === "tahun"
        ? b.localeCompare(a)
        : isChosen(b) - isChosen(a) || countOf(b) - countOf(a) || a.localeCompare(b, "id"),
    );
    // The values scroll in a list of their own, under the legend and the box.
    const rows = element("div", { class: "saringan__daftar" });
    const ids = new Set();
    for (const value of options) {
      // Two spellings of one name ("Lampung", "lampung") get ids of their own.
      const base = `f-${key}-${normalise(value).replace(/ /g, "-")}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      const box = element("input", { type: "checkbox", id, name: key, value });
      box.checked = (chosen[key] || []).includes(value);
      const count = countOf(value);
      // A value none of the results holds is shown, toned down.
      const empty = !count && !box.checked;
      const row = element("div", {
        class: empty ? "saringan__pilihan saringan__pilihan--kosong" : "saringan__pilihan",
      });
      const text = element("label", { for: id }, `${value} `);
      text.append(element("span", { class: "jumlah" }, `(${formatCount(count)})`));
      row.append(box, text);
      rows.append(row);
    }
    group.append(rows);
    if (long) {
      group.append(element("p", { class: "jumlah saringan__kosong" }, "Tidak ada yang cocok."));
      narrow(group);
    }
    filterBox.append(group);
  }
  if (focused) document.getElementById(focused)?.focus();
}

// Shows the values of a filter group that hold what was typed in its box
// (and those chosen), and says so when none does. Each word typed begins a
// word of the value: "dinas" finds "Dinas Koperasi", not "Koordinasi". An
// acronym or alias counts as the value's words too: "bps" finds "Badan Pusat
// Statistik".
function narrow(group) {
  const { key } = group.dataset;
  const wanted = words(narrowed[key] || "");
  const holds = (value) => {
    if (!wanted.length) return true;
    const own = [...words(value), ...(otherNames.get(`${key}:${value}`) || [])];
    return wanted.every((word) => own.some((known) => known.startsWith(word)));
  };
  let visible = 0;
  for (const row of group.querySelectorAll(".saringan__pilihan")) {
    const box = row.querySelector("input");
    row.hidden = !box.checked && !holds(box.value);
    if (!row.hidden) visible++;
  }
  group.querySelector(".saringan__kosong").hidden = visible > 0;
}

// The chosen filter values above the results, each a button that removes
// it (and, for two or more, one that removes them all): seen where the
// filters are folded away, and after a link that chose one. Their number
// goes in the fold's summary.
function renderChosen(chosen) {
  chosenList.replaceChildren();
  const labels = Object.fromEntries(FILTERS);
  let count = 0;
  for (const [key, values] of Object.entries(chosen)) {
    for (const value of values) {
      const label = `${labels[key]}: ${value}`;
      const attributes = { type: "button", "data-key": key, "data-value": value };
      attributes["aria-label"] = `Hapus saringan ${label}`;
      const button = element("button", attributes, `${label} ✕`);
      const item = element("li");
      item.append(button);
      chosenList.append(item);
      count++;
    }
  }
  if (count > 1) {
    const item = element("li");
    const all = { type: "button", class: "dipilih__semua" };
    item.append(element("button", all, "Hapus semua saringan"));
    chosenList.append(item);
  }
  chosenList.hidden = count === 0;
  chosenCount.textContent = count ? ` (${count} dipilih)` : "";
}

// Removes the filter value of `button` (all of them for "Hapus semua"),
// searches again, and leaves the focus on the next button or the query.
function removeChosen(button) {
  const place = [...chosenList.querySelectorAll("button")].indexOf(button);
  const { key, value } = button.dataset;
  const gone = (name, chosen) => key === undefined || (name === key && chosen === value);
  // The URL's values until the filter list is drawn, its boxes after.
  if (initialFilters) {
    for (const name of Object.keys(initialFilters)) {
      initialFilters[name] = initialFilters[name].filter((chosen) => !gone(name, chosen));
      if (!initialFilters[name].length) delete initialFilters[name];
    }
  }
  for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
    if (gone(box.name, box.value)) box.checked = false;
  }
  run();
  const buttons = chosenList.querySelectorAll("button");
  (buttons[Math.min(place, buttons.length - 1)] || input).focus();
}

function resultItem(record) {
  const parts = excerpt(record.x || "", highlight);
  const item = element("li", { class: "ringkas" });
  const title = element("h2", { class: "ringkas__judul" });
  const href = new URL(record.u, root).href + passage(parts);
  title.append(element("a", { href }, record.j || record.u));
  item.append(title);
  const meta = record.m || {};
  // An agency's, person's or indicator's page says what it is (`jenis`).
  const facts = [meta.jenis, meta.tanggal, meta.sumber].filter(Boolean).join(" · ");
  if (facts) item.append(element("p", { class: "ringkas__ket" }, facts));
  item.append(excerptParagraph(parts));
  return item;
}

// The next results; `drawn` is called once the first of them is on the page.
// With `fresh` (which draws a new search's status line) the first result
// replaces what the page showed: the page changes once, when it has a result
// to show, and no repaint delays the documents on their way.
async function renderMore(drawn = null, fresh = null) {
  const mine = generation;
  const batch = [...current.subarray(shown, shown + PAGE_SIZE)];
  // All are requested at once; each is drawn, in order, as soon as it is in.
  // Should one fail, those drawn count as shown: the next call goes on from it.
  const loading = batch.map((number) => index.document(number));
  for (const next of loading) next.catch(() => {}); // each is awaited below
  for (const next of loading) {
    const record = await next;
    if (mine !== generation) return;
    if (fresh) {
      list.replaceChildren(resultItem(record));
      drawnFor = mine;
      fresh();
      fresh = null;
    } else list.append(resultItem(record));
    shown++;
    if (drawn) drawn();
    drawn = null;
  }
  moreButton.textContent = MORE;
  moreButton.hidden = shown >= current.length;
}

// The status line of `count` results of `query`. `found` tells how they
// were found: each holds `held` of the `asked` words of the query, which
// leave out the words no page holds (`unknown`); `fixes` maps those to what
// they may be misspellings of.
function renderStatus(count, query, found = {}) {
  const { held = 0, asked = 0, unknown = [], fixes = new Map() } = found;
  const results = `${formatCount(count)} hasil`;
  if (count && unknown.length) {
    const quoted = unknown.map((word) => `“${word}”`).join(", ");
    const noun = unknown.length > 1 ? "kata-kata" : "kata";
    const rest = words(query).filter((word) => !unknown.includes(word));
    const known = asked - unknown.length;
    const what = held < known ? `memuat ${held} dari ${known} kata` : "untuk";
    statusLine.textContent =
      `Tidak ada hasil untuk “${query}”: ${noun} ${quoted} tidak ada di arsip. ` +
      `${results} ${what} “${rest.join(" ")}”.`;
  } else if (count && held < asked) {
    statusLine.textContent =
      `Tidak ada hasil yang memuat semua kata “${query}”. ` +
      `${results} memuat ${held} dari ${asked} kata itu.`;
  } else {
    const label = query ? ` untuk “${query}”` : "";
    statusLine.textContent = count ? `${results}${label}.` : `Tidak ada hasil${label}.`;
  }
  offerCorrection(query, fixes);
}

// After the status, a link to the query with each word of `fixes` (a
// misspelling: a word no document holds) put right.
function offerCorrection(query, fixes) {
  if (!fixes.size) return;
  const corrected = words(query)
    .map((word) => fixes.get(word) || word)
    .join(" ");
  const params = new URLSearchParams(location.search);
  params.set("q", corrected);
  const link = element("a", { href: `?${params}` }, corrected);
  statusLine.append(" Maksud Anda: ", link, "?");
}

// The words of `unknown` that are likely misspellings, each with the word
// some document holds that is closest to it.
async function corrections(unknown) {
  const fixes = new Map();
  for (const word of unknown) {
    const fix = closestWord(word, await index.neighbours(word));
    if (fix) fixes.set(word, fix);
  }
  return fixes;
}

// The agencies, people and indicators close to the query, each a link to
// its page and, when some page holds it as a filter value, one to the
// results with it chosen and the query's words that name it left out
// ("bps inflasi": inflasi, Badan Pusat Statistik chosen).
function renderSuggestions(query) {
  suggestList.replaceChildren();
  const found = suggestions ? suggest(query, suggestions) : [];
  for (const entry of found) {
    const item = element("li");
    item.append(element("a", { href: new URL(entry.url, root).href }, entry.name));
    item.append(document.createTextNode(" "));
    item.append(element("span", { class: "jumlah" }, `(${entry.kind})`));
    const key = FILTER_OF[entry.kind];
    if (index.holds(key, entry.name)) {
      const params = new URLSearchParams(location.search);
      if (entry.rest) params.set("q", entry.rest);
      else params.delete("q");
      if (!params.getAll(key).includes(entry.name)) params.append(key, entry.name);
      const label = `Saring hasil menurut ${entry.name}`;
      const filter = element("a", { href: `?${params}`, "aria-label": label }, "saring hasil");
      item.append(" · ", filter);
    }
    suggestList.append(item);
  }
  suggestBox.hidden = found.length === 0;
}

// --- searching ---------------------------------------------------------------------

// The suggestion list is fetched once the first results are drawn, and the
// suggestions drawn when it arrives.
function loadSuggestions() {
  suggestionsLoading ||= fetchJson(new URL("data/saran.bin", root))
    .then((entries) => {
      suggestions = entries;
      renderSuggestions(input.value.trim());
      for (const [name, , kind, labels] of entries) {
        otherNames.set(`${FILTER_OF[KINDS[kind]]}:${name}`, labels.flatMap(words));
      }
      for (const group of filterBox.querySelectorAll(".saringan__kosong")) {
        narrow(group.closest("fieldset"));
      }
    })
    .catch(() => {});
}

// A new search for what the page's fields say. Should a file of the index
// not arrive, the status line says so and offers to try again (a file that
// failed is fetched anew).
function run() {
  const mine = ++generation;
  drawnFor = 0;
  return searchFor(mine).catch((error) => {
    if (mine === generation) failed(error, run, drawnFor === mine);
  });
}

// The status line of a search that failed, with a button that calls
// `again`. Its results are cleared, unless `drawn`: those of a first page
// drawn before the postings failed are right, and stay.
function failed(error, again, drawn = false) {
  if (!drawn) list.replaceChildren();
  moreButton.hidden = true;
  const what = drawn ? "Pencarian belum selesai" : "Pencarian gagal";
  statusLine.textContent = `${what}: berkas indeks tidak dapat dimuat (${error.message}). `;
  const retry = element("button", { type: "button", class: "coba-lagi" }, "Coba lagi");
  // The button goes with the status line: the focus goes to the query.
  retry.addEventListener("click", () => {
    input.focus();
    again();
  });
  statusLine.append(retry);
}

async function searchFor(mine) {
  moreButton.textContent = MORE;
  const state = { q: input.value.trim(), sort: sortSelect.value, filters: selectedFilters() };
  writeState(state);
  renderChosen(state.filters);
  // A query of no word ("🙂", "?!") is searched as none: by the filters.
  const searched = words(state.q).length ? state.q : "";
  if (!searched && !Object.keys(state.filters).length) {
    renderSuggestions(state.q);
    loadSuggestions();
    current = new Uint32Array(0);
    list.replaceChildren();
    const none = state.q ? `“${state.q}” tidak memuat kata yang dapat dicari. ` : "";
    statusLine.textContent = `${none}Ketik kata pencarian atau pilih saringan.`;
    moreButton.hidden = true;
    await drawCounts({ mine, search: null, chosen: state.filters });
    return;
  }
  // Marks for the benchmark: "cari:hasil" and "cari:saringan" measure, from
  // the start of a search, when its first result and its filter counts are
  // drawn (or that nothing was found).
  const started = `cari:${mine}`;
  performance.mark(started);
  const options = { filters: state.filters, sort: state.sort, anyOf: ONE_OF };
  // A frequent word's first page comes with the index: it is drawn before
  // the postings are read, which are fetched meanwhile.
  const early = index.firstPage(state.q, options).catch(() => null);
  index.preload(state.q);
  const first = await early;
  if (mine !== generation) return;
  if (first) {
    highlight = first.highlight;
    list.replaceChildren(...first.documents.map(([, record]) => resultItem(record)));
    drawnFor = mine;
    renderStatus(first.total, state.q);
    moreButton.hidden = true;
    performance.measure("cari:hasil", started);
  }
  // Should no document hold every word, those holding the most of them; a
  // word no document holds (a misspelling, mostly) is left out, and the
  // status says so.
  const search = await index.search(state.q, { ...options, partial: true });
  if (mine !== generation) return;
  const { held, asked, unknown } = search;
  const found = { held, asked, unknown };
  if (unknown.length) {
    found.fixes = await corrections(unknown).catch(() => new Map());
    if (mine !== generation) return;
  }
  const status = () => renderStatus(current.length, searched, found);
  current = search.results;
  highlight = search.highlight;
  const drawn = first?.documents.map(([number]) => number) || [];
  const same =
    drawn.length === Math.min(PAGE_SIZE, current.length) &&
    drawn.every((number, i) => current[i] === number);
  if (first && same && first.total === current.length) {
    shown = drawn.length;
    moreButton.hidden = shown >= current.length;
  } else {
    // Without a first page (or, should the index and this script ever rank
    // differently, with another one) the results are drawn from the postings.
    shown = 0;
    const mark = () => first || performance.measure("cari:hasil", started);
    if (!current.length) {
      list.replaceChildren();
      status();
      mark();
    }
    await renderMore(mark, status);
  }
  if (mine !== generation) return;
  // Results first; the counts follow, then the suggestions.
  await drawCounts({ mine, search, chosen: state.filters, started });
  renderSuggestions(state.q);
  loadSuggestions();
}

// The filter groups with the counts of a search's results (of every
// document, for no search), once the filters are unfolded: until then they
// wait in `countsWaiting`.
async function drawCounts(waiting) {
  const { mine, search, chosen, started } = waiting;
  if (!filterFold.open) {
    countsWaiting = waiting;
    return;
  }
  try {
    totals ||= await index.totals();
    const counts = search ? await search.counts() : totals;
    if (mine !== generation) return;
    renderFilters(totals, counts, chosen);
    if (started) performance.measure("cari:saringan", started);
  } catch {
    // Without the filter values the results stand, without counts.
  }
}

let timer = null;
function soon() {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
  // What the words typed so far will need is fetched while the user types.
  index.preload(input.value);
}

async function start() {
  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  initialFilters = state.filters;
  // On a narrow screen the filters fold under "Saring hasil", so that the
  // results come first; on a wide one they fill their column, unfolded.
  const wide = matchMedia(WIDE);
  filterFold.open = wide.matches;
  wide.addEventListener("change", () => {
    if (wide.matches) filterFold.open = true;
  });
  await openIndex();
}

// The index opened, the page's controls wired up, and the URL's search run.
// Should the index not open, the status line says so and offers to try
// again; until it opens, the form is sent as a plain page request.
async function openIndex() {
  statusLine.textContent = "Memuat indeks pencarian…";
  try {
    index = await SearchIndex.open(new URL("cari/indeks/", root));
  } catch (error) {
    failed(error, openIndex);
    return;
  }
  // A value of the URL as the index spells it ("lampung": "Lampung").
  if (initialFilters) initialFilters = index.canonicalFilters(initialFilters);
  listen();
  document.documentElement.dataset.cariSiap = "ya";
  await run();
}

function listen() {
  filterFold.addEventListener("toggle", () => {
    const waiting = countsWaiting;
    if (!filterFold.open || waiting?.mine !== generation) return;
    countsWaiting = null;
    drawCounts(waiting);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer); // the search of the words as typed is this one
    run();
  });
  input.addEventListener("input", soon);
  sortSelect.addEventListener("change", run);
  filterBox.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") run();
  });
  filterBox.addEventListener("input", (event) => {
    if (event.target.type !== "search") return;
    const group = event.target.closest("fieldset");
    narrowed[group.dataset.key] = event.target.value;
    narrow(group);
  });
  // Enter in a group's box narrows it, no more: the search is not sent again.
  filterBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.type === "search") event.preventDefault();
  });
  chosenList.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) removeChosen(button);
  });
  // More results that fail to arrive leave those shown, and the button
  // offers to try again.
  moreButton.addEventListener("click", () => {
    const mine = generation;
    renderMore().catch(() => {
      if (mine === generation) moreButton.textContent = "Gagal memuat. Coba lagi";
    });
  });
}

start().catch((error) => {
  statusLine.textContent = `Pencarian tidak dapat dimuat: ${error.message}`;
});
