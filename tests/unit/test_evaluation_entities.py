"""Reading a CoNLL file's spans for the entity evaluation."""

import pytest

from warta.evaluation_entities import Sentence, gold_spans


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (("B-PER", "I-PER", "O", "B-ORG"), [("PER", 0, 2), ("ORG", 3, 4)]),
        # NERGrit and NER-P name the same types otherwise.
        (("B-PERSON", "I-PERSON", "O"), [("PER", 0, 2)]),
        (("B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION"), [("ORG", 0, 3)]),
        (("O", "B-PPL", "I-PPL"), [("PER", 1, 3)]),
        (("B-IND", "I-IND"), [("IND", 0, 2)]),  # a brand: not scored
        # An I- after another type opens a span of its own.
        (("B-PER", "I-ORG"), [("PER", 0, 1), ("ORG", 1, 2)]),
        (("I-PER", "I-PER"), [("PER", 0, 2)]),
        (("B-PER", "B-PER"), [("PER", 0, 1), ("PER", 1, 2)]),
    ],
)
def test_gold_spans(tags, spans):
    sentence = Sentence(tuple(f"w{i}" for i in range(len(tags))), tags)
    assert gold_spans(sentence) == spans
