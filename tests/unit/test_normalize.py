"""Normalisation, offsets back to the original text, rule-based name variants."""

import pytest

from warta.normalize import (
    normalize,
    normalize_with_offsets,
    person_variants,
    variants,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dinas Perindustrian", "dinas perindustrian"),
        ("  Dinas\n  Perindustrian  ", "dinas perindustrian"),
        ("Dinas Perindustrian—Dtjen IKM", "dinas perindustrian dtjen ikm"),
        ("Kab. Lampung Selatan", "kab lampung selatan"),
        # Dots separate like spaces: every spelling of initials is the same.
        ("Tonny O.L. Tobing", "tonny o l tobing"),
        ("Tonny O. L. Tobing", "tonny o l tobing"),
        ("Tonny O.L.Tobing", "tonny o l tobing"),
        ("M.Ridho Ficardo", "m ridho ficardo"),
        ("M. Ridho Ficardo", "m ridho ficardo"),
        ("“Dengan begitu,” kata Gubernur.", "dengan begitu kata gubernur"),
        ("Kecil-Menengah", "kecil menengah"),
        ("34,27%", "34 27"),
        ("PEMPROV LAMPUNG", "pemprov lampung"),
        # An apostrophe inside a word is dropped; quotes around it are not text.
        ("Ma'ruf Amin", "maruf amin"),
        ("Ma’ruf Amin", "maruf amin"),
        ("kata ‘Gubernur’", "kata gubernur"),
        # NFKC, case folding, accents.
        ("Ｄｉｎａｓ，Lampung", "dinas lampung"),
        ("Pérez", "perez"),
        ("Pe\u0301rez", "perez"),
        ("ﬁnal", "final"),
        ("STRASSE Straße", "strasse strasse"),
        ("a_b", "a b"),
        ("", ""),
        (" … — ", ""),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kepala Dinas Peindustrian Tonny\nO.L. Tobing saat memberikan sambutan",
        "“Marilah kita maju” M.Ridho Ficardo",
        "Data  Kementrian Perindustrian Republik Indonesia.",
        "Ma'ruf ‘Gubernur’ Pérez Pe\u0301rez ﬁnal …",
        "Ｄｉｎａｓ，Lampung — Jl. Wolter Monginsidi No. 69",
    ],
)
def test_offsets_lead_back_to_the_original_words(text):
    doc = normalize_with_offsets(text)
    assert doc.text == normalize(text)
    assert doc.text == " ".join(doc.tokens)
    assert len(doc.spans) == len(doc.tokens)
    for index, (start, end) in enumerate(doc.spans):
        assert normalize(text[start:end]) == doc.tokens[index]
        assert doc.text[doc.starts[index] :].startswith(doc.tokens[index])


def test_original_span_of_a_normalised_match():
    text = "Rakor bersama Dinas  Perindustrian—Prov. Lampung, kemarin."
    doc = normalize_with_offsets(text)
    found = doc.text.index("dinas perindustrian prov lampung")
    start, end = doc.original_span(
        found, found + len("dinas perindustrian prov lampung")
    )
    assert text[start:end] == "Dinas  Perindustrian—Prov. Lampung"
    assert doc.token_span(2, 4) == (14, 34)


@pytest.mark.parametrize(
    ("name", "present", "absent"),
    [
        (
            "Direktorat Jenderal Industri Kecil dan Menengah",
            {
                "ditjen industri kecil dan menengah",
                "direktorat jendral industri kecil dan menengah",
            },
            {"industri kecil dan menengah"},
        ),
        ("Ditjen IKM", {"direktorat jenderal ikm", "ditjen ikm"}, {"ikm"}),
        (
            "Kementerian Perindustrian",
            {
                "kementrian perindustrian",
                "kementerian perindustrian ri",
                "kementerian perindustrian republik indonesia",
                "kementrian perindustrian republik indonesia",
            },
            {"perindustrian"},
        ),
        (
            "Kementerian Perindustrian Republik Indonesia",
            {"kementerian perindustrian", "kementrian perindustrian ri"},
            set(),
        ),
        ("Kemenperin", {"kemenperin", "kemenperin ri"}, set()),
        # A short form in capitals after "Kemen" is also written apart.
        ("KemenPU", {"kemenpu", "kemen pu"}, set()),
        ("Kemenkes", {"kemenkes"}, {"kemen kes"}),
        (
            "Pemerintah Provinsi Lampung",
            {"pemprov lampung", "pemerintah prov lampung"},
            {"pemerintah lampung", "lampung"},
        ),
        (
            "Pemkab Tanggamus",
            {"pemerintah kabupaten tanggamus", "pemerintah kab tanggamus"},
            set(),
        ),
        ("Pemerintah Kota Metro", {"pemkot metro"}, {"pemerintah metro"}),
        (
            "Dinas Perindustrian dan Perdagangan Kab. Lampung Selatan",
            {
                "disperindag lampung selatan",
                "disperindag kabupaten lampung selatan",
                "dinas perindustrian dan perdagangan kabupaten lampung selatan",
            },
            {"dinas perindustrian dan perdagangan"},
        ),
        ("Kepala Dinas Perindustrian", {"kadis perindustrian"}, set()),
        ("Kadis Perindustrian", {"kepala dinas perindustrian"}, set()),
        (
            "Dinas Perindustrian Provinsi Lampung",
            {"dinas perindustrian lampung", "dinas perindustrian prov lampung"},
            {"dinas perindustrian"},
        ),
        ("Provinsi Lampung", {"lampung", "prov lampung"}, set()),
        ("Kota Bandar Lampung", {"bandar lampung"}, {"lampung"}),
        ("Wali Kota Metro", {"walikota metro"}, {"wali metro"}),
        (
            "Kementerian Hukum dan Hak Asasi Manusia",
            {"kementerian hukum dan ham", "kementrian hukum dan ham"},
            {"kementerian hukum"},
        ),
        (
            "Badan Pusat Statistik",
            {"badan pusat statistik"},
            {"badan pusat statistik ri"},
        ),
        ("", set(), {""}),
    ],
)
def test_variants(name, present, absent):
    found = variants(name)
    assert present <= found
    assert not absent & found
    if name:
        assert normalize(name) in found


@pytest.mark.parametrize(
    ("name", "present", "absent"),
    [
        ("Tonny O.L. Tobing", {"tonny o l tobing", "tonny tobing"}, {"tobing"}),
        (
            "M. Ridho Ficardo",
            {
                "m ridho ficardo",
                "muhammad ridho ficardo",
                "mohammad ridho ficardo",
                "ridho ficardo",
            },
            {"ridho", "ficardo"},
        ),
        ("Arinal Djunaidi", {"arinal djunaidi"}, {"arinal", "djunaidi"}),
        # A middle word as its initial, but not then left out.
        (
            "Budi Gunadi Sadikin",
            {"budi gunadi sadikin", "budi g sadikin"},
            {"budi sadikin", "b gunadi sadikin", "budi gunadi s"},
        ),
        (
            "Abraham Octavianus Atururi Santoso",
            {"abraham o atururi santoso", "abraham o a santoso"},
            {"abraham santoso"},
        ),
        ("Habib Ismail bin Yahya", {"habib i bin yahya"}, {"habib ismail b yahya"}),
    ],
)
def test_person_variants(name, present, absent):
    found = person_variants(name)
    assert present <= found
    assert not absent & found
