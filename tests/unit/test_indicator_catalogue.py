"""The indicator catalogue: the real file, phrase matching, every fault named."""

import textwrap

import pytest

from warta.errors import ContentError, WartaError
from warta.indicators.catalogue import (
    DEFAULT_PATH,
    UNITS,
    Catalogue,
    Indicator,
    IndicatorCatalogueError,
    load_catalogue,
    parse_phrase,
)
from warta.normalize import normalize

REQUIRED_IDS = [
    "ikm-share-industrial-gdp",
    "ikm-share-industrial-exports",
    "ikm-share-in-java",
    "economic-growth",
    "inflation",
    "export-value",
    "import-value",
    "investment-value",
    "investment-realisation",
    "ikm-count",
    "workers",
    "open-unemployment",
    "poverty",
    "farmer-terms-of-trade",
    "grdp",
    "grdp-growth",
    "industry-growth",
    "industry-share-gdp",
    "budget",
    "credit-umkm",
]


def test_the_real_catalogue_loads_with_every_required_indicator():
    catalogue = load_catalogue(DEFAULT_PATH)
    ids = [indicator.id for indicator in catalogue.indicators]
    assert set(REQUIRED_IDS) <= set(ids)
    assert len(ids) > len(REQUIRED_IDS)
    for indicator in catalogue.indicators:
        assert indicator.unit in UNITS
        assert indicator.description
        assert indicator.description.endswith(".")
        assert indicator.phrases
    assert catalogue.by_id["inflation"].name == "Inflasi"
    assert catalogue.by_id["inflation"].falls == ("deflasi",)
    assert catalogue.by_id["budget"].flow
    assert catalogue.by_id["export-value"].flow
    assert not catalogue.by_id["inflation"].flow
    assert len(catalogue.fingerprint) == 64


# --- phrases ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "segments"),
    [
        ("inflasi", (("inflasi",),)),
        ("Nilai Tukar Petani", (("nilai", "tukar", "petani"),)),
        ("kontribusi ... terhadap PDB", (("kontribusi",), ("terhadap", "pdb"))),
        ("populasi IKM…terkonsentrasi", (("populasi", "ikm"), ("terkonsentrasi",))),
    ],
)
def test_parse_phrase(phrase, segments):
    assert parse_phrase(phrase) == segments


@pytest.mark.parametrize(
    "phrase", ["... terhadap PDB", "kontribusi ...", "a ... ... b", "!!!"]
)
def test_parse_phrase_rejects_empty_parts(phrase):
    with pytest.raises(ValueError, match=r"letters or digits|between words"):
        parse_phrase(phrase)


def _catalogue(*phrases, subject=(), exclude=()):
    indicator = Indicator(
        "x", "X", "percent", tuple(phrases), subject=tuple(subject), exclude=exclude
    )
    return Catalogue.build([indicator])


@pytest.mark.parametrize(
    ("phrase", "text", "span"),
    [
        ("kontribusi ... terhadap PDB", "kontribusi terhadap PDB", (0, 3)),
        ("kontribusi ... terhadap PDB", "kontribusi IKM nasional terhadap PDB", (0, 5)),
        # up to five words may stand in a gap, not six
        ("kontribusi ... terhadap PDB", "kontribusi a b c d e terhadap PDB", (0, 8)),
        ("kontribusi ... terhadap PDB", "kontribusi a b c d e f terhadap PDB", None),
        ("Nilai Tukar Petani", "NTP atau nilai tukar petani naik", (2, 5)),
    ],
)
def test_phrases_match_with_gaps(phrase, text, span):
    found = _catalogue(phrase).find_phrases(normalize(text).split())
    assert [(m.first, m.stop) for m in found][:1] == ([span] if span else [])


def test_subject_words_must_stand_in_the_sentence_and_excluded_ones_not():
    catalogue = _catalogue(
        "kontribusi", subject=["IKM", "industri kecil menengah"], exclude=("Malaysia",)
    )
    assert catalogue.sentence_admits("x", " kontribusi ikm naik ")
    assert catalogue.sentence_admits("x", " industri kecil menengah tumbuh ")
    assert not catalogue.sentence_admits("x", " kontribusi industri naik ")
    assert not catalogue.sentence_admits("x", " kontribusi ikm malaysia naik ")


def test_a_phrase_word_with_nya_reads_as_the_word():
    catalogue = _catalogue("nilai impor", "turunnya impor")
    tokens = "nilai impornya dan turunnya impor serta hanya".split()
    assert catalogue.phrase_words(tokens) == [
        "nilai",
        "impor",
        "dan",
        "turunnya",  # a phrase word of its own
        "impor",
        "serta",
        "hanya",
    ]


def test_not_within_names_the_longer_phrases_a_phrase_stands_in():
    indicator = Indicator(
        "x", "X", "percent", ("kemiskinan",), not_within=(("garis", "kemiskinan"),)
    )
    tokens = "garis kemiskinan dan tingkat kemiskinan".split()
    assert indicator.within_other(tokens, 1, 2)
    assert not indicator.within_other(tokens, 4, 5)


# --- faults -------------------------------------------------------------------

GOOD = """\
- id: inflation
  name: Inflasi
  unit: percent
  description: Kenaikan harga.
  phrases:
  - inflasi
"""


def write(tmp_path, text):
    path = tmp_path / "indicators.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_same_bytes_are_checked_once_and_an_edit_is_read_again(tmp_path):
    path = write(tmp_path, GOOD)
    first = load_catalogue(path)
    assert load_catalogue(path) is first
    write(tmp_path, GOOD.replace("name: Inflasi", "name: Laju inflasi"))
    assert load_catalogue(path).by_id["inflation"].name == "Laju inflasi"
    write(tmp_path, GOOD.replace("unit: percent", "unit: furlong"))
    for _ in range(2):  # a fault is raised each time, never kept
        with pytest.raises(IndicatorCatalogueError, match="furlong"):
            load_catalogue(path)


def test_bounds_keep_out_figures_of_the_unit_outside_them(tmp_path):
    text = GOOD.replace("  unit:", "  min: 0\n  max: 1_000\n  unit:")
    (indicator,) = load_catalogue(write(tmp_path, text)).indicators
    assert (indicator.minimum, indicator.maximum) == (0, 1000)
    assert indicator.admits(12.5, "percent")
    assert not indicator.admits(5000, "percent")
    assert indicator.admits(5000, "rupiah")  # another unit: not bounded here
    strict = load_catalogue(
        write(tmp_path, GOOD.replace("  unit:", "  only_unit: true\n  unit:"))
    ).indicators[0]
    assert not strict.admits(5, "rupiah")  # another unit: none of it
    assert strict.admits(5, None)  # a bare number may be


def test_level_is_read(tmp_path):
    text = GOOD.replace("  unit:", "  level: true\n  unit:")
    (indicator,) = load_catalogue(write(tmp_path, text)).indicators
    assert indicator.level
    (plain,) = load_catalogue(write(tmp_path, GOOD)).indicators
    assert not plain.level


def test_not_within_is_read_as_normalised_words(tmp_path):
    text = GOOD.replace("  unit:", "  not_within: [Inflasi Inti]\n  unit:")
    (indicator,) = load_catalogue(write(tmp_path, text)).indicators
    assert indicator.not_within == (("inflasi", "inti"),)


def test_a_good_file_loads(tmp_path):
    catalogue = load_catalogue(write(tmp_path, GOOD))
    (indicator,) = catalogue.indicators
    assert (indicator.id, indicator.unit, indicator.phrases, indicator.line) == (
        "inflation",
        "percent",
        ("inflasi",),
        1,
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        # YAML syntax
        (
            "- id: a\n  name: [A\n  unit: percent\n",
            2,
            "YAML syntax error: while parsing a flow sequence",
        ),
        ("- id: a\n\tname: A\n", 2, "YAML syntax error"),
        # shape
        ("id: a\nname: A\n", 1, "must be a YAML list"),
        (GOOD + "- just text\n", 7, "entry 2 is 'just text', not a mapping"),
        # keys
        (GOOD.replace("  unit:", "  colour: red\n  unit:"), 3, "unknown key 'colour'"),
        (
            GOOD.replace("  unit:", "  name: Lagi\n  unit:"),
            3,
            "key 'name' is given twice",
        ),
        (GOOD.replace("  name: Inflasi\n", ""), 1, "required key 'name' is missing"),
        (
            GOOD.replace("- id: inflation\n  name", "- name"),
            1,
            "required key 'id' is missing",
        ),
        (GOOD.replace("  unit: percent\n", ""), 1, "required key 'unit' is missing"),
        (
            GOOD.replace("  phrases:\n  - inflasi\n", ""),
            1,
            "required key 'phrases' is missing",
        ),
        (
            GOOD.replace("  name: Inflasi", "  name:"),
            1,
            "required key 'name' is missing",
        ),
        # values
        (
            GOOD.replace("id: inflation", "id: Inflasi Tahunan"),
            1,
            "must be lower-case letters",
        ),
        (
            GOOD.replace("id: inflation", "id: inflation-"),
            1,
            "must be lower-case letters",
        ),
        (
            GOOD.replace("unit: percent", "unit: persen"),
            3,
            "unit 'persen' is not one of",
        ),
        (GOOD.replace("name: Inflasi", "name: 12"), 2, "'name' must be text"),
        (
            GOOD.replace("  unit:", "  exclude: ['...']\n  unit:"),
            3,
            "exclude '...' has no letters or digits",
        ),
        (
            GOOD.replace("  unit:", "  change: nowhere\n  unit:"),
            3,
            "change 'nowhere' is no indicator in percent of this file",
        ),
        (
            GOOD.replace("  unit:", "  falls: ['...']\n  unit:"),
            3,
            "falls '...' has no letters or digits",
        ),
        (
            GOOD.replace("  unit:", "  not_within: ['...']\n  unit:"),
            3,
            "not_within '...' has no letters or digits",
        ),
        (
            GOOD.replace("  unit:", "  not_within: [harga pangan]\n  unit:"),
            3,
            "not_within 'harga pangan' holds none of the indicator's phrases",
        ),
        (
            GOOD.replace("  unit:", "  level: ya\n  unit:"),
            3,
            "'level' must be true or false, not 'ya'",
        ),
        (
            GOOD.replace("  unit:", "  short: ['...']\n  unit:"),
            3,
            "short '...' has no letters or digits",
        ),
        (
            GOOD.replace("  unit:", "  members: ['...']\n  unit:"),
            3,
            "members '...' has no letters or digits",
        ),
        (
            GOOD.replace("  unit:", "  pair: nowhere\n  unit:"),
            3,
            "pair 'nowhere' is no indicator in another unit of this file",
        ),
        (
            GOOD.replace("  unit:", "  actor: ya\n  unit:"),
            3,
            "'actor' must be true or false, not 'ya'",
        ),
        (
            GOOD.replace("  unit:", "  daily: ya\n  unit:"),
            3,
            "'daily' must be true or false, not 'ya'",
        ),
        (
            GOOD.replace("  unit:", "  plan: ya\n  unit:"),
            3,
            "'plan' must be true or false, not 'ya'",
        ),
        (
            GOOD.replace("  unit:", "  only_unit: ya\n  unit:"),
            3,
            "'only_unit' must be true or false, not 'ya'",
        ),
        (
            GOOD.replace("  unit:", "  min: banyak\n  unit:"),
            3,
            "'min' must be a number, not 'banyak'",
        ),
        (
            GOOD.replace("  unit:", "  min: 10\n  max: 5\n  unit:"),
            4,
            "'max' 5 is below 'min' 10",
        ),
        (GOOD.replace("  - inflasi", "  - 12"), 6, "'phrases' holds '12', not text"),
        (
            GOOD.replace("  phrases:\n  - inflasi", "  phrases: []"),
            5,
            "'phrases' must be a list",
        ),
        (
            GOOD.replace("  - inflasi", "  - ... inflasi"),
            6,
            "'...' must stand between words",
        ),
        (
            GOOD.replace("  - inflasi", "  - inflasi\n  - Inflasi"),
            7,
            "phrase 'Inflasi' is given twice",
        ),
        (GOOD + "  subject:\n  - '!!'\n", 8, "subject '!!' has no letters"),
        # across entries
        (
            GOOD + GOOD.replace("phrases:\n  - inflasi", "phrases:\n  - laju inflasi"),
            7,
            "duplicate id 'inflation' (first on line 1)",
        ),
        (
            GOOD
            + GOOD.replace("id: inflation", "id: prices").replace(
                "  - inflasi", "  - INFLASI"
            ),
            12,
            "phrase 'INFLASI' is already claimed by 'inflation' (line 6)",
        ),
    ],
)
def test_each_fault_is_named_with_file_and_line(tmp_path, text, line, reason):
    path = write(tmp_path, text)
    with pytest.raises(IndicatorCatalogueError) as caught:
        load_catalogue(path)
    assert isinstance(caught.value, WartaError)
    faults = caught.value.errors
    assert all(isinstance(fault, ContentError) for fault in faults)
    assert any(
        fault.line == line and reason in fault.reason and fault.path == str(path)
        for fault in faults
    ), [str(fault) for fault in faults]
    assert f"{path}:{line}: " in str(caught.value)


def test_every_fault_is_reported_at_once(tmp_path):
    text = """\
    - id: a
      name: A
      unit: furlongs
      phrases: [satu]
    - id: B!
      name: B
      unit: percent
      phrases: [dua]
    - id: c
      unit: percent
      phrases: [satu]
      colour: red
    - id: a
      name: A lagi
      unit: percent
      phrases: [tiga]
    """
    with pytest.raises(IndicatorCatalogueError) as caught:
        load_catalogue(write(tmp_path, text))
    lines = [(fault.line, fault.reason.split(" ")[0]) for fault in caught.value.errors]
    assert lines == [
        (3, "unit"),
        (5, "id"),
        (9, "required"),
        (11, "phrase"),  # 'satu' belongs to 'a' already
        (12, "unknown"),
        (13, "duplicate"),
    ]


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_bytes(GOOD.encode() + "- id: é\n".encode("latin-1"))
    with pytest.raises(IndicatorCatalogueError) as caught:
        load_catalogue(path)
    (fault,) = caught.value.errors
    assert (fault.line, fault.reason) == (7, "the file is not UTF-8 text")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(IndicatorCatalogueError, match="file is missing"):
        load_catalogue(tmp_path / "nope.yaml")


def test_an_empty_file_is_an_empty_catalogue(tmp_path):
    assert load_catalogue(write(tmp_path, "# nothing yet\n")).indicators == ()
