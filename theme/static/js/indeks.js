// Reads the archive's search index; warta/search/textindex.py
// describes its files. Every step of a search is linear in the documents that
// match (or in the documents of the archive): scores, filters and counts are
// kept in arrays indexed by document number, never compared pair by pair.

const FORMAT = 4; // textindex.py's FORMAT
const MIN_PREFIX = 3; // a shorter query word matches whole words only
const MAX_STEMS = 48; // stems one query word may match, the most frequent kept
const MAX_CHUNKS = 3; // dictionary chunks one query word may read
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const PLAIN = /^[A-Za-z0-9]+$/;
const DOCUMENT_LIMIT = 2 ** 21; // documents the fast sort by score can number
const ELLIPSIS = "…"; // textindex.py's ELLIPSIS

const decoder = new TextDecoder();

export function normalise(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const NUMBER = new Intl.NumberFormat("id-ID");

// A count as Indonesian text writes it: 20.287.
export function formatCount(count) {
  return NUMBER.format(count);
}

export function words(text) {
  const folded = normalise(text);
  return folded ? folded.split(" ") : [];
}

// Index files are gzipped; a host may have unzipped one on the way already.
async function fetchBytes(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  // A stream of the bytes in hand: a Blob's stream reads them back through
  // the browser's blob storage (1.3 ms a file instead of 0.3, far more when
  // several files arrive at once on a busy machine).
  const bytes = new ReadableStream({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const stream = bytes.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function fetchJson(url, init) {
  return JSON.parse(decoder.decode(await fetchBytes(url, init)));
}

function popcount(x) {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

// Documents given as gap varints, from `start` to `end` of `data`.
function decodeGaps(data, start, end) {
  const out = [];
  let doc = -1;
  for (let p = start; p < end; ) {
    let gap = 0;
    let shift = 0;
    let byte;
    do {
      byte = data[p++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    doc += gap;
    out.push(doc);
  }
  return Uint32Array.from(out);
}

// First place in the sorted `list` whose item is greater than `value`.
function upperBound(list, value, key = (item) => item) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(list[middle]) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lowerBound(list, value, key = (item) => item) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(list[middle]) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class SearchIndex {
  // The index at `base` (a URL ending in "/"). Its meta file is revalidated
  // every time: it names the build whose other files are to be read.
  static async open(base) {
    const meta = await fetchJson(new URL("meta.bin", base), { cache: "no-cache" });
    if (meta.format !== FORMAT) throw new Error(`format indeks ${meta.format} tidak dikenal`);
    return new SearchIndex(base, meta);
  }

  constructor(base, meta) {
    this.base = base;
    this.meta = meta;
    this.count = meta.jumlah;
    this.rank = new Rank(meta.jumlah, meta.jumlah - meta.bertanggal);
    this.span = Math.ceil(meta.jumlah / 32); // 32-bit words in a document set
    // The frequent words' dictionary entries, [stems, page]: a search for
    // them reads no dictionary chunk.
    this.frequent = new Map(Object.entries(meta.kata || {}));
    this.loads = new Map();
    // Every filter value some document has, by "key:" and its words (as
    // textindex.py's filter_fold): the index writes the spellings of one
    // value as one.
    this.values = new Map(
      meta.saringan.flatMap(([key, values]) =>
        values.map((value) => [`${key}:${normalise(value)}`, value]),
      ),
    );
  }

  // Whether some document has the filter value, however it is spelt (meta.bin
  // lists them: no need of saringan.bin).
  holds(key, value) {
    return this.values.has(`${key}:${normalise(value)}`);
  }

  // The value as the index spells it ("lampung": "Lampung"), or as given if
  // no document has it.
  canonical(key, value) {
    return this.values.get(`${key}:${normalise(value)}`) ?? value;
  }

  // `filters` with each value as the index spells it, each once.
  canonicalFilters(filters) {
    const found = {};
    for (const [key, values] of Object.entries(filters)) {
      found[key] = [...new Set(values.map((value) => this.canonical(key, value)))];
    }
    return found;
  }

  url(path) {
    return new URL(`${path}?v=${this.meta.versi}`, this.base);
  }

  // One fetch per file, shared by every caller; a failed fetch is retried later.
  once(path, read) {
    if (!this.loads.has(path)) {
      const loading = read(this.url(path));
      this.loads.set(path, loading);
      loading.catch(() => this.loads.delete(path));
    }
    return this.loads.get(path);
  }

  chunk(number) {
    return this.once(`kamus/${number}.bin`, fetchJson);
  }

  postings(name) {
    return this.once(`pos/${name}.bin`, async (url) => {
      const data = await fetchBytes(url);
      const length = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
      const table = JSON.parse(decoder.decode(data.subarray(4, 4 + length)));
      return { data, start: 4 + length, table };
    });
  }

  document(number) {
    return this.once(`dok/${number}.bin`, fetchJson);
  }

  // The first page of a one-word search (hal/NAME.bin), asked for first.
  page(name) {
    return this.once(`hal/${name}.bin`, (url) => fetchJson(url, { priority: "high" }));
  }

  // Each filter value's documents, as a bitmap or (few documents) a list.
  // facetData() fetches the file, facets() reads it: a search starts the one
  // and leaves the other until the filters need it.
  facetData() {
    return this.once("saringan.bin", fetchBytes);
  }

  facets() {
    this.facetsRead ||= this.facetData()
      .then((data) => this.readFacets(data))
      .catch((error) => {
        this.facetsRead = null;
        throw error;
      });
    return this.facetsRead;
  }

  readFacets(data) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let p = 0;
    const facets = {};
    for (const [key, values] of this.meta.saringan) {
      const sets = new Map();
      for (const value of values) {
        const kind = data[p];
        const length = view.getUint32(p + 1, true);
        const start = p + 5;
        p = start + length;
        if (kind === 1) {
          const bits = new Uint32Array(this.span);
          for (let i = 0; i < length; i++) bits[i >>> 2] |= data[start + i] << ((i & 3) * 8);
          sets.set(value, { bits });
        } else {
          sets.set(value, { list: decodeGaps(data, start, p) });
        }
      }
      facets[key] = sets;
    }
    return facets;
  }

  // How many documents hold each filter value.
  async totals() {
    return countIn(this.matching(undefined), await this.facets());
  }

  // The dictionary chunk that holds `word`, if it is a corpus word.
  chunkOf(word) {
    return Math.max(0, upperBound(this.meta.kamus, word) - 1);
  }

  // The stems a query word matches: [{stem, df, file, weight}].
  async lookup(word) {
    const found = new Map();
    const add = (stems, typed) => {
      for (const [stem, df, file, extra] of stems) {
        // Closer to what was typed ranks higher, as Pagefind weighed it.
        const weight = Math.exp(-(extra * extra) / 8) / (1 + 0.1 * typed);
        const known = found.get(stem);
        if (!known || known.weight < weight) found.set(stem, { stem, df, file, weight });
      }
    };
    const frequent = this.frequent.get(word);
    if (frequent) add(frequent[0], 0);
    else await this.lookupInChunks(word, add);
    return [...found.values()].sort((a, b) => b.df - a.df).slice(0, MAX_STEMS);
  }

  // Calls add(stems, letters) for the corpus word `word`, or for each corpus
  // word it begins (`letters` longer), from the dictionary chunks.
  async lookupInChunks(word, add) {
    const firsts = this.meta.kamus;
    if (!firsts.length) return;
    const first = this.chunkOf(word);
    const numbers = [first];
    const prefix = word.length >= MIN_PREFIX;
    for (let n = first + 1; prefix && n < firsts.length && firsts[n].startsWith(word); n++) {
      if (numbers.length === MAX_CHUNKS) break;
      numbers.push(n);
    }
    const entries = (await Promise.all(numbers.map((n) => this.chunk(n)))).flat();
    const at = lowerBound(entries, word, (entry) => entry[0]);
    if (entries[at]?.[0] === word) add(entries[at][1], 0);
    else if (prefix) {
      for (let i = at; i < entries.length && entries[i][0].startsWith(word); i++) {
        add(entries[i][1], entries[i][0].length - word.length);
      }
    }
  }

  // The corpus words that `word`, which no document holds, may be a
  // misspelling of, as [word, documents holding its stem]: the frequent
  // words (meta.kata) and the words of the dictionary chunk `word` falls in
  // (which its lookup has fetched).
  async neighbours(word) {
    const found = new Map();
    for (const [known, [stems]] of this.frequent) found.set(known, stems[0][1]);
    if (this.meta.kamus.length) {
      for (const [known, stems] of await this.chunk(this.chunkOf(word))) {
        found.set(known, stems[0][1]);
      }
    }
    return [...found];
  }

  // The name of the first page (hal/) of the corpus word `word`, if it has one.
  async pageOf(word) {
    const frequent = this.frequent.get(word);
    if (frequent) return frequent[1];
    const entries = await this.chunk(this.chunkOf(word));
    const entry = entries[lowerBound(entries, word, (item) => item[0])];
    return entry?.[0] === word ? entry[2] : undefined;
  }

  // The first page of the results of `query` as the index wrote it, for a
  // search that needs no posting to draw it: one frequent word, no filter.
  // Resolves to null for any other search, or to {total, highlight,
  // documents: [[number, record], ...]}, records as document() gives them
  // but with the text cut to the excerpt. The page is fetched at once for a
  // word of meta.kata, else as soon as the dictionary chunk is in; before
  // any posting a search asks for then.
  firstPage(query, { filters = {}, sort = "relevansi" } = {}) {
    const tokens = [...new Set(words(query || ""))];
    const filtered = Object.values(filters).some((values) => values.length);
    // A first page holds the documents by relevance and newest first.
    const key = sort === "terbaru" ? "terbaru" : sort === "terlama" ? null : "relevansi";
    if (tokens.length !== 1 || filtered || !this.meta.kamus.length || !key) {
      return Promise.resolve(null);
    }
    return this.pageOf(tokens[0]).then((name) => {
      if (name === undefined) return null;
      return this.page(name).then((page) => {
        const order = page[key];
        return {
          total: page.jumlah,
          highlight: new Set(page.sorot),
          documents: order.map((number) => [number, page.d[number]]),
        };
      });
    });
  }

  // Fetch what a search for `query` will read (dictionary chunks, first
  // page, postings), without waiting for it: called as the user types.
  preload(query) {
    this.firstPage(query).catch(() => {});
    for (const word of new Set(words(query))) {
      this.lookup(word)
        .then((stems) => Promise.all(stems.map(({ file }) => this.postings(file))))
        .catch(() => {});
    }
  }

  // Score every document holding every query word (BM25, impacts precomputed).
  // Each word is scored as soon as its own postings are in, while those of
  // the other words may still be on their way; the words' scores are then
  // added up in the order of the words, over the documents that hold them.
  // A word no document holds leaves nothing to score, unless `partial`: then
  // the other words are scored.
  async score(tokens, timings, partial) {
    const lookups = await Promise.all(tokens.map((token) => this.lookup(token)));
    timings.dictionary = performance.now();
    const highlight = new Set();
    const unknown = tokens.filter((_, i) => lookups[i].length === 0);
    const known = lookups.filter((stems) => stems.length);
    if (!known.length || (unknown.length && !partial)) {
      return { matches: null, highlight, unknown };
    }
    const best = new Float32Array(this.count); // shared: each word leaves it zeroed
    const scored = await Promise.all(
      known.map(async (stems) => {
        const files = await Promise.all(stems.map(({ file }) => this.postings(file)));
        return this.wordScores(stems, files, best, highlight);
      }),
    );
    timings.postings = performance.now();
    const total = new Float32Array(this.count);
    const hits = new Uint8Array(this.count);
    for (const { docs, values } of scored) {
      for (let i = 0; i < docs.length; i++) {
        total[docs[i]] += values[i];
        hits[docs[i]]++;
      }
    }
    // Every match is among the documents of the word that has the fewest.
    const fewest = scored.reduce((a, b) => (b.docs.length < a.docs.length ? b : a));
    const matches = { total, hits, needed: known.length, docs: fewest.docs };
    return { matches, highlight, unknown };
  }

  // The documents holding one query word, in no particular order, and the
  // best score of each over the stems the word matches. `best` is all zeros
  // and is left so.
  wordScores(stems, files, best, highlight) {
    const count = this.count;
    const touched = [];
    for (let i = 0; i < stems.length; i++) {
      const { stem, df, weight } = stems[i];
      const { data, start, table } = files[i];
      const entry = table[stem];
      if (!entry) continue;
      for (const form of entry[2]) highlight.add(form);
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      const factor = (idf * weight) / 255;
      let doc = -1;
      for (let p = start + entry[0], end = p + entry[1]; p < end; ) {
        let gap = 0;
        let shift = 0;
        let byte;
        do {
          byte = data[p++];
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        doc += gap;
        const value = data[p++] * factor;
        if (value > best[doc]) {
          if (best[doc] === 0) touched.push(doc);
          best[doc] = value;
        }
      }
    }
    const docs = new Uint32Array(touched.length);
    const values = new Float32Array(touched.length);
    let n = 0;
    for (const doc of touched) {
      // A document is listed twice when a value too small for a float32 left
      // it at zero before a later stem scored it.
      if (best[doc] > 0) {
        docs[n] = doc;
        values[n++] = best[doc];
      }
      best[doc] = 0;
    }
    return { docs: docs.subarray(0, n), values: values.subarray(0, n) };
  }

  // search("kata", {filters: {lembaga: ["…"]}, sort: "terbaru"}) gives the
  // matching documents in order (by "relevansi", the default, newest first:
  // "terbaru", or oldest first: "terlama"), the words to mark in excerpts,
  // the query's words no document holds (`unknown`), `held`: how many of the
  // query's `asked` words each result holds, and counts(): a promise of the
  // filter counts among the results (which need the filter values: results
  // wait for them only when a filter is chosen). Every chosen value, of one
  // key or of several, is required, but for the keys of `anyOf`, whose
  // chosen values are alternatives (a year, of documents that have one):
  // one of them is, and their values are counted among the results as if
  // none of the key's own were chosen, so that each counts the results it
  // stands for. Every word is required too (a word in `unknown` leaves
  // nothing found), unless `partial`: then the words no document holds are
  // left out and, should no document hold all the others, the results are
  // the documents that hold the most of them (`held` is less than `asked`).
  async search(
    query,
    { filters = {}, sort = "relevansi", partial = false, anyOf = [] } = {},
  ) {
    const started = performance.now();
    const timings = {};
    const tokens = [...new Set(words(query || ""))];
    const chosen = Object.entries(this.canonicalFilters(filters)).filter(
      ([, values]) => values.length,
    );
    // Without a chosen filter the results do not need the filter values:
    // their download waits for counts(), and leaves the way to the results.
    if (chosen.length) this.facetData();
    const { matches, highlight, unknown } = tokens.length
      ? await this.score(tokens, timings, partial)
      : { matches: undefined, highlight: new Set(), unknown: [] };
    timings.scores = performance.now();
    const facets = chosen.length ? await this.facets() : null;
    let held = matches ? matches.needed : 0;
    let mask = this.matching(matches);
    if (facets) restrict(mask, facets, chosen, anyOf);
    while (partial && held > 1 && !mask.some(Boolean)) {
      mask = this.matching(matches, --held);
      if (facets) restrict(mask, facets, chosen, anyOf);
    }
    timings.filters = performance.now();
    const results = this.ordered(mask, matches, sort);
    timings.order = performance.now();
    // Milliseconds from the start of the search to the end of each step.
    for (const [step, moment] of Object.entries(timings)) timings[step] = moment - started;
    // Counted when asked for: drawing the results first is worth the wait.
    const counts = async () => {
      const all = await this.facets();
      const found = countIn(mask, all);
      const alternatives = chosen.filter(([key]) => anyOf.includes(key));
      const unfiltered = alternatives.length ? this.matching(matches, held) : null;
      for (const [key] of alternatives) {
        const others = unfiltered.slice();
        restrict(others, all, chosen.filter(([other]) => other !== key), anyOf);
        found[key] = countIn(others, { [key]: all[key] })[key];
      }
      timings.counts = performance.now() - started;
      return found;
    };
    return { results, highlight, unknown, held, asked: tokens.length, counts, timings };
  }

  // The documents holding every query word (all documents for no word), or
  // `least` of them.
  matching(matches, least = matches?.needed) {
    const span = this.span;
    const mask = new Uint32Array(span);
    if (matches === undefined) {
      mask.fill(0xffffffff);
      if (this.count % 32) mask[span - 1] = (1 << this.count % 32) - 1;
    } else if (matches && least === matches.needed) {
      const { hits, docs } = matches;
      for (const doc of docs) {
        if (hits[doc] === least) mask[doc >>> 5] |= 1 << (doc & 31);
      }
    } else if (matches) {
      const { hits } = matches;
      for (let doc = 0; doc < hits.length; doc++) {
        if (hits[doc] >= least) mask[doc >>> 5] |= 1 << (doc & 31);
      }
    }
    return mask;
  }

  ordered(mask, matches, sort) {
    let size = 0;
    for (const word of mask) size += popcount(word);
    const results = new Uint32Array(size);
    for (let i = 0, n = 0; i < mask.length; i++) {
      for (let word = mask[i]; word; word &= word - 1) {
        results[n++] = i * 32 + (31 - Math.clz32(word & -word));
      }
    }
    // Newest first is the order of a search by filters alone.
    if (sort === "terlama") this.rank.oldestFirst(results);
    else if (matches && sort !== "terbaru") byScore(results, matches.total, this.rank);
    else this.rank.newestFirst(results);
    return results;
  }
}

// A document's place in the newest-first order (textindex.py's
// newest_first_rank): documents are numbered first the `undated` ones
// without a date, then the dated ones oldest first, so that an article newer
// than all the others takes the next number.
class Rank {
  constructor(count, undated) {
    this.count = count;
    this.undated = undated;
    this.dated = count - undated;
  }

  of(doc) {
    return doc >= this.undated ? this.count - 1 - doc : this.dated + doc;
  }

  doc(rank) {
    return rank < this.dated ? this.count - 1 - rank : rank - this.dated;
  }

  // Documents in increasing numbers, put oldest first in place: the dated
  // ones by number, then the undated ones. Returns how many are dated.
  oldestFirst(results) {
    const split = lowerBound(results, this.undated);
    const undated = results.slice(0, split);
    results.copyWithin(0, split);
    results.set(undated, results.length - split);
    return results.length - split;
  }

  // Documents in increasing numbers, put newest first in place: the dated
  // ones by number descending, then the undated ones.
  newestFirst(results) {
    results.subarray(0, this.oldestFirst(results)).reverse();
  }
}

// Highest score first, the newest first among equal scores. A float32 score's
// bits order like the score; with the document's rank below them the key is
// an integer under 2^53, so a plain numeric sort of float64 keys does it.
function byScore(results, total, rank) {
  if (total.length > DOCUMENT_LIMIT) {
    results.sort((a, b) => total[b] - total[a] || rank.of(a) - rank.of(b));
    return;
  }
  const bits = new Uint32Array(total.buffer, total.byteOffset, total.length);
  const keys = new Float64Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const doc = results[i];
    keys[i] = bits[doc] * DOCUMENT_LIMIT + (DOCUMENT_LIMIT - 1 - rank.of(doc));
  }
  keys.sort();
  for (let i = 0, j = keys.length - 1; j >= 0; i++, j--) {
    results[i] = rank.doc(DOCUMENT_LIMIT - 1 - (keys[j] % DOCUMENT_LIMIT));
  }
}

// Leaves in `mask` the documents that have every chosen value, or, for a key
// of `anyOf`, one of its chosen values.
function restrict(mask, facets, chosen, anyOf) {
  for (const [key, values] of chosen) {
    const sets = values.map((value) => facets[key]?.get(value));
    if (!anyOf.includes(key)) {
      for (const set of sets) intersect(mask, set);
      continue;
    }
    const any = new Uint32Array(mask.length);
    for (const set of sets) {
      if (set?.bits) for (let i = 0; i < any.length; i++) any[i] |= set.bits[i];
      else if (set) for (const doc of set.list) any[doc >>> 5] |= 1 << (doc & 31);
    }
    intersect(mask, { bits: any });
  }
}

// Leaves in `mask` the documents of a filter value's set (none for no set).
function intersect(mask, set) {
  if (!set) mask.fill(0);
  else if (set.bits) for (let i = 0; i < mask.length; i++) mask[i] &= set.bits[i];
  else {
    const kept = new Uint32Array(mask.length);
    for (const doc of set.list) kept[doc >>> 5] |= mask[doc >>> 5] & (1 << (doc & 31));
    mask.set(kept);
  }
}

// How many documents of `mask` hold each filter value.
function countIn(mask, facets) {
  const counts = {};
  for (const [key, sets] of Object.entries(facets)) {
    const mine = (counts[key] = {});
    for (const [value, set] of sets) {
      let size = 0;
      if (set.bits) for (let i = 0; i < mask.length; i++) size += popcount(mask[i] & set.bits[i]);
      else for (const doc of set.list) size += (mask[doc >>> 5] >>> (doc & 31)) & 1;
      mine[value] = size;
    }
  }
  return counts;
}

// About `length` words of `text` around the densest run of highlighted words,
// as [{text, mark}] parts, with an ellipsis before or after where the text
// goes on.
export function excerpt(text, highlight, length = 30) {
  const spans = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const hit = PLAIN.test(token)
      ? highlight.has(token.toLowerCase())
      : words(token).some((word) => highlight.has(word));
    spans.push({ from: match.index, to: match.index + token.length, hit });
  }
  if (!spans.length) return [];
  // Windows start a few words before a hit; the one with the most hits wins.
  const hitsAt = [];
  spans.forEach((span, i) => span.hit && hitsAt.push(i));
  let start = 0;
  let most = 0;
  for (let h = 0, last = 0; h < hitsAt.length; h++) {
    const from = Math.max(0, hitsAt[h] - 5);
    while (last < hitsAt.length && hitsAt[last] < from + length) last++;
    if (last - h > most) {
      most = last - h;
      start = from;
    }
  }
  const window = spans.slice(start, start + length);
  const parts = [];
  let at = window[0].from;
  for (const span of window) {
    if (!span.hit) continue;
    if (span.from > at) parts.push({ text: text.slice(at, span.from), mark: false });
    parts.push({ text: text.slice(span.from, span.to), mark: true });
    at = span.to;
  }
  const end = window[window.length - 1].to;
  if (end > at) parts.push({ text: text.slice(at, end), mark: false });
  // An ellipsis where words of the text are left out: where the window
  // leaves some, or where a text cut to its excerpt (a first page's,
  // textindex.py's excerpt_text) says so.
  if (start > 0 || text.slice(0, window[0].from).includes(ELLIPSIS)) {
    parts.unshift({ text: `${ELLIPSIS} `, mark: false });
  }
  if (start + length < spans.length || text.slice(end).includes(ELLIPSIS)) {
    parts.push({ text: ` ${ELLIPSIS}`, mark: false });
  }
  return parts;
}
