"""Scoring person and agency tagging against a CoNLL-style NER file.

Gold spans are the file's PER spans (PERSON, PPL) and those of its ORG spans
(ORGANISATION) that are public bodies: an ORG span counts as one when the matcher
recognises an agency inside it or when it opens with a word that names a state
body (``PUBLIC_HEADS``). Predicted
spans are the matcher's mentions plus the names its discovery proposes. A span is
found when its type and tokens match exactly; overlap scores (any shared token,
one prediction per gold span) are printed beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.entities import AGENCY, PERSON, Matcher
from warta.scores import f1

# First words of ORG spans that name a state body (lower-cased).
PUBLIC_HEADS = frozenset(
    (
        "kementerian kementrian kemenko menteri departemen dinas badan biro "
        "direktorat ditjen sekretariat pemerintah pemprov pemkab pemkot dpr "
        "dprd dpd mpr kpk polri polda polres polsek kepolisian kejaksaan "
        "kejagung kejati kejari mahkamah ma mk bi bps ojk bappenas bappeda bkpm "
        "bpk bpkp kpu bawaslu tni kodam korem lipi brin bnn bnpb bpbd bmkg "
        "basarnas bulog kemenkeu kemendag kemenperin kemenag kemenkes "
        "kemendikbud kemenhub kemenpupr kemensos kemnaker kemenkumham kemlu "
        "kemenhan kemendagri istana wantimpres lpsk komnas ombudsman bpjs lps "
        "lkpp bpom bsn bpn kppu setneg setkab kantor balai "
    ).split()
)


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def offsets(self) -> list[tuple[int, int]]:
        spans, position = [], 0
        for token in self.tokens:
            spans.append((position, position + len(token)))
            position += len(token) + 1
        return spans


def read_conll(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split()
        if not columns:
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
            tokens, tags = [], []
            continue
        tokens.append(columns[0])
        tags.append(columns[-1])
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


# Other corpora's names for the two types scored: NERGrit's PERSON and
# ORGANISATION, NER-P's PPL (its IND is a product or brand, not a body).
KIND_NAMES = {"PERSON": "PER", "PPL": "PER", "ORGANISATION": "ORG"}


def gold_spans(sentence: Sentence) -> list[tuple[str, int, int]]:
    """``(type, first token, last token + 1)`` for each BIO span; types named
    as ``KIND_NAMES`` says."""
    spans, start, kind = [], None, None
    for index, tag in enumerate((*sentence.tags, "O")):
        name = KIND_NAMES.get(tag[2:], tag[2:])
        inside = tag.startswith("I-") and kind == name
        if start is not None and not inside:
            spans.append((kind, start, index))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = index, name
    return spans


def _token_span(offsets, start: int, end: int) -> tuple[int, int] | None:
    covered = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (covered[0], covered[-1] + 1) if covered else None


@dataclass
class Tally:
    found: int = 0
    predicted: int = 0
    gold: int = 0
    overlap_found: int = 0

    def line(self, label: str) -> str:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = f1(p, r)
        op = self.overlap_found / self.predicted if self.predicted else 0.0
        orr = self.overlap_found / self.gold if self.gold else 0.0
        of = f1(op, orr)
        return (
            f"{label:<10} gold {self.gold:>5}  predicted {self.predicted:>5}  "
            f"exact P {p:.3f} R {r:.3f} F1 {f:.3f}  "
            f"overlap P {op:.3f} R {orr:.3f} F1 {of:.3f}"
        )


def _score(tally: Tally, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]):
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.found += len(set(gold) & set(predicted))
    unused = list(predicted)
    for g in gold:
        for p in unused:
            if p[0] < g[1] and g[0] < p[1]:
                tally.overlap_found += 1
                unused.remove(p)
                break


def evaluate(sentences: Iterable[Sentence], matcher: Matcher) -> dict[str, Tally]:
    tallies = {"PER": Tally(), "ORG": Tally()}
    for sentence in sentences:
        text, offsets = sentence.text, sentence.offsets()
        mentions, candidates = matcher.tag_and_discover(text)
        predicted: dict[str, set[tuple[int, int]]] = {"PER": set(), "ORG": set()}
        for item in [*mentions, *candidates]:
            span = _token_span(offsets, item.start, item.end)
            if span:
                predicted["PER" if item.kind == PERSON else "ORG"].add(span)
        agency_spans = {
            _token_span(offsets, m.start, m.end) for m in mentions if m.kind == AGENCY
        }
        gold: dict[str, list[tuple[int, int]]] = {"PER": [], "ORG": []}
        for kind, start, end in gold_spans(sentence):
            if kind == "PER":
                gold["PER"].append((start, end))
            elif kind == "ORG" and (
                sentence.tokens[start].casefold() in PUBLIC_HEADS
                or any(s and start <= s[0] and s[1] <= end for s in agency_spans)
            ):
                gold["ORG"].append((start, end))
        for kind in tallies:
            _score(tallies[kind], gold[kind], sorted(predicted[kind]))
    total = Tally()
    for tally in tallies.values():
        total.found += tally.found
        total.predicted += tally.predicted
        total.gold += tally.gold
        total.overlap_found += tally.overlap_found
    tallies["ALL"] = total
    return tallies


def report(tallies: dict[str, Tally]) -> str:
    labels = {"PER": "PER", "ORG": "ORG(publik)", "ALL": "semua"}
    return "\n".join(tally.line(labels[kind]) for kind, tally in tallies.items())
