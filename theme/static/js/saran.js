// Suggestions for the search page: the agencies, people and indicators
// whose name, acronym or alias (data/saran.bin, written by
// warta/suggestions.py) is close to the query or to a run of its words,
// misspellings included ("Dtjen IKM", "kemenprin", "disperindag lampung");
// and, for a word no page holds, the closest word some page does hold.

import { normalise } from "./indeks.js";

export const KINDS = ["Lembaga", "Tokoh", "Indikator"]; // saran.bin's kinds
const FLOOR = 0.75; // the least similarity a suggestion needs
const LEFT_OUT = 0.1; // what leaving out all but a run of the query costs
// How far below the best a suggestion may score: "kemenprin" is one edit
// from Kemenperin (0.9), and "Kemenag" or "Kemendagri" only share its start.
const BEHIND_BEST = 0.1;

// Three rows of the distance table, reused: no allocation per label.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

// Optimal string alignment distance: edits, with adjacent swaps as one edit;
// Infinity as soon as it is sure to exceed `limit` (a row's smallest cell
// never falls in the rows below it).
export function distance(a, b, limit = Infinity) {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const n = b.length;
  if (rows[0].length <= n) rows = rows.map(() => new Int32Array(2 * (n + 1)));
  let [before, previous, row] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const x = a.charCodeAt(i - 1);
    const xBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    row[0] = i;
    let least = i;
    for (let j = 1; j <= n; j++) {
      const y = b.charCodeAt(j - 1);
      let cell = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x === y ? 0 : 1));
      if (j > 1 && x === b.charCodeAt(j - 2) && xBefore === y) {
        cell = Math.min(cell, before[j - 2] + 1);
      }
      row[j] = cell;
      if (cell < least) least = cell;
    }
    if (least > limit) return Infinity;
    [before, previous, row] = [previous, row, before];
  }
  return previous[n] <= limit ? previous[n] : Infinity;
}

// The most edits a score of at least `floor` allows over `length` characters.
function editsAllowed(floor, length) {
  return Math.floor((1 - floor) * length + 1e-9);
}

// How well a query matches a label: less with each edit, and, for words
// still being typed (`typing`), 1 when they begin the label. Exact when it
// is at least `floor`; below `floor` it is only known to be.
export function similarity(query, label, floor = 0, typing = true) {
  if (!query || !label) return 0;
  if (typing && label.startsWith(query)) return 1;
  const longest = Math.max(query.length, label.length);
  const whole = 1 - distance(query, label, editsAllowed(floor, longest)) / longest;
  if (!typing || query.length < 5) return Math.max(whole, 0);
  const head = label.slice(0, query.length + 1);
  const headLongest = Math.max(query.length, head.length);
  const edits = editsAllowed(floor + 0.05, headLongest);
  const prefix = 1 - distance(query, head, edits) / headLongest;
  return Math.max(whole, prefix - 0.05, 0);
}

// The word of `known` ([[word, documents], ...]) closest to `word`, a word
// no document holds, if it is within an edit (5 to 7 letters) or two (8 or
// more): the fewest edits first, then the most documents. Null if none is.
export function closestWord(word, known) {
  let most = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  if (!most) return null;
  let best = null;
  let bestCount = -1;
  for (const [candidate, count] of known) {
    const edits = distance(word, candidate, most);
    const closer = edits < most || (edits === most && count > bestCount);
    if (edits > 0 && closer) {
      best = candidate;
      bestCount = count;
      most = edits;
    }
  }
  return best;
}

// The runs of the query's words of at least 3 letters: [{text, typing (it
// ends the query: its last word may be half typed), cost (of the words it
// leaves out), rest (those words)}].
function runs(query) {
  const words = query.split(" ");
  const found = [];
  for (let size = words.length; size > 0; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const text = words.slice(start, start + size).join(" ");
      const typing = start + size === words.length;
      const cost = LEFT_OUT * (1 - size / words.length);
      const rest = [...words.slice(0, start), ...words.slice(start + size)].join(" ");
      if (text.length >= 3) found.push({ text, typing, cost, rest });
    }
  }
  return found;
}

// The entries whose labels are close to the query, or to a run of its
// words ("dtjen ikm lampung": Ditjen IKM), closest first, none far behind
// the closest (BEHIND_BEST). A run's similarity counts for a little less for
// each word of the query it leaves out: the whole query matched as well
// ranks first. Each entry also gives the query's words its best run leaves
// out (`rest`).
export function suggest(query, entries, limit = 5) {
  const q = normalise(query);
  if (q.length < 3) return [];
  const parts = runs(q);
  const scored = [];
  for (const [name, url, kind, labels] of entries) {
    let best = -Infinity;
    let rest = "";
    for (const part of parts) {
      const { text, typing, cost } = part;
      for (const label of labels) {
        // Only a score that would rank this entry higher is worked out exactly.
        const floor = Math.max(FLOOR, best + cost);
        const score = similarity(text, label, floor, typing);
        if (score >= floor && score - cost > best) {
          best = score - cost;
          rest = part.rest;
        }
      }
    }
    if (best > -Infinity) scored.push({ name, url, kind: KINDS[kind], score: best, rest });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "id"));
  const least = scored.length ? scored[0].score - BEHIND_BEST - 1e-9 : 0;
  return scored.filter((entry) => entry.score >= least).slice(0, limit);
}
