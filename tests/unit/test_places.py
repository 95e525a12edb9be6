"""places.yaml: every regency and city by province, read for datelines."""

from __future__ import annotations

import pytest

from warta.authority import load_authority
from warta.errors import AuthorityError
from warta.ingest.pasted import parse_pasted
from warta.ingest.places import Gazetteer, Place

REGIONS = """\
- id: dki-jakarta
  name: Daerah Khusus Ibukota Jakarta
  kind: province
  aliases: [DKI Jakarta, Jakarta]
- id: lampung
  name: Provinsi Lampung
  kind: province
  aliases: [Lampung]
- id: bandar-lampung
  name: Kota Bandar Lampung
  kind: city
  parent: lampung
  aliases: [Bandarlampung]
- id: kab-metro
  name: Kabupaten Metro
  kind: regency
  parent: lampung
- id: kota-metro
  name: Kota Metro
  kind: city
  parent: lampung
- id: jawa-barat
  name: Jawa Barat
  kind: province
- id: jawa-tengah
  name: Jawa Tengah
  kind: province
- id: jawa-timur
  name: Jawa Timur
  kind: province
- id: kalimantan-selatan
  name: Kalimantan Selatan
  kind: province
- id: sumatera-selatan
  name: Sumatera Selatan
  kind: province
- id: pulau-jawa
  name: Jawa
  kind: island
"""

PLACES = """\
- province: dki-jakarta
  regencies: [Kepulauan Seribu]
  cities: [Jakarta Selatan, Jakarta Utara]
- province: lampung
  regencies: [Lampung Tengah]
  cities: [Bandar Lampung, Metro]
- province: jawa-barat
  regencies: [Bandung, Bandung Barat, Bogor]
  cities: [Bandung, Banjar]
  seats:
    Bogor: Cibinong
    Bandung: Soreang
- province: jawa-tengah
  regencies: [Batang]
  cities: [Surakarta]
  aliases:
    Solo: Surakarta
- province: jawa-timur
  regencies: [Malang, Sidoarjo]
  cities: [Batu, Malang, Surabaya]
- province: kalimantan-selatan
  regencies: [Banjar, Tanah Laut]
  cities: [Banjarmasin]
  seats:
    Banjar: Martapura
    Tanah Laut: Pelaihari
- province: sumatera-selatan
  regencies: [Ogan Komering Ulu Timur]
  seats:
    Ogan Komering Ulu Timur: Martapura
"""


def authority(tmp_path, places: str = PLACES, regions: str = REGIONS):
    folder = tmp_path / "authority"
    folder.mkdir(exist_ok=True)
    (folder / "regions.yaml").write_text(regions, encoding="utf-8")
    (folder / "places.yaml").write_text(places, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("written", "with_places", "place"),
    [
        ("SURABAYA", True, Place("Surabaya", "Jawa Timur")),
        ("Sidoarjo", True, Place("Sidoarjo", "Jawa Timur")),
        ("BANDUNG BARAT", True, Place("Bandung Barat", "Jawa Barat")),
        (
            "JakartaSelatan",
            True,
            Place("Jakarta Selatan", "Daerah Khusus Ibukota Jakarta"),
        ),
        # An alias gives the place's name.
        ("SOLO", True, Place("Surakarta", "Jawa Tengah")),
        # A regency and a city of one name, in one province.
        ("Malang", True, Place("Malang", "Jawa Timur")),
        # Places of two provinces: the place, no province.
        ("BANJAR", True, Place("Banjar", None)),
        # regions.yaml first: a province's alias, a region of its own.
        ("JAKARTA", True, Place("Jakarta", "Daerah Khusus Ibukota Jakarta")),
        ("METRO", True, Place("Metro", "Lampung")),
        ("Bandarlampung", True, Place("Bandar Lampung", "Lampung")),
        # A regency's seat: the town, in the regency's province.
        ("CIBINONG", True, Place("Cibinong", "Jawa Barat")),
        ("Pelaihari", True, Place("Pelaihari", "Kalimantan Selatan")),
        # Seats of two provinces: the town, no province.
        ("MARTAPURA", True, Place("Martapura", None)),
        ("Atlantis", True, None),
        # Without places.yaml, regions.yaml alone.
        ("BANDARLAMPUNG", False, Place("Bandar Lampung", "Lampung")),
        ("Bandar Lampung", False, Place("Bandar Lampung", "Lampung")),
        # A province's name or alias, as the dateline writes it.
        ("JAKARTA", False, Place("Jakarta", "Daerah Khusus Ibukota Jakarta")),
        ("DKI Jakarta", False, Place("DKI Jakarta", "Daerah Khusus Ibukota Jakarta")),
        ("Lampung", False, Place("Lampung", "Lampung")),
        # A city and a regency of one name: the city.
        ("METRO", False, Place("Metro", "Lampung")),
        ("Metro", False, Place("Metro", "Lampung")),
        ("Surabaya", False, None),
        ("Atlantis", False, None),
    ],
)
def test_the_gazetteer_finds_a_datelines_place(tmp_path, written, with_places, place):
    folder = authority(tmp_path)
    if not with_places:
        (folder / "places.yaml").unlink()
    assert Gazetteer.load(folder).find(written) == place


@pytest.mark.parametrize(
    ("places", "line", "reason"),
    [
        ("- province: atlantis\n  regencies: [Ujung]\n", 1, "no province of regions"),
        (
            "- province: lampung\n  regencies: [A]\n- province: lampung\n"
            "  regencies: [B]\n",
            3,
            "'lampung' is listed twice (first on line 1)",
        ),
        ("- province: lampung\n  cities: [Metro]\n", 1, "'regencies' is missing"),
        (
            "- province: lampung\n  regencies: [Metro, METRO]\n",
            2,
            "lists 'METRO' twice",
        ),
        (
            "- province: lampung\n  regencies: [Kabupaten Way Kanan]\n",
            2,
            "without 'Kabupaten' or 'Kota'",
        ),
        ("- province: lampung\n  regencies: [A]\n  kota: [B]\n", 3, "unknown key"),
        ("- province: lampung\n  regencies: [A, 7]\n", 2, "not text"),
        (
            "- province: lampung\n  regencies: [Tanggamus]\n  aliases:\n"
            "    Tgm: Tanggamus\n    Solo: Surakarta\n",
            5,
            "alias 'Solo' is for 'Surakarta', no place of this province",
        ),
        (
            "- province: lampung\n  regencies: [Tanggamus]\n"
            "- province: jawa-timur\n  regencies: [Pasuruan]\n  aliases:\n"
            "    Tanggamus: Pasuruan\n",
            6,
            "alias 'Tanggamus' is the name of a place of 'lampung'",
        ),
        (
            "- province: lampung\n  regencies: [Tanggamus]\n  seats:\n"
            "    Tanggamus: Kota Agung\n    Metro: Metro\n",
            5,
            "seat 'Metro' is for 'Metro', no regency of this province",
        ),
        (
            "- province: lampung\n  regencies: [Tanggamus, Pringsewu]\n  seats:\n"
            "    Tanggamus: Pringsewu\n",
            4,
            "seat 'Pringsewu' is the name of a place of 'lampung'",
        ),
        (
            "- province: lampung\n  regencies: [Tanggamus]\n  aliases:\n"
            "    Tgm: Tanggamus\n- province: jawa-timur\n  regencies: [Malang]\n"
            "  seats:\n    Malang: TGM\n",
            8,
            "seat 'TGM' is an alias in 'lampung'",
        ),
        (
            "- province: lampung\n  regencies: [Tanggamus]\n  seats: [Kota Agung]\n",
            3,
            "'seats' must map names to places",
        ),
        ("- province: lampung\n  regencies: [A\n", 2, "YAML syntax error"),
        ("province: lampung\n", 1, "must be a YAML list"),
    ],
)
def test_a_faulty_places_file_names_line_and_reason(tmp_path, places, line, reason):
    folder = authority(tmp_path, places)
    with pytest.raises(AuthorityError) as raised:
        Gazetteer.load(folder)
    faults = [(error.line, error.reason) for error in raised.value.errors]
    assert any(at == line and reason in why for at, why in faults), faults
    assert all(
        error.path == str(folder / "places.yaml") for error in raised.value.errors
    )


@pytest.mark.parametrize(
    ("first_line", "location", "region"),
    [
        ("SURABAYA, Warta Uji - Dinas Koperasi", "Surabaya", "Jawa Timur"),
        ("Sidoarjo - Dinas Koperasi", "Sidoarjo", "Jawa Timur"),
        ("SOLO, Warta Uji - Dinas Koperasi", "Surakarta", "Jawa Tengah"),
        ("Banjar - Dinas Koperasi", "Banjar", None),
        # The site's name first, then the place.
        ("JUARA.NET, SURABAYA - Dinas Koperasi", "Surabaya", "Jawa Timur"),
        # "Kabupaten" or "Kota" as written, the place's province.
        ("KABUPATEN SIDOARJO, Warta Uji - Dinas", "Kabupaten Sidoarjo", "Jawa Timur"),
        ("Kota Malang - Dinas Koperasi", "Kota Malang", "Jawa Timur"),
        ("Kab. Batang - Dinas Koperasi", "Kabupaten Batang", "Jawa Tengah"),
        ("Kota Atlantis - Dinas Koperasi", None, None),
        # Not a place: no dateline.
        ("Rapat - Dinas Koperasi", None, None),
    ],
)
def test_a_pasted_dateline_gives_place_and_province(
    tmp_path, first_line, location, region
):
    text = (
        "Koperasi Susu Diresmikan\n\nSenin, 6 Mei 2024 09:00 WIB\n\n"
        f"{first_line} meresmikan gudang susu bersama peternak."
    )
    gazetteer = Gazetteer.load(authority(tmp_path))
    draft = parse_pasted(text, source_name="tempel.txt", gazetteer=gazetteer)
    assert (draft.location, draft.region) == (location, region)


def test_the_project_places_file_holds_every_regency_and_city():
    from tests.ingest.helpers import ROOT

    authority = load_authority(ROOT / "content" / "authority")
    places = authority.places
    provinces = [region.id for region in authority.regions if region.kind == "province"]
    assert [entry.province for entry in places] == provinces
    # Kemendagri's count since the Papua provinces of 2022.
    assert sum(len(entry.regencies) for entry in places) == 416
    assert sum(len(entry.cities) for entry in places) == 98
    # Seats named otherwise than any place, each a regency of its province.
    seats = {seat: entry.province for entry in places for seat, _ in entry.seats}
    assert len(seats) > 250
    gazetteer = Gazetteer.of(authority.regions, places)
    assert gazetteer.find("WAMENA") == Place("Wamena", "Papua Pegunungan")
    assert gazetteer.find("Cibinong") == Place("Cibinong", "Jawa Barat")
    assert gazetteer.find("KRUI") == Place("Krui", "Lampung")
