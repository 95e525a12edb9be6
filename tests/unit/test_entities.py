"""The matcher: exact names, near-misses, short forms, titles; and discovery."""

import datetime as dt
import pickle
import re
from itertools import pairwise

import pytest

import warta.entities
from tests.spies import spy
from warta.authority import Agency, Authority, Person, Role, load_authority
from warta.discovery import DISCOVERY_HEADS, discover_candidates
from warta.entities import (
    HEAD_WORDS,
    Matcher,
    Mention,
    canonical_title,
    minister_titles,
    ministry_spelt_out,
    sentence_cuts,
    unique_ids,
)

REGIONS = """\
- id: indonesia
  name: Indonesia
  kind: country
- id: lampung
  name: Lampung
  kind: province
  parent: indonesia
- id: jambi
  name: Jambi
  kind: province
  parent: indonesia
- id: bandar-lampung
  name: Kota Bandar Lampung
  aliases: [Bandarlampung]
  kind: city
  parent: lampung
- id: lampung-selatan
  name: Kabupaten Lampung Selatan
  kind: regency
  parent: lampung
"""
AGENCIES = """\
- id: kemenperin
  name: Kementerian Perindustrian
  acronyms: [Kemenperin]
  former_names: [Depperin, Departemen Perindustrian]
  renamed: 2009
  kind: ministry
- id: ditjen-ikm-kemenperin
  name: Direktorat Jenderal Industri Kecil, Menengah, dan Aneka
  aliases: [Direktorat Jenderal Industri Kecil dan Menengah]
  acronyms: [Ditjen IKM]
  kind: directorate_general
  parent: kemenperin
- id: pemprov-lampung
  name: Pemerintah Provinsi Lampung
  kind: provincial_government
  region: lampung
- id: pemprov-jambi
  name: Pemerintah Provinsi Jambi
  kind: provincial_government
  region: jambi
- id: pemkab-lampung-selatan
  name: Pemerintah Kabupaten Lampung Selatan
  kind: regency_government
  region: lampung-selatan
- id: pemkot-bandar-lampung
  name: Pemerintah Kota Bandar Lampung
  kind: city_government
  region: bandar-lampung
- id: dinas-perindustrian-lampung
  name: Dinas Perindustrian Provinsi Lampung
  kind: provincial_office
  region: lampung
  parent: pemprov-lampung
- id: dinas-perindustrian-jambi
  name: Dinas Perindustrian Provinsi Jambi
  kind: provincial_office
  region: jambi
- id: dinas-koperasi-lampung
  name: Dinas Koperasi dan UMKM Provinsi Lampung
  kind: provincial_office
  region: lampung
- id: disperindag-lampung-selatan
  name: Dinas Perindustrian dan Perdagangan Kabupaten Lampung Selatan
  kind: regency_office
  region: lampung-selatan
- id: bps
  name: Badan Pusat Statistik
  acronyms: [BPS]
  kind: national_agency
- id: bps-lampung
  name: Badan Pusat Statistik Provinsi Lampung
  kind: provincial_office
  region: lampung
- id: bbkb
  name: Balai Besar Kerajinan dan Batik
  kind: national_agency
  parent: kemenperin
- id: bi
  name: Bank Indonesia
  acronyms: [BI]
  kind: central_bank
- id: kominfo
  name: Kementerian Komunikasi dan Informatika
  acronyms: [Kominfo]
  kind: ministry
- id: dpd
  name: Dewan Perwakilan Daerah Republik Indonesia
  acronyms: [DPD, DPD RI]
  shared_acronyms: [DPD]
  kind: legislature
"""
PEOPLE = """\
- id: tonny-ol-tobing
  name: Tonny O.L. Tobing
  roles:
    - title: Kepala Dinas Perindustrian Provinsi Lampung
      agency: dinas-perindustrian-lampung
      from: 2014
      to: 2016
- id: m-ridho-ficardo
  name: M. Ridho Ficardo
  roles:
    - title: Gubernur Lampung
      agency: pemprov-lampung
      from: 2014-06-02
      to: 2019-06-11
- id: arinal-djunaidi
  name: Arinal Djunaidi
  roles:
    - title: Gubernur Lampung
      agency: pemprov-lampung
      from: 2019-06-12
      to: 2024-06-12
- id: saleh-husin
  name: Saleh Husin
  roles:
    - title: Menteri Perindustrian
      agency: kemenperin
      from: 2014-10-27
      to: 2016-07-27
- id: ridho-rhoma
  name: Ridho Rhoma
- id: faisol-riza
  name: Faisol Riza
  roles:
    - title: Wakil Menteri Perindustrian
      agency: kemenperin
      from: 2024-10-21
- id: rudi-hartono
  name: Letjen TNI Rudi Hartono
- id: suryamin
  name: Suryamin
  roles:
    - title: Kepala Badan Pusat Statistik
      agency: bps
      from: 2013
      to: 2016
"""

# The worked example, shortened: every fault of the real paste is in it.
ACCEPTANCE_TEXT = (
    "Dinas Perindustrian—Dtjen IKM Gelar Rakor. Rakor Dinas Perinustrian dengan "
    "Ditjen IKM di Balai Keratun. BANDARLAMPUNG — Dinas Perindustrian Provinsi "
    "Lampung bersama Ditjen IKM Kementerian Perindustrian Republik Indonesia "
    "menggelar rapat. Kepala Dinas Peindustrian Tonny O.L. Tobing saat memberikan "
    "sambutan mewakili Gubernr. Lampung mengatakan hal itu. “Dengan begitu,” kata "
    "Gubernur. Data Kementrian Perindustrian Republik Indonesia. “Marilah kita "
    "maju” M.Ridho Ficardo"
)


PLACES = """
- province: lampung
  regencies: [Lampung Selatan, Tulang Bawang Barat, Way Kanan]
  cities: [Bandar Lampung, Metro]
- province: jambi
  regencies: [Tanjung Jabung Timur, Tebo]
  cities: [Jambi, Sungai Penuh]
"""


@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    folder = tmp_path_factory.mktemp("authority")
    (folder / "regions.yaml").write_text(REGIONS, encoding="utf-8")
    (folder / "agencies.yaml").write_text(AGENCIES, encoding="utf-8")
    (folder / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (folder / "places.yaml").write_text(PLACES, encoding="utf-8")
    return load_authority(folder)


@pytest.fixture(scope="module")
def matcher(authority):
    return Matcher.from_authority(authority)


def found(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.entity_id, m.surface, m.method) for m in mentions]


def test_acceptance(matcher):
    mentions = matcher.tag(ACCEPTANCE_TEXT, region="lampung")
    assert found(mentions) == [
        ("dinas-perindustrian-lampung", "Dinas Perindustrian", "short"),
        ("ditjen-ikm-kemenperin", "Dtjen IKM", "fuzzy"),
        ("dinas-perindustrian-lampung", "Dinas Perinustrian", "fuzzy"),
        ("ditjen-ikm-kemenperin", "Ditjen IKM", "exact"),
        (
            "dinas-perindustrian-lampung",
            "Dinas Perindustrian Provinsi Lampung",
            "exact",
        ),
        ("ditjen-ikm-kemenperin", "Ditjen IKM", "exact"),
        ("kemenperin", "Kementerian Perindustrian Republik Indonesia", "exact"),
        ("dinas-perindustrian-lampung", "Dinas Peindustrian", "fuzzy"),
        ("tonny-ol-tobing", "Tonny O.L. Tobing", "exact"),
        ("pemprov-lampung", "Gubernr. Lampung", "role"),
        ("pemprov-lampung", "Gubernur", "role"),
        ("kemenperin", "Kementrian Perindustrian Republik Indonesia", "exact"),
        ("m-ridho-ficardo", "M.Ridho Ficardo", "exact"),
    ]
    for mention in mentions:
        assert ACCEPTANCE_TEXT[mention.start : mention.end] == mention.surface
        assert mention.surface.replace("\n", " ") in mention.sentence
        people = {"tonny-ol-tobing", "m-ridho-ficardo"}
        assert mention.kind == ("person" if mention.entity_id in people else "agency")
    assert unique_ids(mentions) == {
        "agency": (
            "dinas-perindustrian-lampung",
            "ditjen-ikm-kemenperin",
            "kemenperin",
            "pemprov-lampung",
        ),
        "person": ("tonny-ol-tobing", "m-ridho-ficardo"),
    }
    by_surface = {m.surface: m.sentence for m in mentions}
    assert by_surface["Gubernur"] == "“Dengan begitu,” kata Gubernur."
    assert by_surface["Gubernr. Lampung"] == (
        "Kepala Dinas Peindustrian Tonny O.L. Tobing saat memberikan sambutan "
        "mewakili Gubernr. Lampung mengatakan hal itu."
    )


def test_acceptance_with_a_date_adds_the_governor(matcher):
    mentions = matcher.tag(ACCEPTANCE_TEXT, region="lampung", date=dt.date(2015, 3, 16))
    roles = [(m.entity_id, m.surface) for m in mentions if m.method == "role"]
    assert roles == [
        ("pemprov-lampung", "Gubernr. Lampung"),
        ("m-ridho-ficardo", "Gubernr. Lampung"),
        ("pemprov-lampung", "Gubernur"),
        ("m-ridho-ficardo", "Gubernur"),
    ]


def test_the_real_paste_of_the_worked_example(matcher):
    text = (
        "Kepala Dinas Peindustrian Tonny\nO.L. Tobing saat memberikan sambutan "
        "mewakili Gubernr. Lampung mengatakan, Rakor\ntersebut merupakan upaya "
        "antara\npemerintah Kabupaten/Kota,Provinsi dan Pusat di Kementerian "
        "Perindustrian Republik Indonesia.\n“Dengan begittu, daerah dapat\n"
        "mengakses,” kata Gubernur.\nGubernur mengharapkan\npengembangan industri."
    )
    assert found(matcher.tag(text, region="lampung")) == [
        ("dinas-perindustrian-lampung", "Dinas Peindustrian", "fuzzy"),
        ("tonny-ol-tobing", "Tonny\nO.L. Tobing", "exact"),
        ("pemprov-lampung", "Gubernr. Lampung", "role"),
        ("kemenperin", "Kementerian Perindustrian Republik Indonesia", "exact"),
        ("pemprov-lampung", "Gubernur", "role"),
        ("pemprov-lampung", "Gubernur", "role"),
    ]


A, P = "agency", "person"

# (text, tag() keywords, expected (id, surface, method) in text order)
CASES = [
    # -- exact names, acronyms, aliases, rule-based variants ------------------
    (
        "Kementerian Perindustrian menggelar rapat.",
        {},
        [("kemenperin", "Kementerian Perindustrian", "exact")],
    ),
    ("Data Kemenperin menunjukkan", {}, [("kemenperin", "Kemenperin", "exact")]),
    (
        "Kementrian Perindustrian RI",
        {},
        [("kemenperin", "Kementrian Perindustrian RI", "exact")],
    ),
    (
        "KEMENTERIAN PERINDUSTRIAN",
        {},
        [("kemenperin", "KEMENTERIAN PERINDUSTRIAN", "exact")],
    ),
    (
        "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka",
        {},
        [
            (
                "ditjen-ikm-kemenperin",
                "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka",
                "exact",
            )
        ],
    ),
    (
        "Direktorat Jenderal Industri Kecil dan Menengah",
        {},
        [
            (
                "ditjen-ikm-kemenperin",
                "Direktorat Jenderal Industri Kecil dan Menengah",
                "exact",
            )
        ],
    ),
    (
        "Direktorat Jenderal IKM",
        {},
        [("ditjen-ikm-kemenperin", "Direktorat Jenderal IKM", "exact")],
    ),
    ("Pemprov Lampung", {}, [("pemprov-lampung", "Pemprov Lampung", "exact")]),
    ("PEMPROV LAMPUNG", {}, [("pemprov-lampung", "PEMPROV LAMPUNG", "exact")]),
    (
        "Pemkab Lampung Selatan",
        {},
        [("pemkab-lampung-selatan", "Pemkab Lampung Selatan", "exact")],
    ),
    (
        "Dinas Perindustrian Lampung",
        {},
        [("dinas-perindustrian-lampung", "Dinas Perindustrian Lampung", "exact")],
    ),
    (
        "Disperindag Kab. Lampung Selatan",
        {},
        [("disperindag-lampung-selatan", "Disperindag Kab. Lampung Selatan", "exact")],
    ),
    (
        "Dinas Perindustrian dan Perdagangan Lampung Selatan",
        {},
        [
            (
                "disperindag-lampung-selatan",
                "Dinas Perindustrian dan Perdagangan Lampung Selatan",
                "exact",
            )
        ],
    ),
    (
        "Bank Indonesia dan BI",
        {},
        [("bi", "Bank Indonesia", "exact"), ("bi", "BI", "exact")],
    ),
    # -- longest match wins; no match inside a word ----------------------------
    (
        "Dinas Perindustrian Provinsi Lampung",
        {"region": "jambi"},
        [
            (
                "dinas-perindustrian-lampung",
                "Dinas Perindustrian Provinsi Lampung",
                "exact",
            )
        ],
    ),
    (
        "Badan Pusat Statistik Provinsi Lampung mencatat",
        {},
        [("bps-lampung", "Badan Pusat Statistik Provinsi Lampung", "exact")],
    ),
    ("Badan Pusat Statistik mencatat", {}, [("bps", "Badan Pusat Statistik", "exact")]),
    ("Kemenperinnya dan Gubernurnya", {"region": "lampung"}, []),
    ("biaya bisa BIaya", {}, []),
    ("Bps dan bi (huruf kecil) bukan akronim", {}, []),
    ("Sentra IKM dan Industri Kecil dan Menengah", {}, []),
    ("Provinsi Lampung dan Kota Bandar Lampung", {"region": "lampung"}, []),
    # A one-word title after a first name is that name's last word ...
    ("lagu dari Shawn Menperin diputar", {}, []),
    # ... not after an honorific, a title, an acronym, nor in a headline.
    ("lapor kepada Pak Menperin", {}, [("kemenperin", "Menperin", "role")]),
    ("mantan Sekjen Menperin hadir", {}, [("kemenperin", "Menperin", "role")]),
    ("dalam OTT Menperin kemarin", {}, [("kemenperin", "Menperin", "role")]),
    ("HNW Dukung Menperin Hadapi Gugatan", {}, [("kemenperin", "Menperin", "role")]),
    (
        "KOI Surati Menperin soal Efisiensi Anggaran",
        {},
        [("kemenperin", "Menperin", "role")],
    ),
    (
        'sesuai Surat Perintah Menperin," imbuhnya.',
        {},
        [("kemenperin", "Menperin", "role")],
    ),
    # After two capitalised words, where the sentence goes on in lower case.
    ("sutradara Spectre Sam Menperin dikabarkan batal menggarap film", {}, []),
    # An apposition naming a performer: someone's last name, there and later.
    ("Shawn Menperin, penyanyi asal Kanada, menang. Menperin tampil.", {}, []),
    # A last name the text gave once is that name alone later on ...
    ("Kami putar lagu Shawn Menperin. Penggemar Menperin bersorak.", {}, []),
    # ... not where a name follows it, the title's holder's own.
    (
        "Kami putar lagu Shawn Menperin. Menperin Saleh Husin hadir.",
        {},
        [("kemenperin", "Menperin", "role"), ("saleh-husin", "Saleh Husin", "exact")],
    ),
    # -- near-misses that match ------------------------------------------------
    ("Rakor Dtjen IKM", {}, [("ditjen-ikm-kemenperin", "Dtjen IKM", "fuzzy")]),
    (
        "Badan Pusat Statistik Provinsi Lampug mencatat",
        {},
        [("bps-lampung", "Badan Pusat Statistik Provinsi Lampug", "fuzzy")],
    ),
    (
        "Dinas Koperasi dan UMKM Provinsi Lampong",
        {},
        [
            (
                "dinas-koperasi-lampung",
                "Dinas Koperasi dan UMKM Provinsi Lampong",
                "fuzzy",
            )
        ],
    ),
    (
        "Balai Besar Kerajinan dan Batk",
        {},
        [("bbkb", "Balai Besar Kerajinan dan Batk", "fuzzy")],
    ),
    ("Bank Indonesa", {}, [("bi", "Bank Indonesa", "fuzzy")]),
    ("Tony O.L. Tobing hadir", {}, [("tonny-ol-tobing", "Tony O.L. Tobing", "fuzzy")]),
    ("M. Ridho Fikardo hadir", {}, [("m-ridho-ficardo", "M. Ridho Fikardo", "fuzzy")]),
    # A day, a dash or a comma after the name: the name ends there.
    (
        "kata Tony O.L. Tobing Kamis (30/3)",
        {},
        [("tonny-ol-tobing", "Tony O.L. Tobing", "fuzzy")],
    ),
    (
        "Tony O.L. Tobing - Kepala Dinas",
        {},
        [("tonny-ol-tobing", "Tony O.L. Tobing", "fuzzy")],
    ),
    # -- near-misses that must not match ----------------------------------------
    ("Tony O.L. Tobing Nugraha hadir", {}, []),  # within someone else's name
    ("Ronny O.L. Tobing hadir", {}, []),  # a person's name by another letter
    ("Rapat di Balai Keratun", {}, []),
    ("Dinas Pertanian Provinsi Lampung dan Dinas Perikanan", {"region": "lampung"}, []),
    (
        "Badan Pusat Statistik Provinsi Jambi",
        {},
        [("bps", "Badan Pusat Statistik", "exact")],
    ),
    ("Bank Lampung", {}, []),
    ("Kemenprin dan Kemenperinx", {}, []),  # a single word is never fuzzy
    ("Dtjen Ikm", {}, []),  # "IKM" is written in capitals
    ("Ditjen IKMA", {}, []),  # short tokens must be equal
    ("Toni Tobing", {}, []),
    ("dinas perinustrian", {"region": "lampung"}, []),  # lower-case head word
    ("Gubernr hadir", {"region": "lampung"}, []),  # a slip of a title needs a place
    # -- people: names, variants, titles, short forms ---------------------------
    ("Tonny O.L. Tobing", {}, [("tonny-ol-tobing", "Tonny O.L. Tobing", "exact")]),
    ("Tonny O. L. Tobing", {}, [("tonny-ol-tobing", "Tonny O. L. Tobing", "exact")]),
    ("Tonny Tobing", {}, [("tonny-ol-tobing", "Tonny Tobing", "exact")]),
    ("M.Ridho Ficardo", {}, [("m-ridho-ficardo", "M.Ridho Ficardo", "exact")]),
    (
        "Muhammad Ridho Ficardo",
        {},
        [("m-ridho-ficardo", "Muhammad Ridho Ficardo", "exact")],
    ),
    (
        "Gubernur Lampung M. Ridho Ficardo membuka acara",
        {},
        [
            ("pemprov-lampung", "Gubernur Lampung", "role"),
            ("m-ridho-ficardo", "M. Ridho Ficardo", "exact"),
        ],
    ),
    (
        "M. Ridho Ficardo datang. Ridho mengatakan, Ficardo tersenyum.",
        {},
        [
            ("m-ridho-ficardo", "M. Ridho Ficardo", "exact"),
            ("m-ridho-ficardo", "Ridho", "short"),
            ("m-ridho-ficardo", "Ficardo", "short"),
        ],
    ),
    (
        "Ridho mengatakan. M. Ridho Ficardo datang.",
        {},
        [("m-ridho-ficardo", "M. Ridho Ficardo", "exact")],
    ),
    (
        "M. Ridho Ficardo dan Ridho Rhoma. Ridho bernyanyi.",
        {},
        [
            ("m-ridho-ficardo", "M. Ridho Ficardo", "exact"),
            ("ridho-rhoma", "Ridho Rhoma", "exact"),
        ],
    ),
    (
        "Tonny O.L. Tobing hadir. Kata Pak Tobing, Budi Tobing juga hadir.",
        {},
        [
            ("tonny-ol-tobing", "Tonny O.L. Tobing", "exact"),
            ("tonny-ol-tobing", "Tobing", "short"),
        ],
    ),
    # -- region-less names and titles -------------------------------------------
    ("Dinas Perindustrian hadir", {}, []),
    (
        "Dinas Perindustrian hadir",
        {"region": "jambi"},
        [("dinas-perindustrian-jambi", "Dinas Perindustrian", "short")],
    ),
    (
        "Dinas Perindustrian hadir. Dinas Perindustrian Provinsi Jambi juga.",
        {"region": "lampung"},
        [
            ("dinas-perindustrian-jambi", "Dinas Perindustrian", "short"),
            (
                "dinas-perindustrian-jambi",
                "Dinas Perindustrian Provinsi Jambi",
                "exact",
            ),
        ],
    ),
    ("Dinas Perindustrian Kab. Tanggamus hadir", {"region": "lampung"}, []),
    ("Dinas Perindustrian Lampung Selatan hadir", {"region": "lampung"}, []),
    ("Pemprov hadir", {"region": "lampung"}, [("pemprov-lampung", "Pemprov", "short")]),
    ("kata Gubernur.", {}, []),
    (
        "kata Gubernur.",
        {"region": "lampung"},
        [("pemprov-lampung", "Gubernur", "role")],
    ),
    (
        "kata Gubernur.",
        {"region": "bandar-lampung"},
        [("pemprov-lampung", "Gubernur", "role")],
    ),
    (
        "kata Gubernur.",
        {"region": "Kota Bandar Lampung"},
        [("pemprov-lampung", "Gubernur", "role")],
    ),
    (
        "Gubernur Jambi hadir",
        {"region": "lampung"},
        [("pemprov-jambi", "Gubernur Jambi", "role")],
    ),
    (
        "Gubernur Provinsi Lampung",
        {},
        [("pemprov-lampung", "Gubernur Provinsi Lampung", "role")],
    ),
    (
        "Wakil Gubernur Lampung",
        {},
        [("pemprov-lampung", "Wakil Gubernur Lampung", "role")],
    ),
    ("Gubernur Jawa Barat hadir", {"region": "lampung"}, []),
    (
        "Gubernur Bank Indonesia hadir",
        {"region": "lampung"},
        [("bi", "Bank Indonesia", "exact")],
    ),
    ("Gubernur Lampung Selatan", {}, []),
    (
        "Bupati Lampung Selatan",
        {},
        [("pemkab-lampung-selatan", "Bupati Lampung Selatan", "role")],
    ),
    (
        "Bupati hadir",
        {"region": "lampung-selatan"},
        [("pemkab-lampung-selatan", "Bupati", "role")],
    ),
    ("Bupati hadir", {"region": "bandar-lampung"}, []),
    (
        "Wali Kota Bandar Lampung",
        {},
        [("pemkot-bandar-lampung", "Wali Kota Bandar Lampung", "role")],
    ),
    (
        "Walikota Bandarlampung",
        {},
        [("pemkot-bandar-lampung", "Walikota Bandarlampung", "role")],
    ),
    ("Kadis Perindustrian hadir", {}, []),
    (
        "Kadis Perindustrian hadir",
        {"region": "lampung"},
        [("dinas-perindustrian-lampung", "Kadis Perindustrian", "role")],
    ),
    (
        "Kepala Dinas Perindustrian Provinsi Lampung",
        {},
        [
            (
                "dinas-perindustrian-lampung",
                "Dinas Perindustrian Provinsi Lampung",
                "role",
            )
        ],
    ),
    ("Menteri Perindustrian", {}, [("kemenperin", "Menteri Perindustrian", "role")]),
    # -- a date resolves a title to the person holding it -----------------------
    (
        "Gubernur Lampung hadir",
        {"date": dt.date(2015, 3, 16)},
        [
            ("pemprov-lampung", "Gubernur Lampung", "role"),
            ("m-ridho-ficardo", "Gubernur Lampung", "role"),
        ],
    ),
    (
        "Gubernur Lampung hadir",
        {"date": dt.datetime(2020, 3, 16, 9, 30)},
        [
            ("pemprov-lampung", "Gubernur Lampung", "role"),
            ("arinal-djunaidi", "Gubernur Lampung", "role"),
        ],
    ),
    (
        "Gubernur Lampung hadir",
        {"date": dt.date(2030, 1, 1)},
        [("pemprov-lampung", "Gubernur Lampung", "role")],
    ),
    (
        "Gubernur Lampung M. Ridho Ficardo hadir",
        {"date": dt.date(2015, 3, 16)},
        [
            ("pemprov-lampung", "Gubernur Lampung", "role"),
            ("m-ridho-ficardo", "M. Ridho Ficardo", "exact"),
        ],
    ),
    (
        "Menteri Perindustrian mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
        ],
    ),
    (
        "Kadis Perindustrian hadir",
        {"date": dt.date(2015, 3, 16), "region": "lampung"},
        [
            ("dinas-perindustrian-lampung", "Kadis Perindustrian", "role"),
            ("tonny-ol-tobing", "Kadis Perindustrian", "role"),
        ],
    ),
    (
        "Kadis Perindustrian Tonny O.L. Tobing hadir",
        {"date": dt.date(2015, 3, 16), "region": "lampung"},
        [
            ("dinas-perindustrian-lampung", "Kadis Perindustrian", "role"),
            ("tonny-ol-tobing", "Tonny O.L. Tobing", "exact"),
        ],
    ),
    (
        "Wakil Gubernur Lampung",
        {"date": dt.date(2015, 3, 16)},
        [("pemprov-lampung", "Wakil Gubernur Lampung", "role")],
    ),
    # A chief's title before the office's short form.
    (
        "Kepala BPS mengatakan",
        {"date": dt.date(2015, 3, 16)},
        # The office is named by its words after the chief's: "BPS".
        [("suryamin", "Kepala BPS", "role"), ("bps", "BPS", "role")],
    ),
    # Not the holder: a regional office's head, or someone the text names.
    (
        "Kepala BPS Provinsi Jambi mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [("bps", "BPS", "role")],
    ),
    (
        "Kepala Badan Pusat Statistik Provinsi Jambi Agus Sudibyo mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [("bps", "Badan Pusat Statistik", "role")],
    ),
    (
        "Wakil Kepala BPS mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [("bps", "BPS", "role")],
    ),
    # A minister's and a deputy's short titles, made from the short form.
    (
        "Menperin mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menperin", "role"), ("saleh-husin", "Menperin", "role")],
    ),
    (
        "Wamenperin mengatakan",
        {"date": dt.date(2025, 1, 10)},
        [("kemenperin", "Wamenperin", "role"), ("faisol-riza", "Wamenperin", "role")],
    ),
    # A deputy's title names the deputy, when the files hold one.
    (
        "Wakil Menteri Perindustrian mengatakan",
        {"date": dt.date(2025, 1, 10)},
        [
            ("faisol-riza", "Wakil Menteri Perindustrian", "role"),
            ("kemenperin", "Menteri Perindustrian", "role"),
        ],
    ),
    (
        "mantan Wakil Menteri Perindustrian mengatakan",
        {"date": dt.date(2025, 1, 10)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "mantan Menteri Perindustrian mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    # A joint act of several offices; "bersama" alone is "with".
    (
        "Peraturan Bersama Menteri Perindustrian mengatur",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "datang bersama Menteri Perindustrian",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
        ],
    ),
    # Several holders ("para menteri"); another country's, past the short
    # form in brackets.
    (
        "para menteri perindustrian negara ASEAN bertemu",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "menteri perindustrian", "role")],
    ),
    # The title of the name before it ("sebagai", "selaku").
    (
        "Andi Wijaya sebagai Menteri Perindustrian menandatangani",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "ia selaku Menperin hadir",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menperin", "role")],
    ),
    (
        "Andi Wijaya akan dilantik menjadi Menperin",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menperin", "role")],
    ),
    # A former holder's; the office's building; a decree's number.
    (
        "Menteri Perindustrian terdahulu meresmikan pabrik itu",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "Menteri Perindustrian sebelumnya yakni Andi Wijaya",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "mahasiswa berdemo di depan Kantor Menteri Perindustrian",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "Menteri Perindustrian", "role")],
    ),
    (
        "Keputusan Nomor HK.01/MENPERIN/97/2015 berlaku",
        {"date": dt.date(2015, 3, 16)},
        [("kemenperin", "MENPERIN", "role")],
    ),
    # "sebelumnya" alone is "earlier": still the holder then.
    (
        "Menteri Perindustrian sebelumnya mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
        ],
    ),
    # Titles joined by a slash share the name after the last: Suryamin
    # headed BPS, not the ministry, so the minister then is not named.
    (
        "Menteri Perindustrian/Kepala BPS, Suryamin, hadir",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("bps", "BPS", "role"),
            ("suryamin", "Suryamin", "exact"),
        ],
    ),
    (
        "Menteri Perindustrian/Kepala BPS hadir",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
            ("suryamin", "Kepala BPS", "role"),
            ("bps", "BPS", "role"),
        ],
    ),
    # A ministry's short form after "Dinas" is a word of a regional office.
    ("pejabat Dinas Kominfo Nganjuk hadir", {}, []),
    ("Kadis Kominfo Provinsi Lampung hadir", {}, []),
    ("Kominfo dan Dinas Kominfo", {}, [("kominfo", "Kominfo", "exact")]),
    # A shared acronym followed by another name, or after another
    # organisation's acronym, is that body's ("DPD" is also a party's board).
    ("Ketua DPD Partai Golkar Lampung hadir", {}, []),
    ("DPD REI Lampung dan DPD PDIP menggelar rapat", {}, []),
    ("anggota APPBI DPD Jakarta", {}, []),
    ("anggota DPR dan DPD hadir", {}, [("dpd", "DPD", "exact")]),
    ("DPD RI Lampung", {}, [("dpd", "DPD RI", "exact")]),
    ("kata DPD, Senin", {}, [("dpd", "DPD", "exact")]),
    (
        "Ketua DPD Saleh Husin hadir",
        {},
        [("dpd", "DPD", "exact"), ("saleh-husin", "Saleh Husin", "exact")],
    ),
    # A name that names a thing after the person: no person.
    (
        "Saleh Husin Cup 2015 digelar di Palu",
        {"date": dt.date(2015, 3, 16)},
        [],
    ),
    (
        "Final Piala Saleh Husin, disaksikan Saleh Husin",
        {"date": dt.date(2015, 3, 16)},
        [("saleh-husin", "Saleh Husin", "exact")],
    ),
    (
        "Menteri Perindustrian (Menperin) Jepang mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [],
    ),
    (
        "Menteri Perindustrian (Menperin) Saleh Husin mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
            ("kemenperin", "Menperin", "role"),
            ("saleh-husin", "Saleh Husin", "exact"),
        ],
    ),
    (
        "Gubernur Lampung Budi Santoso hadir",
        {"date": dt.date(2015, 3, 16)},
        [("pemprov-lampung", "Gubernur Lampung", "role")],
    ),
    (
        "Menteri Perindustrian Saleh mengatakan",
        {"date": dt.date(2015, 3, 16)},
        [
            ("kemenperin", "Menteri Perindustrian", "role"),
            ("saleh-husin", "Menteri Perindustrian", "role"),
        ],
    ),
    # A former name is the body's in text written before it was renamed, or
    # undated; later it names another country's ("Departemen Perindustrian"
    # in 2026 news is the US Department of Commerce's kind).
    (
        "Departemen Perindustrian hadir",
        {"date": dt.date(2008, 5, 1)},
        [("kemenperin", "Departemen Perindustrian", "exact")],
    ),
    (
        "Depperin hadir",
        {"date": dt.date(2009, 12, 31)},
        [("kemenperin", "Depperin", "exact")],
    ),
    (
        "Departemen Perindustrian hadir",
        {},
        [("kemenperin", "Departemen Perindustrian", "exact")],
    ),
    ("Departemen Perindustrian hadir", {"date": dt.date(2026, 5, 1)}, []),
    ("Depperin hadir", {"date": dt.date(2010, 1, 1)}, []),
    (
        "Kemenperin hadir",
        {"date": dt.date(2026, 5, 1)},
        [("kemenperin", "Kemenperin", "exact")],
    ),
    # Another country's office is none of the authority files'.
    ("Menteri Perindustrian Jepang hadir", {"date": dt.date(2015, 3, 16)}, []),
    ("Kementerian Perindustrian Korea Selatan menolak", {}, []),
    ("kata Kemenperin Amerika Serikat", {}, []),
    ("Badan Pusat Statistik Malaysia mencatat", {}, []),
    # A country that does not go on the name leaves the office as it is.
    (
        "Kemenperin, Jepang, dan Korea",
        {},
        [("kemenperin", "Kemenperin", "exact")],
    ),
    (
        "Kemenperin. Jepang menolak",
        {},
        [("kemenperin", "Kemenperin", "exact")],
    ),
    (
        "Kemenperin bekerja sama dengan Jepang",
        {},
        [("kemenperin", "Kemenperin", "exact")],
    ),
]


@pytest.mark.parametrize(("text", "context", "expected"), CASES)
def test_tag(matcher, text, context, expected):
    mentions = matcher.tag(text, **context)
    assert found(mentions) == expected
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.kind in (A, P)


def test_mentions_carry_kind_and_sentence(matcher):
    text = "Rapat pertama. Tonny O.L. Tobing hadir di Kemenperin!\n\nParagraf baru."
    mentions = matcher.tag(text)
    assert [(m.kind, m.sentence) for m in mentions] == [
        (P, "Tonny O.L. Tobing hadir di Kemenperin!"),
        (A, "Tonny O.L. Tobing hadir di Kemenperin!"),
    ]
    assert mentions[0] == Mention(
        "tonny-ol-tobing", P, 15, 32, "Tonny O.L. Tobing", mentions[0].sentence, "exact"
    )


def _words(first: int, count: int) -> str:
    return " ".join(f"kata{n}" for n in range(first, first + count))


# A sentence of 60 words, "Kemenperin" one of them: (words before, after).
@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # Short enough: whole.
        (10, 20, f"{_words(0, 10)} Kemenperin {_words(10, 20)}."),
        # The mention in the middle: 12 words before it, the rest after.
        (30, 29, f"… {_words(18, 12)} Kemenperin {_words(30, 27)} …"),
        # Near the start: nothing left out before it.
        (5, 54, f"{_words(0, 5)} Kemenperin {_words(5, 34)} …"),
        # Near the end: the words before it make up the forty.
        (54, 5, f"… {_words(20, 34)} Kemenperin {_words(54, 5)}."),
    ],
)
def test_a_long_sentence_is_cut_around_its_mention(matcher, before, after, expected):
    text = f"Awal. {_words(0, before)} Kemenperin {_words(before, after)}. Akhir."
    [mention] = matcher.tag(text)
    assert mention.sentence == expected
    assert len(expected.replace("… ", "").replace(" …", "").split()) <= 40


def test_a_cut_sentence_keeps_the_word_the_mention_stands_in(matcher):
    text = f"{_words(0, 30)} (Kemenperin) {_words(30, 30)}."
    [mention] = matcher.tag(text)
    assert f"{_words(18, 12)} (Kemenperin) kata30" in mention.sentence


def test_entity_ids_helper(matcher):
    text = "Kemenperin dan Kementerian Perindustrian bersama Saleh Husin."
    assert matcher.entity_ids(text) == {
        "agency": ("kemenperin",),
        "person": ("saleh-husin",),
    }


def test_fuzzy_threshold_is_a_parameter(authority):
    strict = Matcher.from_authority(authority, fuzzy_threshold=100)
    assert strict.tag("Rakor Dtjen IKM") == []
    assert found(strict.tag("Rakor Ditjen IKM")) == [
        ("ditjen-ikm-kemenperin", "Ditjen IKM", "exact")
    ]


def test_matcher_pickles(matcher):
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.tag(ACCEPTANCE_TEXT, region="lampung") == matcher.tag(
        ACCEPTANCE_TEXT, region="lampung"
    )


def test_unknown_region_is_an_error(matcher):
    with pytest.raises(ValueError, match="unknown region 'Atlantis'"):
        matcher.tag("kata Gubernur", region="Atlantis")


def test_empty_text_and_empty_authority(matcher):
    from warta.authority import Authority

    assert matcher.tag("") == []
    assert matcher.tag(" … ") == []
    assert (
        Matcher.from_authority(Authority.build()).tag("Kementerian Perindustrian") == []
    )


@pytest.mark.parametrize(
    ("title", "canonical"),
    [
        ("Gubernur Lampung", "gubernur"),
        ("Wakil Gubernur Lampung", "wakil gubernur"),
        ("Wagub Lampung", "wakil gubernur"),
        ("Walikota Bandar Lampung", "wali kota"),
        ("Kadis Perindustrian", "kepala dinas"),
        ("Kepala Dinas Perindustrian Provinsi Lampung", "kepala dinas"),
        ("Menteri Perindustrian", "menteri"),
        ("Dirjen IKM", "direktur jenderal"),
        ("Sekretaris Daerah", "sekretaris daerah"),
    ],
)
def test_canonical_title(title, canonical):
    assert canonical_title(title) == canonical


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Satu. Dua! Tiga? Empat", ["Satu.", " Dua!", " Tiga?", " Empat"]),
        ("Tonny O.L. Tobing hadir. Lalu", ["Tonny O.L. Tobing hadir.", " Lalu"]),
        ("Di Kab. Way Kanan. Lalu", ["Di Kab. Way Kanan.", " Lalu"]),
        ("“Kata dia.” Lalu", ["“Kata dia.”", " Lalu"]),
        ("Judul tanpa titik\n\nIsi", ["Judul tanpa titik\n\n", "Isi"]),
        ("baris\nterputus", ["baris\nterputus"]),
        ("34,27% dan 1.000", ["34,27% dan 1.000"]),
    ],
)
def test_sentence_cuts(text, sentences):
    cuts = sentence_cuts(text)
    assert [text[a:b] for a, b in pairwise(cuts)] == sentences


# -- discovery of names the authority does not know ------------------------------

# (text, expected (kind, name) candidates)
DISCOVERY = [
    (
        "Kepala Dinas Koperasi Provinsi Jambi, Budi Santoso, mengatakan hal itu.",
        [(A, "Dinas Koperasi Provinsi Jambi"), (P, "Budi Santoso")],
    ),
    ("“Kami siap,” kata Andi Wijaya.", [(P, "Andi Wijaya")]),
    (
        "Hal itu disampaikan, ujar Siti Nurhaliza kepada wartawan.",
        [(P, "Siti Nurhaliza")],
    ),
    ("“Kita siap,” kata Ir. H. Joko Susilo.", [(P, "Joko Susilo")]),
    ("“Marilah kita maju” Budi Santoso", [(P, "Budi Santoso")]),
    ("Gubernur Jambi Hasan Basri hadir.", [(P, "Hasan Basri")]),
    (
        "Kepala Dinas Perindustrian Provinsi Lampung Andi Saputra hadir.",
        [(P, "Andi Saputra")],
    ),
    (
        "Menurut Kepala Biro Perekonomian, Yusuf Hakim, ekonomi tumbuh.",
        [(A, "Biro Perekonomian"), (P, "Yusuf Hakim")],
    ),
    (
        "Badan Pengelola Keuangan Daerah Kabupaten Tanggamus mencatat.",
        [(A, "Badan Pengelola Keuangan Daerah Kabupaten Tanggamus")],
    ),
    (
        "Direktorat Jenderal Industri Agro, Kimia, dan Hasil Hutan menggelar rapat.",
        [(A, "Direktorat Jenderal Industri Agro, Kimia, dan Hasil Hutan")],
    ),
    (
        "Kantor Wilayah Kementerian Hukum dan HAM Lampung menggelar rapat.",
        [(A, "Kantor Wilayah Kementerian Hukum dan HAM Lampung")],
    ),
    (
        "Dinas Perindustrian Kab. Tanggamus",
        [(A, "Dinas Perindustrian Kabupaten Tanggamus")],
    ),
    (
        "Dinas Perindustrian, Dinas Koperasi dan Dinas Pertanian hadir.",
        [(A, "Dinas Koperasi"), (A, "Dinas Pertanian")],
    ),
    ("Rakor di Balai Keratun, Senin (16/3).", [(A, "Balai Keratun")]),
    # negatives
    ("kata Gubernur. Lalu pulang", []),
    ("“Dengan begitu,” kata Gubernur.", []),
    ("kata dia kemudian.", []),
    ("kata Budi.", []),
    ("ujar BANDARLAMPUNG hari ini", []),
    ("dinas terkait akan hadir", []),
    ("Dinas akan hadir", []),
    ("Dinas Perindustrian Provinsi Lampung menggelar rapat", []),
    ("kata Tonny O.L. Tobing.", []),
    ("Kementerian Perindustrian Republik Indonesia", []),
    # Positions and the parts of an office are no names.
    ("“Kami siap,” ungkap Juru Bicara Kemenperin.", []),
    ("kata Corporate Secretary PT Kopi Jaya, Andi Wijaya.", []),
    (
        "Kepala Pengawas Perbankan, Aset Digital, dan Kripto, Andi Wijaya, hadir.",
        [(P, "Andi Wijaya")],
    ),
    ("Wakil Kepala Bidang Operasional Gizi, Andi Wijaya, hadir.", [(P, "Andi Wijaya")]),
    ("“Tidak ada,” kata Pejabat Negara itu.", []),
    ("“Kapal itu dicegat,” kata Pusat Informasi Maritim Gabungan.", []),
    ("“Kami menolak,” ujar Asosiasi Pengusaha Kopi Indonesia.", []),
    # A headline capitalises every word: its capitals name no one.
    ("Menteri Perdagangan Ungkap Alasan Tunda Aturan Ekspor Kopi\n\nIsi.", []),
    ("Gubernur Jambi Kecam Kenaikan Harga Beras di Pasar\n\nIsi.", []),
    ("Prabowo Minta Tunda Bangun Kantor Baru untuk Hemat\n\nIsi.", []),
    # A short line that reads as text, a long line of names: names found.
    ("Gubernur Jambi Hasan Basri hadir di pasar.\n", [(P, "Hasan Basri")]),
    (
        "Hadir Kepala Bidang Industri, Andi Wijaya, Kepala Seksi Pasar, Siti Aminah,"
        " dan Kepala Seksi Ekspor, Budi Santoso, dalam rapat yang digelar kemarin"
        " di kantor dinas untuk membahas rencana pameran produk unggulan daerah.",
        [(P, "Andi Wijaya"), (P, "Siti Aminah"), (P, "Budi Santoso")],
    ),
    # Ranks and short titles are no part of a name; a short title opens none
    # unless a rank or its office's name in it comes first.
    ("kata Kombes Arya Perdana kepada wartawan.", [(P, "Arya Perdana")]),
    ("kata Komjen Pol. Asep Edi Suheri kepada wartawan.", [(P, "Asep Edi Suheri")]),
    (
        "ujar Kapolsek Tenjo Iptu Hendrik Hartono saat dihubungi.",
        [(P, "Hendrik Hartono")],
    ),
    ("Kapolres Bogor AKBP Rio Wahyu Anggoro hadir.", [(P, "Rio Wahyu Anggoro")]),
    ("ujar Kapolsek Jambi Timur saat dihubungi.", []),
    ("ujar Kasat Reskrim Polres Temanggung saat dihubungi.", []),
    ("ujar Menkes Budi Gunadi Sadikin di Jakarta.", [(P, "Budi Gunadi Sadikin")]),
    ("kata Dirut PT Kopi Jaya Andi Wijaya.", []),
    ("kata Dubes Andi Wijaya.", []),
    ("kata Irjen Agus kepada wartawan.", []),  # one word: no one's full name
    # A country after an office: a foreign office, not a part of the name.
    (
        "Menteri Perindustrian Korea Selatan Ahn Dukgeun hadir.",
        [(P, "Ahn Dukgeun")],
    ),
    ("kata Presiden Iran Masoud Pezeshkian.", [(P, "Masoud Pezeshkian")]),
    ("Kepala BPS RI Andi Wijaya hadir.", [(P, "Andi Wijaya")]),
    ("“Kami siap,” kata Timor Leste.", []),
    # Common words capitalised at a sentence's start name no one.
    ("“Kami siap.” Dilansir Aljazeera, harga naik.", []),
    ("“Kami siap.” Keputusan Andi diumumkan.", []),
    ("“Kami siap.” Pernyataan Rubio menuai kritik.", []),
    ("kata Airlangga Sebelumnya di Jakarta.", []),
    ("kata Presiden Iran, Masoud Pezeshkian, kemarin.", [(P, "Masoud Pezeshkian")]),
    ("kata Imam Nahrawi kepada wartawan.", [(P, "Imam Nahrawi")]),
    # After a closing quote, a name follows a comma or a question, not a full
    # stop; a word twice is two sentences run together, not a name.
    ("“Kami siap,” Andi Wijaya menambahkan.", [(P, "Andi Wijaya")]),
    ("“Kami siap?” Andi Wijaya bertanya.", [(P, "Andi Wijaya")]),
    ("“Kami siap.” Abraham Accords adalah perjanjian.", []),
    ("“Kami siap,” sebut Prabowo Prabowo juga menegaskan.", []),
    # An office's name goes on after its short form in brackets.
    (
        "Dinas Perhubungan (Dishub) Provinsi Jambi menutup jalan.",
        [(A, "Dinas Perhubungan Provinsi Jambi")],
    ),
    ("Dinas Perhubungan (Dishub) menutup jalan.", [(A, "Dinas Perhubungan")]),
    (
        "Jalan ditutup oleh petugas Dinas Perhubungan (Dishub)",
        [(A, "Dinas Perhubungan")],
    ),
    # After a title, a name that follows the office's place, or words no
    # office's name holds, is the person's.
    (
        "Kepala Dinas Kesehatan (Dinkes) Provinsi Jambi Andi Wijaya hadir.",
        [(A, "Dinas Kesehatan Provinsi Jambi"), (P, "Andi Wijaya")],
    ),
    (
        "Kepala Biro Komunikasi dan Pelayanan Publik Aji Muhawarman mengatakan.",
        [(A, "Biro Komunikasi dan Pelayanan Publik"), (P, "Aji Muhawarman")],
    ),
    (
        "Sekretaris Direktorat Jenderal Pelindungan Kebudayaan dan Tradisi Lita"
        " Rahmiati hadir.",
        [
            (A, "Direktorat Jenderal Pelindungan Kebudayaan dan Tradisi"),
            (P, "Lita Rahmiati"),
        ],
    ),
    (
        "kata Kepala Biro Komunikasi dan Pelayanan Publik Aji Muhawarman, Kamis (7/5).",
        [(A, "Biro Komunikasi dan Pelayanan Publik"), (P, "Aji Muhawarman")],
    ),
    (
        "Hadir Kepala Badan Penghubung Ningdyah Lestari, Kepala Dinas Sosial.",
        [(A, "Badan Penghubung"), (P, "Ningdyah Lestari"), (A, "Dinas Sosial")],
    ),
    (
        "Kepala Kantor Masjid Agung Al Azhar, Tatang Komara, menjelaskan.",
        [(A, "Kantor Masjid Agung Al Azhar"), (P, "Tatang Komara")],
    ),
    (
        "Kepala Dinas Ketahanan Pangan, Kelautan, dan Pertanian, Andi Wijaya, hadir.",
        [(A, "Dinas Ketahanan Pangan, Kelautan, dan Pertanian"), (P, "Andi Wijaya")],
    ),
    (
        "Kepala Dinas Pemuda dan Olahraga Provinsi Jambi M. Yusuf hadir.",
        [(A, "Dinas Pemuda dan Olahraga Provinsi Jambi")],
    ),
    # An office the text also names in full is that office.
    (
        "Dinas Kesehatan DKI Jakarta mencatat empat kasus. Dinas Kesehatan juga"
        " memeriksa warga.",
        [(A, "Dinas Kesehatan DKI Jakarta")],
    ),
    (
        "Dinas Kesehatan memeriksa warga. Dinas Sosial membagikan bantuan.",
        [(A, "Dinas Kesehatan"), (A, "Dinas Sosial")],
    ),
    # Without a title, the words after the place are cut off, no one named.
    (
        "Rapat Dinas Sosial Kota Bogor Sudjatmiko Raya.",
        [(A, "Dinas Sosial Kota Bogor")],
    ),
    ("Badan Pengusahaan Batam menolak.", [(A, "Badan Pengusahaan Batam")]),
    # A known name that a short form in brackets cut for the matcher, or
    # without the rank the authority files give it.
    ("Balai Besar (BB) Kerajinan dan Batik menggelar pameran.", []),
    ("“Siap,” kata Rudi Hartono.", []),
    # A unit named with the body it belongs to, and its head after a title.
    (
        "Kepala Biro Hukum Kemenperin Andi Saputra mengatakan.",
        [(A, "Biro Hukum Kementerian Perindustrian"), (P, "Andi Saputra")],
    ),
    (
        "Biro Hukum Kementerian Perindustrian menyatakan.",
        [(A, "Biro Hukum Kementerian Perindustrian")],
    ),
    ("Biro Hukum, Kemenperin menyatakan.", [(A, "Biro Hukum")]),
    ("Ia datang ke Kantor Pusat Kemenperin.", []),
    (
        "Balai Besar Kerajinan (Kemenperin) menyatakan.",
        [(A, "Balai Besar Kerajinan Kementerian Perindustrian")],
    ),
    # The body itself, its name cut short before its short form.
    ("Direktorat Jenderal Industri Kecil (Ditjen IKM) menggelar rapat.", []),
    (
        "Direktorat Jenderal Industri Kecil, Menengah, dan Aneeka (Ditjen IKM) hadir.",
        [],
    ),
    # No office: generic words, a company's office, a hall, another
    # country's office, units of anything.
    ("Badan Usaha Milik Negara (BUMN) menyetor dividen.", []),
    ("Ia datang ke Kantor Pusat BRI di Jakarta.", []),
    ("Ia datang ke Kantor Wilayah.", []),
    ("anggaran Kementerian/Lembaga naik.", []),
    ("Rapat di Balai Kota Bogor.", []),
    ("Kementerian Kesehatan Singapura menyatakan.", []),
    ("Unit Reskrim Polsek Balongbendo menangkap.", []),
    # A regency's name of several words is read whole (places.yaml), with or
    # without "Kabupaten", and is no holder's name.
    (
        "Dinas Kesehatan Kabupaten Tanjung Jabung Timur mencatat kasus.",
        [(A, "Dinas Kesehatan Kabupaten Tanjung Jabung Timur")],
    ),
    (
        "Kepala Dinas Sosial Tanjung Jabung Timur Rudi Hartono Saputra hadir.",
        [
            (A, "Dinas Sosial Kabupaten Tanjung Jabung Timur"),
            (P, "Rudi Hartono Saputra"),
        ],
    ),
    (
        "Kepala Dinas Sosial Tanjung Jabung Timur mengatakan bantuan cair.",
        [(A, "Dinas Sosial Kabupaten Tanjung Jabung Timur")],
    ),
    (
        "Dinas Pertanian Kota Sungai Penuh memanen padi.",
        [(A, "Dinas Pertanian Kota Sungai Penuh")],
    ),
    # No person: a place after a title's office and a comma, a short title,
    # a number's abbreviation, a prophet.
    ("Mobil Ketua DPRD Tebo, Lampung Selatan (Lamsel), Rudi Hartono hadir.", []),
    ("Mantan Ketua DPRD Tebo, Jambi Muslim dipenjara.", []),
    ('Harga turun," ungkap Walkot Agung di Metro.', []),
    ("Telegram Panglima TNI No TR/442/2025 tertanggal 5 Mei.", []),
    ("Ia sebut Nabi Muhammad tokoh fiktif.", []),
    # A quote verb capitalised inside a sentence is a headline's.
    (
        "Indeks saham ditutup melemah pada perdagangan hari ini, dan secara"
        " bulanan indeks itu turun hampir dua puluh persen dari puncaknya."
        " : OJK Ungkap Biang Kerok Saham Merah",
        [],
    ),
    ('"Kami siap." Ujar Andi Saputra kemarin.', [(P, "Andi Saputra")]),
    (
        "Anggaran Badan Pengelola Dana Desa Rp 30 miliar.",
        [(A, "Badan Pengelola Dana Desa")],
    ),
    # An office's short form in brackets closes its name, and its body may
    # follow it; a person's initials do not.
    (
        "Kepala Badan Pengatur Jalan Tol (BPJT) Kemenperin Andi Saputra berkata.",
        [
            (A, "Badan Pengatur Jalan Tol Kementerian Perindustrian"),
            (P, "Andi Saputra"),
        ],
    ),
    # A known body the matcher missed, named with its parent: no new office,
    # its holder found.
    (
        "Sekretaris Direktorat Jenderal (Sesditjen) Industri Kecil Menengah dan"
        " Aneka (IKMA) Kemenperin Andi Saputra berkata.",
        [(P, "Andi Saputra")],
    ),
    # A known body's short form alone in brackets: the text names that body,
    # however it spells its name; another body's is the office's parent.
    ("Peneliti Badan Pusat Kajian Statistik (BPS) hadir.", []),
    (
        "Biro Hukum (BPS) menyusun aturan.",
        [(A, "Biro Hukum Badan Pusat Statistik")],
    ),
    (
        "kata Kepala Dinas Kesehatan Rudi Hartono Saputra (RHS) kemarin.",
        [(A, "Dinas Kesehatan"), (P, "Rudi Hartono Saputra")],
    ),
    # A list of offices is several, not one name with commas in it.
    (
        "bersama Dinas Peternakan, Dinas Kesehatan, RSUD Haji Provinsi Jambi,"
        " serta Dinas Sosial Kota Bandar Lampung.",
        [
            (A, "Dinas Peternakan"),
            (A, "Dinas Kesehatan"),
            (A, "Dinas Sosial Kota Bandar Lampung"),
        ],
    ),
    # A short form of two words in brackets; the office's place after it.
    (
        "oleh Dinas Perdagangan, Koperasi, dan Usaha Mikro (Disperdagkop UM)"
        " Kabupaten Tebo, kemarin.",
        [(A, "Dinas Perdagangan, Koperasi, dan Usaha Mikro Kabupaten Tebo")],
    ),
    # Honorifics before a holder's name and degrees after it are no part of it.
    (
        "Kepala Dinas Pangan Kabupaten Tebo Dr. Eni Rustianingsih, hadir.",
        [(A, "Dinas Pangan Kabupaten Tebo"), (P, "Eni Rustianingsih")],
    ),
    ("diterima Kepala SMA, M. Zainul Arifin SKom MM.", [(P, "M. Zainul Arifin")]),
    ("kata Zainul Arifin S.Kom kemarin.", [(P, "Zainul Arifin")]),
    ("ujar Budi SH.", []),
    ("kata Jack Ma kemarin.", [(P, "Jack Ma")]),
    # A regional government's office is named with its place in full, as the
    # authority files name offices: one page however the text writes it.
    (
        "Dinas Kesehatan Tebo menggelar vaksinasi.",
        [(A, "Dinas Kesehatan Kabupaten Tebo")],
    ),
    (
        "Dinas Kesehatan (Dinkes) Kab. Tebo menggelar vaksinasi.",
        [(A, "Dinas Kesehatan Kabupaten Tebo")],
    ),
    (
        "di Kantor Dinas Sosial Sungai Penuh, kemarin.",
        [(A, "Dinas Sosial Kota Sungai Penuh")],
    ),
    (
        "Dinas Sosial Prov. Jambi menyalurkan bantuan.",
        [(A, "Dinas Sosial Provinsi Jambi")],
    ),
    # A name a province and a city share; a place the text calls otherwise.
    ("Dinas Pendidikan Jambi menggelar ujian.", [(A, "Dinas Pendidikan Jambi")]),
    ("Dinas Sosial Kota Tebo menyalurkan bantuan.", [(A, "Dinas Sosial Kota Tebo")]),
    # Only a regional government's office ("Dinas"): "Badan" may be a
    # national office's branch.
    (
        "Badan Pendapatan Daerah Tebo menagih pajak.",
        [(A, "Badan Pendapatan Daerah Tebo")],
    ),
    (
        "kata Kepala Dinas Pangan Tebo Eni Rustianingsih, kemarin.",
        [(A, "Dinas Pangan Kabupaten Tebo"), (P, "Eni Rustianingsih")],
    ),
    # A president's title inside an office's name, not after it.
    (
        "keterangan Biro Pers, Media, dan Informasi Sekretariat Presiden, Kamis.",
        [(A, "Biro Pers, Media, dan Informasi Sekretariat Presiden")],
    ),
    ("di Kantor Staf Presiden, Jakarta, kemarin.", [(A, "Kantor Staf Presiden")]),
    (
        "keterangan Biro Umum Sekretariat Wakil Presiden, Kamis.",
        [(A, "Biro Umum Sekretariat Wakil Presiden")],
    ),
    # "Presiden" ends such a name: a holder's name may follow.
    (
        "kata Kepala Biro Umum Sekretariat Presiden, Andi Wijaya, kemarin.",
        [(A, "Biro Umum Sekretariat Presiden"), (P, "Andi Wijaya")],
    ),
    # A president's title after another office ends it, as before.
    ("kata Menteri Keuangan Presiden Prabowo, kemarin.", []),
    # Service branches and village halls name no one and no office.
    ("Wakil Kepala Staf TNI Angkatan Darat, Kepala BPS, hadir.", []),
    ("di Balai Desa Kedondong, kemarin.", []),
]


@pytest.mark.parametrize(("text", "expected"), DISCOVERY)
def test_discover_candidates(matcher, text, expected):
    mentions = matcher.tag(text, region="lampung")
    candidates = discover_candidates(text, mentions, vocabulary=matcher.vocabulary)
    assert [(c.kind, c.name) for c in candidates] == expected
    bodies = tuple(f" {agency.name}" for agency in matcher.authority.agencies)
    for candidate in candidates:
        written = re.sub(r"\([\w ]+\)", "", text[candidate.start : candidate.end])
        if written.split() != candidate.name.split():
            # a unit, closed by its body's name as the authority files write
            # it, or a regional office, closed by its place written in full
            in_full = re.search(r" (Provinsi|Kabupaten|Kota) \w", candidate.name)
            assert candidate.name.endswith(bodies) or in_full
            assert written.split()[0] == candidate.name.split()[0]
            continue
        sentence = re.sub(r"\([\w ]+\)", "", candidate.sentence)
        assert candidate.name in " ".join(sentence.split())


def test_discovery_reads_offices_from_the_matchers_head_words():
    assert DISCOVERY_HEADS <= HEAD_WORDS


def test_discovery_through_the_matcher(matcher):
    text = "“Kami siap,” kata Andi Wijaya di Kemenperin."
    assert [c.name for c in matcher.discover_candidates(text)] == ["Andi Wijaya"]


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("lampung", "lampung"),  # an id
        ("Lampung", "lampung"),  # a name
        ("Kota Bandar Lampung", "bandar-lampung"),
        ("bandarlampung", "bandar-lampung"),  # an alias, as written
        ("Kabupaten Lampung Selatan", "lampung-selatan"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_a_region_is_found_by_id_name_or_alias_once_per_name(
    authority, monkeypatch, region, expected
):
    matcher = Matcher.from_authority(authority)
    looked_up = spy(monkeypatch, warta.entities, "normalize")
    for _ in range(3):
        if expected is None:
            with pytest.raises(ValueError, match="unknown region"):
                matcher.region_id(region)
        else:
            assert matcher.region_id(region) == expected
    assert len(looked_up) <= 1  # the second and third time: as found


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("kemenkeu", ["menkeu", "wamenkeu"]),
        ("kemnaker", ["menaker", "wamenaker"]),
        ("kemhan", ["menhan", "wamenhan"]),
        ("kemenko perekonomian", ["menko perekonomian", "wamenko perekonomian"]),
        ("kemen bumn", []),  # "Kemen BUMN": no minister is called "Men BUMN"
        ("komdigi", ["menteri komdigi"]),
        ("kkp", ["menteri kkp"]),
    ],
)
def test_minister_titles_are_made_from_the_short_form(short, expected):
    found = minister_titles(short)
    assert [title for title, _ in found] == expected
    assert [canonical for _, canonical in found] == ["menteri", "wakil menteri"][
        : len(expected)
    ]


def test_a_discovered_unit_carries_the_id_of_its_body(matcher):
    text = "Kepala Biro Hukum Kemenperin Andi Saputra mengatakan."
    found = {c.name: c.parent for c in matcher.discover_candidates(text)}
    assert found == {
        "Biro Hukum Kementerian Perindustrian": "kemenperin",
        "Andi Saputra": None,
    }


@pytest.mark.parametrize(
    ("short", "spelt_out"),
    [
        ("KemenPANRB", "Kementerian PANRB"),
        ("Kemenimipas", "Kementerian imipas"),
        ("KemenPU", "Kementerian PU"),
        ("KLH", "Kementerian LH"),
        ("KLHK", "Kementerian LHK"),
        ("Kemenko Perekonomian", None),  # a coordinating ministry's own shape
        ("Kemnaker", None),
        ("Komdigi", None),
        ("KLH/BPLH", None),
    ],
)
def test_a_ministry_short_form_spelt_out(short, spelt_out):
    assert ministry_spelt_out(short) == spelt_out


def test_a_ministry_is_found_by_its_short_form_after_kementerian():
    matcher = Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency(
                    "kemenpan-rb",
                    "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
                    "ministry",
                    acronyms=("KemenPANRB",),
                ),
                Agency("klh", "Kementerian Lingkungan Hidup", "ministry", ("KLH",)),
                Agency("bps", "Badan Pusat Statistik", "national_agency", ("BPS",)),
            ]
        )
    )
    for text, expected in [
        ("Kementerian PANRB menyampaikan surat.", ["kemenpan-rb"]),
        ("Data Kementerian LH menunjukkan pencemaran.", ["klh"]),
        ("Menteri LH mengatakan udara membaik.", ["klh"]),
        # A short form written in capitals is read only in capitals.
        ("Kementerian lh menyampaikan.", []),
        # No ministry: no "Kementerian BPS".
        ("Kementerian PS menyampaikan.", []),
    ]:
        assert [m.entity_id for m in matcher.tag(text)] == expected, text


def test_a_name_too_common_to_stand_alone_needs_the_title_in_the_article():
    matcher = Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency("kemenlu", "Kementerian Luar Negeri", "ministry", ("Kemenlu",))
            ],
            people=[
                Person(
                    "sugiono",
                    "Sugiono",
                    roles=(Role("Menteri Luar Negeri", "kemenlu", "2024-10-21"),),
                    needs_title=True,
                ),
            ],
        )
    )
    day = dt.date(2025, 5, 1)

    def people(text):
        return [m.surface for m in matcher.tag(text, date=day) if m.kind == "person"]

    titled = "Menteri Luar Negeri Sugiono tiba. Kata Sugiono, kunjungan lancar."
    assert people(titled) == ["Sugiono", "Sugiono"]
    assert people("Sugiono, petani di Klaten, memanen padi.") == []
    # The title given with "selaku" after his name is his.
    assert people("Sugiono selaku Menteri Luar Negeri hadir.") == ["Sugiono"]
    # Before the minister took office the title is another's: no Sugiono.
    assert [m.entity_id for m in matcher.tag(titled, date=dt.date(2023, 1, 1))] == [
        "kemenlu"
    ]


def test_only_the_names_listed_need_the_title():
    matcher = Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency(
                    "kemenperin",
                    "Kementerian Perindustrian",
                    "ministry",
                    ("Kemenperin",),
                )
            ],
            people=[
                Person(
                    "rahmat-mirzani-djausal",
                    "Rahmat Mirzani Djausal",
                    ("Mirza",),
                    roles=(Role("Menteri Perindustrian", "kemenperin", "2025-02-20"),),
                    needs_title=("Mirza",),
                ),
            ],
        )
    )
    day = dt.date(2025, 5, 1)

    def people(text):
        return [m.surface for m in matcher.tag(text, date=day) if m.kind == "person"]

    assert people("Reza Mirza mengatakan kurs melemah.") == []
    assert people("Rahmat Mirzani Djausal hadir.") == ["Rahmat Mirzani Djausal"]
    assert people("Menteri Perindustrian hadir. Mirza berkata.") == [
        "Menteri Perindustrian",
        "Mirza",
    ]
    # The untitled name left out, so is a short form it would have allowed.
    assert people("Lalu Reza (Mirza) datang. Kata Djausal, bagus.") == []
    assert people("Menteri Perindustrian Mirza hadir. Kata Djausal, bagus.") == [
        "Mirza",
        "Djausal",
    ]


def test_a_word_of_another_agency_name_is_no_slip():
    matcher = Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency("kementan", "Kementerian Pertanian", "ministry"),
                Agency("bpn", "Badan Pertanahan Nasional", "national_agency"),
            ]
        )
    )
    for text, expected in [
        ("Kementerian Pertanin menyalurkan pupuk.", ["kementan"]),
        # "Pertanahan" is a word of BPN's name, written as meant.
        ("Kementerian Pertanahan menata lahan.", []),
    ]:
        assert [m.entity_id for m in matcher.tag(text)] == expected, text


def test_a_name_after_a_title_held_by_two_that_year_is_titled():
    # The change of holders dated by its year alone: in that year either may
    # hold the title, and the one named after it is given it.
    matcher = Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency("kemenlu", "Kementerian Luar Negeri", "ministry", ("Kemenlu",))
            ],
            people=[
                Person(
                    "andi-wijaya",
                    "Andi Wijaya",
                    roles=(Role("Menteri Luar Negeri", "kemenlu", "2021", "2025"),),
                ),
                Person(
                    "sugiono",
                    "Sugiono",
                    roles=(Role("Menteri Luar Negeri", "kemenlu", "2025"),),
                    needs_title=True,
                ),
            ],
        )
    )
    found = matcher.tag("Menteri Luar Negeri Sugiono tiba.", date=dt.date(2025, 5, 1))
    assert [(m.entity_id, m.surface) for m in found] == [
        ("kemenlu", "Menteri Luar Negeri"),
        ("sugiono", "Sugiono"),
    ]


@pytest.fixture(scope="module")
def split_ministry():
    """A ministry split in two on 2024-10-21: the new one's names, written
    before, name the ministry of the day."""
    return Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency(
                    "kemenkop-ukm",
                    "Kementerian Koperasi dan Usaha Kecil dan Menengah",
                    "ministry",
                    ("Kemenkop UKM",),
                    valid_to="2024-10-20",
                ),
                Agency(
                    "kemenkop",
                    "Kementerian Koperasi",
                    "ministry",
                    ("Kemenkop",),
                    valid_from="2024-10-21",
                    preceded_by=("kemenkop-ukm",),
                ),
                Agency(
                    "kemenumkm",
                    "Kementerian Usaha Mikro, Kecil, dan Menengah",
                    "ministry",
                    ("Kementerian UMKM",),
                    valid_from="2024-10-21",
                    preceded_by=("kemenkop-ukm",),
                ),
            ],
            people=[
                Person(
                    "teten-masduki",
                    "Teten Masduki",
                    roles=(
                        Role(
                            "Menteri Koperasi dan Usaha Kecil dan Menengah",
                            "kemenkop-ukm",
                            "2019-10-23",
                            "2024-10-20",
                        ),
                    ),
                ),
                Person(
                    "budi-arie-setiadi",
                    "Budi Arie Setiadi",
                    roles=(Role("Menteri Koperasi", "kemenkop", "2024-10-21"),),
                ),
            ],
        )
    )


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # Before the split: the ministry of the day, and its minister.
        ("Kata Menteri Koperasi hari ini.", "2020-06-30",
         ["kemenkop-ukm", "teten-masduki"]),
        ("Data Kementerian Koperasi mencatat.", "2020-06-30", ["kemenkop-ukm"]),
        ("Kemenkop mencatat.", "2024-10-20", ["kemenkop-ukm"]),
        ("Kementerian UMKM mencatat.", "2020-06-30", ["kemenkop-ukm"]),
        # From the split on: the new ministries.
        ("Kata Menteri Koperasi hari ini.", "2024-10-21",
         ["kemenkop", "budi-arie-setiadi"]),
        ("Kementerian UMKM mencatat.", "2025-01-02", ["kemenumkm"]),
        # Undated text keeps the name's own body.
        ("Data Kementerian Koperasi mencatat.", None, ["kemenkop"]),
        # The old ministry named after the split stays itself.
        ("Dulu Kemenkop UKM mencatat.", "2025-01-02", ["kemenkop-ukm"]),
    ],
)  # fmt: skip
def test_a_body_named_before_it_was_formed_is_the_one_it_took_over_from(
    split_ministry, text, day, expected
):
    date = dt.date.fromisoformat(day) if day else None
    assert [m.entity_id for m in split_ministry.tag(text, date=date)] == expected


@pytest.fixture(scope="module")
def tourism():
    """Two ministries that took turns: the tourism ministry (2014-2019, and
    again since 2024) and the tourism and creative economy one between."""
    return Matcher.from_authority(
        Authority.build(
            agencies=[
                Agency(
                    "kemenpar",
                    "Kementerian Pariwisata",
                    "ministry",
                    ("Kemenpar",),
                    valid_from="2014-10-27",
                    preceded_by=("kemenparekraf",),
                    periods=(("2014-10-27", "2019-10-22"), ("2024-10-21", None)),
                ),
                Agency(
                    "kemenparekraf",
                    "Kementerian Pariwisata dan Ekonomi Kreatif",
                    "ministry",
                    ("Kemenparekraf",),
                    valid_from="2011-10-19",
                    valid_to="2024-10-20",
                    preceded_by=("kemenpar",),
                    periods=(
                        ("2011-10-19", "2014-10-26"),
                        ("2019-10-23", "2024-10-20"),
                    ),
                ),
            ],
            people=[
                Person(
                    "arief-yahya",
                    "Arief Yahya",
                    roles=(
                        Role(
                            "Menteri Pariwisata", "kemenpar", "2014-10-27", "2019-10-20"
                        ),
                    ),
                ),
                Person(
                    "sandiaga-uno",
                    "Sandiaga Uno",
                    roles=(
                        Role(
                            "Menteri Pariwisata dan Ekonomi Kreatif",
                            "kemenparekraf",
                            "2020-12-23",
                            "2024-10-20",
                        ),
                    ),
                ),
                Person(
                    "widiyanti-putri-wardhana",
                    "Widiyanti Putri Wardhana",
                    roles=(Role("Menteri Pariwisata", "kemenpar", "2024-10-21"),),
                ),
            ],
        )
    )


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Kata Menteri Pariwisata hari ini.", "2017-03-01",
         ["kemenpar", "arief-yahya"]),
        # Before it was formed: the ministry it took over from.
        ("Data Kemenpar mencatat.", "2013-05-02", ["kemenparekraf"]),
        # While it had stopped: mostly its earlier period, itself, with no
        # minister of the day.
        ("Kata Menteri Pariwisata hari ini.", "2021-03-01", ["kemenpar"]),
        # Begun again.
        ("Kata Menteri Pariwisata hari ini.", "2025-03-01",
         ["kemenpar", "widiyanti-putri-wardhana"]),
        ("Data Kemenparekraf mencatat.", "2017-03-01", ["kemenparekraf"]),
        ("Data Kemenparekraf mencatat.", "2010-03-01", ["kemenparekraf"]),
        # Before either: nothing to take its place.
        ("Data Kemenpar mencatat.", "2005-01-03", ["kemenpar"]),
    ],
)  # fmt: skip
def test_a_body_that_stopped_and_began_again(tourism, text, day, expected):
    date = dt.date.fromisoformat(day)
    assert [m.entity_id for m in tourism.tag(text, date=date)] == expected


@pytest.fixture(scope="module")
def chiefs():
    """Bodies whose chiefs are no minister nor "Kepala Badan": their titles
    are made from the people's roles."""
    agencies = [
        Agency("kpk", "Komisi Pemberantasan Korupsi", "national_agency", ("KPK",)),
        Agency(
            "polri",
            "Kepolisian Negara Republik Indonesia",
            "national_agency",
            ("Polri",),
        ),
        Agency(
            "dpd",
            "Dewan Perwakilan Daerah Republik Indonesia",
            "legislature",
            ("DPD", "DPD RI"),
            shared_acronyms=("DPD",),
        ),
        Agency("kejagung", "Kejaksaan Agung", "national_agency", ("Kejagung",)),
        Agency("ojk", "Otoritas Jasa Keuangan", "national_agency", ("OJK",)),
    ]
    people = [
        Person(
            "agus-rahardjo",
            "Agus Rahardjo",
            roles=(
                Role(
                    "Ketua Komisi Pemberantasan Korupsi",
                    "kpk",
                    "2015-12-21",
                    "2019-12-20",
                ),
            ),
        ),
        Person(
            "tito-karnavian",
            "Tito Karnavian",
            roles=(
                Role(
                    "Kepala Kepolisian Negara Republik Indonesia",
                    "polri",
                    "2016-07-13",
                    "2019-10-22",
                ),
            ),
        ),
        Person(
            "oesman-sapta-odang",
            "Oesman Sapta Odang",
            roles=(
                Role(
                    "Ketua Dewan Perwakilan Daerah", "dpd", "2017-04-04", "2019-10-01"
                ),
            ),
        ),
        Person(
            "hm-prasetyo",
            "H.M. Prasetyo",
            roles=(Role("Jaksa Agung", "kejagung", "2014-11-20", "2019-10-22"),),
        ),
        Person(
            "wimboh-santoso",
            "Wimboh Santoso",
            roles=(
                Role(
                    "Ketua Dewan Komisioner Otoritas Jasa Keuangan",
                    "ojk",
                    "2017-07-20",
                    "2022-07-20",
                ),
            ),
        ),
    ]
    return Matcher.from_authority(Authority.build(agencies=agencies, people=people))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title with the body's short form names the body and its holder.
        ("kata Ketua KPK", [("agus-rahardjo", "Ketua KPK"), ("kpk", "KPK")]),
        ("kata Kapolri", [("polri", "Kapolri"), ("tito-karnavian", "Kapolri")]),
        (
            "kata Kepala Polri",
            [("tito-karnavian", "Kepala Polri"), ("polri", "Polri")],
        ),
        (
            "kata Ketua DPD RI",
            [("oesman-sapta-odang", "Ketua DPD RI"), ("dpd", "DPD RI")],
        ),
        (
            "Jaksa Agung menegaskan",
            [("kejagung", "Jaksa Agung"), ("hm-prasetyo", "Jaksa Agung")],
        ),
        # The shorter head news also writes.
        ("kata Ketua OJK", [("wimboh-santoso", "Ketua OJK"), ("ojk", "OJK")]),
        # A shared acronym's title before another name: a party's board.
        ("Ketua DPD Partai Golkar Provinsi NTT", []),
        # A holder by number, or one elected: not the holder of the day.
        ("kata Ketua KPK ke-3 itu", [("kpk", "KPK")]),
        ("kata Ketua KPK terpilih", [("kpk", "KPK")]),
        ("oleh Ketua KPK nonaktif", [("kpk", "KPK")]),
        # A title taken as written, of another place; the body's deputy.
        ("kata Jaksa Agung Hawaii", []),
        (
            "kata Jaksa Agung Prasetyo",
            [("kejagung", "Jaksa Agung"), ("hm-prasetyo", "Jaksa Agung")],
        ),
        ("Jaksa Agung Muda Pengawasan hadir", [("kejagung", "Jaksa Agung")]),
        (
            "Jaksa Agung RI menegaskan",
            [("kejagung", "Jaksa Agung RI"), ("hm-prasetyo", "Jaksa Agung RI")],
        ),
    ],
)
def test_chiefs_titles_are_made_with_their_bodys_names(chiefs, text, expected):
    mentions = chiefs.tag(text, date=dt.date(2018, 3, 1))
    assert [(m.entity_id, m.surface) for m in mentions] == expected
