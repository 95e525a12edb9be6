"""The authority files: loading, and every fault named with file, line, reason."""

import datetime as dt
import pickle
from pathlib import Path

import pytest

from warta.authority import (
    Agency,
    Authority,
    Person,
    ProvincePlaces,
    Region,
    Role,
    load_authority,
)
from warta.errors import AuthorityError, ContentError, WartaError

REGIONS = """\
- id: indonesia
  name: Indonesia
  kind: country
  wikidata: Q252
- id: lampung
  name: Lampung
  kind: province
  parent: indonesia
  aliases: [Provinsi Lampung]
- id: bandar-lampung
  name: Kota Bandar Lampung
  kind: city
  parent: lampung
"""
AGENCIES = """\
- id: kemenperin
  name: Kementerian Perindustrian
  acronyms: [Kemenperin]
  kind: ministry
  valid_from: 2009-10-22
  description: Kementerian yang membidangi perindustrian.
- id: pemprov-lampung
  name: Pemerintah Provinsi Lampung
  aliases: [Pemprov Lampung]
  kind: provincial_government
  region: lampung
- id: dinas-perindustrian-lampung
  name: Dinas Perindustrian Provinsi Lampung
  kind: provincial_office
  parent: pemprov-lampung
  region: lampung
  valid_to: 2016
"""
PEOPLE = """\
- id: m-ridho-ficardo
  name: M. Ridho Ficardo
  aliases: [Ridho Ficardo]
  roles:
    - title: Gubernur Lampung
      agency: pemprov-lampung
      from: 2014-06-02
      to: 2019
"""


def write(folder: Path, regions=REGIONS, agencies=AGENCIES, people=PEOPLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("regions.yaml", regions),
        ("agencies.yaml", agencies),
        ("people.yaml", people),
    ):
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def faults_of(folder: Path) -> list[ContentError]:
    with pytest.raises(AuthorityError) as caught:
        load_authority(folder)
    return caught.value.errors


def test_good_files_load(tmp_path):
    authority = load_authority(write(tmp_path))
    assert [region.id for region in authority.regions] == [
        "indonesia",
        "lampung",
        "bandar-lampung",
    ]
    lampung = authority.region_by_id["lampung"]
    assert lampung == Region(
        "lampung", "Lampung", "province", "indonesia", ("Provinsi Lampung",)
    )
    assert lampung.line == 5
    kemenperin = authority.agency_by_id["kemenperin"]
    assert kemenperin.acronyms == ("Kemenperin",)
    assert kemenperin.valid_from == "2009-10-22"
    assert kemenperin.labels == ("Kementerian Perindustrian", "Kemenperin")
    dinas = authority.agency_by_id["dinas-perindustrian-lampung"]
    assert (dinas.parent, dinas.region, dinas.valid_to) == (
        "pemprov-lampung",
        "lampung",
        "2016",
    )
    ridho = authority.person_by_id["m-ridho-ficardo"]
    assert ridho.roles == (
        Role("Gubernur Lampung", "pemprov-lampung", "2014-06-02", "2019"),
    )
    assert [r.id for r in authority.region_chain("bandar-lampung")] == [
        "bandar-lampung",
        "lampung",
        "indonesia",
    ]


def test_fingerprint_follows_the_bytes(tmp_path):
    first = load_authority(write(tmp_path / "a")).fingerprint
    assert first == load_authority(write(tmp_path / "b")).fingerprint
    assert len(first) == 64
    changed = write(tmp_path / "c", people=PEOPLE + "- id: x\n  name: X\n")
    assert load_authority(changed).fingerprint != first


def test_places_load_with_the_regions_and_count_in_the_fingerprint(tmp_path):
    folder = write(tmp_path)
    without = load_authority(folder)
    assert without.places == ()
    (folder / "places.yaml").write_text(
        "- province: lampung\n  regencies: [Way Kanan]\n  cities: [Metro]\n"
        "  aliases:\n    WK: Way Kanan\n",
        encoding="utf-8",
    )
    authority = load_authority(folder)
    assert authority.places == (
        ProvincePlaces("lampung", ("Way Kanan",), ("Metro",), (("WK", "Way Kanan"),)),
    )
    assert authority.fingerprint != without.fingerprint
    assert pickle.loads(pickle.dumps(authority)).places == authority.places


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (dt.date(2014, 6, 1), False),
        (dt.date(2014, 6, 2), True),
        (dt.date(2019, 12, 31), True),
        (dt.date(2020, 1, 1), False),
    ],
)
def test_role_dates_are_inclusive_and_a_year_covers_the_year(day, active):
    role = Role("Gubernur Lampung", "pemprov-lampung", "2014-06-02", "2019")
    assert role.active_on(day) is active


def test_a_persons_roles_newest_first():
    person = Person(
        "tito-karnavian",
        "Tito Karnavian",
        roles=(
            Role("Menteri Dalam Negeri", "kemendagri", "2019-10-23"),
            Role("Kepala Kepolisian", "polri", "2016-07-13", "2019-10-22"),
            Role("Kapolda Papua", None, "2012"),
            Role("Plt Menko Polhukam", None, "2024-02-02", "2024-02-21"),
        ),
    )
    assert [role.since for role in person.roles_newest_first] == [
        "2024-02-02",
        "2019-10-23",
        "2016-07-13",
        "2012",
    ]


def test_a_former_name_names_the_body_until_it_was_renamed():
    agency = Agency(
        "x", "Kementerian X", "ministry", former_names=("Departemen X",), renamed="2009"
    )
    assert "Departemen X" in agency.labels
    assert agency.named_so_on("Departemen X", dt.date(2009, 12, 31))
    assert not agency.named_so_on("Departemen X", dt.date(2010, 1, 1))
    assert agency.named_so_on("Kementerian X", dt.date(2026, 1, 1))


def test_agency_validity():
    agency = Agency("x", "X", "ministry", valid_from="2009", valid_to="2014-10-26")
    assert agency.active_on(dt.date(2009, 1, 1))
    assert not agency.active_on(dt.date(2014, 10, 27))
    assert Agency("y", "Y", "ministry").active_on(dt.date(1900, 1, 1))


# A body at work until 2014, stopped, and at work again since 2024.
AGAIN = Agency("z", "Z", "ministry", periods=((None, "2014"), ("2024", None)))


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (dt.date(1990, 1, 1), True),
        (dt.date(2014, 12, 31), True),
        (dt.date(2015, 1, 1), False),  # stopped
        (dt.date(2023, 12, 31), False),
        (dt.date(2024, 1, 1), True),
    ],
)
def test_agency_periods(day, active):
    assert AGAIN.active_on(day) is active
    assert not AGAIN.not_yet_formed_on(day)


def test_periods_set_an_agencys_first_and_last_day(tmp_path):
    agencies = (
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n"
        "  - to: 2014-10-26\n  - from: 2024-10-21\n"
    )
    folder = write(tmp_path, agencies=AGENCIES + agencies)
    agency = load_authority(folder).agency_by_id["a"]
    assert (agency.valid_from, agency.valid_to) == (None, None)
    assert agency.terms == ((None, "2014-10-26"), ("2024-10-21", None))
    assert not agency.active_on(dt.date(2020, 1, 1))


def test_authority_build_from_code():
    authority = Authority.build(regions=[Region("lampung", "Lampung", "province")])
    assert authority.region_by_id["lampung"].name == "Lampung"
    assert authority.agencies == ()


# (file, text, line, reason): each text holds one fault.
FAULTS = [
    ("regions.yaml", "- id: x\n  name: X\n  kind: [", 3, "YAML syntax error"),
    ("regions.yaml", "- id: x\n  name: X\n\tkind: city\n", 3, "YAML syntax error"),
    ("regions.yaml", "id: x\nname: X\n", 1, "must be a YAML list"),
    ("regions.yaml", "- just a name\n", 1, "entry 1 is not a mapping"),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n- [a, b]\n",
        4,
        "entry 2 is not a mapping",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  colour: red\n",
        4,
        "unknown key 'colour'",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  name: Y\n",
        4,
        "'name' is given twice",
    ),
    ("regions.yaml", "- id: x\n  kind: city\n", 1, "required key 'name' is missing"),
    ("regions.yaml", "- name: X\n  kind: city\n", 1, "required key 'id' is missing"),
    ("regions.yaml", "- id: x\n  name: X\n", 1, "required key 'kind' is missing"),
    (
        "regions.yaml",
        "- id: Kota_X\n  name: X\n  kind: city\n",
        1,
        "'id' 'Kota_X' must be",
    ),
    ("regions.yaml", "- id: x-\n  name: X\n  kind: city\n", 1, "must be lower-case"),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: provinsi\n",
        3,
        "kind 'provinsi' is not one of",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n- id: x\n  name: Y\n  kind: city\n",
        4,
        "duplicate id 'x' (first on line 1)",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  parent: atlantis\n",
        4,
        "parent 'atlantis' is not a known region",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  parent: x\n",
        4,
        "its own parent",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  aliases: Y\n",
        4,
        "'aliases' must be a list",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  aliases: [1945]\n",
        4,
        "not text",
    ),
    (
        "regions.yaml",
        "- id: x\n  name: X\n  kind: city\n  wikidata: 123\n",
        4,
        "wikidata 123",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: provincial_office\n  region: mars\n",
        4,
        "region 'mars' is not a known region",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: provincial_office\n  parent: b\n",
        4,
        "parent 'b' is not a known agency",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: dinas\n",
        3,
        "kind 'dinas' is not one of",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  valid_from: 2015\n  valid_to: 2014\n",
        5,
        "'valid_from' 2015 is after 'valid_to' 2014",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  valid_from: 2015-02-30\n",
        4,
        "not a real calendar date",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  valid_to: kemarin\n",
        4,
        "'kemarin' is not a date",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  valid_to: 15\n",
        4,
        "15 is not a year",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  former_names: [Departemen A]\n",
        4,
        "'former_names' needs 'renamed' beside it",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  renamed: 2009\n",
        4,
        "'renamed' needs 'former_names' beside it",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n  former_names: [Dep A]\n"
        "  renamed: dulu\n",
        5,
        "'dulu' is not a date",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dewan A\n  kind: legislature\n  acronyms: [DA]\n"
        "  shared_acronyms: [DA, DB]\n",
        5,
        "'shared_acronyms' names 'DB', none of its acronyms",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Dinas A\n  kind: ministry\n- id: b\n  name: Dinas B\n"
        "  kind: ministry\n  former_names: [Dinas A]\n  renamed: 2009\n",
        7,
        "former_names 'Dinas A' is already used by 'a'",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: Ditjen IKM\n  kind: ministry\n"
        "- id: b\n  name: B\n  kind: ministry\n  acronyms: [DITJEN  IKM]\n",
        7,
        "acronyms 'DITJEN  IKM' is already used by 'a' (line 1)",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  aliases: [B]\n"
        "- id: b\n  name: B\n  kind: ministry\n",
        6,
        "name 'B' is already used by 'a'",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: '...'\n  kind: ministry\n",
        2,
        "no letters or digits",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  parent: b\n"
        "- id: b\n  name: B\n  kind: ministry\n  parent: a\n",
        4,
        "parents of 'a' form a loop",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n- id: b\n  name: B\n"
        "  kind: ministry\n  preceded_by: [a]\n",
        7,
        "'preceded_by' needs 'valid_from' (or a first period's 'from')",
    ),
    (
        "agencies.yaml",
        "- id: b\n  name: B\n  kind: ministry\n  valid_from: 2024-10-21\n"
        "  preceded_by: [a]\n",
        5,
        "preceded_by 'a' is not another known agency",
    ),
    (
        "agencies.yaml",
        "- id: b\n  name: B\n  kind: ministry\n  valid_from: 2024\n"
        "  preceded_by: [b]\n",
        5,
        "preceded_by 'b' is not another known agency",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  valid_to: 2014\n  periods:\n"
        "  - to: 2014\n  - from: 2024\n",
        5,
        "'periods' replaces 'valid_from' and 'valid_to'",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n  - from: 2014\n",
        4,
        "'periods' must list two periods or more",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n"
        "  - to: 2014\n  - to: 2024\n",
        6,
        "only the first period may leave out 'from', the last 'to'",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n"
        "  - from: 2010\n  - from: 2014\n    to: 2020\n",
        5,
        "only the first period may leave out 'from', the last 'to'",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n"
        "  - to: 2014-10-26\n  - from: 2014-10-01\n",
        6,
        "period from 2014-10-01 begins before the one before it ends",
    ),
    (
        "agencies.yaml",
        "- id: a\n  name: A\n  kind: ministry\n  periods:\n"
        "  - to: 2014\n  - from: 2024\n    until: 2030\n",
        7,
        "unknown key 'until'",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles:\n    - title: Gubernur\n      agency: nowhere\n",
        4,
        "role agency 'nowhere' is not a known agency",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles:\n    - title: Gubernur\n      from: 2019\n      to: 2014\n",
        6,
        "'from' 2019 is after 'to' 2014",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles:\n    - agency: kemenperin\n",
        4,
        "required key 'title'",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles:\n    - title: X\n      sejak: 2014\n",
        5,
        "unknown key 'sejak'",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles: Gubernur\n",
        3,
        "'roles' must be a list",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles: [Gubernur]\n",
        3,
        "a role must be a mapping",
    ),
    ("people.yaml", "- id: p\n  name: P\n  kind: person\n", 3, "unknown key 'kind'"),
    (
        "people.yaml",
        "- id: p\n  name: P\n  roles:\n    - title: X\n      from: 2014-01-01 08:00:00\n",
        5,
        "has a time of day",
    ),
    (
        "people.yaml",
        "- id: p\n  name: P\n  needs_title: kadang\n",
        3,
        "'needs_title' must be true, false or a list of their names",
    ),
    (
        "people.yaml",
        "- id: p\n  name: Pak Budi\n  aliases: [Budi]\n  needs_title: [Budi, Bud]\n",
        4,
        "'needs_title' names 'Bud', no name or alias of theirs",
    ),
    # places.yaml is read with the others: a fault in it stops the build too.
    ("places.yaml", "- province: mars\n  regencies: [Ujung]\n", 1, "no province"),
    ("places.yaml", "- province: lampung\n  cities: [Metro]\n", 1, "'regencies'"),
]


@pytest.mark.parametrize(("name", "text", "line", "reason"), FAULTS)
def test_faults_name_file_line_and_reason(tmp_path, name, text, line, reason):
    # The files that refer to the one under test are left empty.
    folder = write(
        tmp_path,
        agencies="[]\n" if name == "regions.yaml" else AGENCIES,
        people="[]\n" if name != "people.yaml" else PEOPLE,
    )
    (folder / name).write_text(text, encoding="utf-8")
    faults = faults_of(folder)
    matching = [f for f in faults if reason in f.reason]
    assert matching, [str(f) for f in faults]
    assert matching[0].path == str(folder / name)
    assert matching[0].line == line
    assert str(matching[0]).startswith(f"{folder / name}:{line}: ")


def test_every_fault_is_collected_before_raising(tmp_path):
    folder = write(
        tmp_path,
        regions=REGIONS + "- id: lampung\n  name: Lampung Lagi\n  kind: provinsi\n",
        agencies=AGENCIES + "- id: x\n  name: X\n  kind: ministry\n  region: mars\n",
        people="- id: p\n  name: P\n  roles:\n    - title: T\n      agency: nowhere\n"
        "- name: Tanpa Id\n",
    )
    faults = faults_of(folder)
    reasons = [(Path(f.path).name, f.line, f.reason.split(" (")[0]) for f in faults]
    assert reasons == [
        ("regions.yaml", 14, "duplicate id 'lampung'"),
        (
            "regions.yaml",
            16,
            "kind 'provinsi' is not one of: country, province, regency, city, island",
        ),
        ("agencies.yaml", 21, "region 'mars' is not a known region"),
        ("people.yaml", 4, "role agency 'nowhere' is not a known agency"),
        ("people.yaml", 6, "required key 'id' is missing"),
    ]


@pytest.mark.parametrize("broken", ["regions.yaml", "agencies.yaml"])
def test_a_file_that_cannot_be_read_is_one_fault_not_one_per_reference(
    tmp_path, broken
):
    """What refers to an unreadable file's entries (an agency's region, a
    role's agency, places.yaml's provinces) is not checked against it."""
    folder = write(tmp_path)
    (folder / "places.yaml").write_text(
        "- province: lampung\n  regencies: [Way Kanan]\n", encoding="utf-8"
    )
    (folder / broken).write_text("- id: [\n", encoding="utf-8")
    faults = faults_of(folder)
    assert [(Path(f.path).name, f.reason.split(":")[0]) for f in faults] == [
        (broken, "YAML syntax error")
    ]


def test_error_message_lists_one_fault_a_line(tmp_path):
    folder = write(tmp_path, agencies=AGENCIES + "- id: Bad\n  name: X\n  kind: nope\n")
    with pytest.raises(AuthorityError) as caught:
        load_authority(folder)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.errors) == 2
    assert all(line.startswith(f"{folder / 'agencies.yaml'}:") for line in lines)
    assert isinstance(caught.value, WartaError)


def test_missing_folder(tmp_path):
    faults = faults_of(tmp_path / "nowhere")
    assert [(f.path, f.reason) for f in faults] == [
        (str(tmp_path / "nowhere"), "authority folder is missing")
    ]


def test_missing_files(tmp_path):
    folder = write(tmp_path, agencies=None, people=None)
    faults = faults_of(folder)
    assert [Path(f.path).name for f in faults] == ["agencies.yaml", "people.yaml"]
    assert all(f.reason == "authority file is missing" for f in faults)


def test_empty_files_are_empty_lists(tmp_path):
    authority = load_authority(
        write(tmp_path, regions="", agencies="[]\n", people="# none\n")
    )
    assert authority.regions == authority.agencies == authority.people == ()


def test_file_not_utf8(tmp_path):
    folder = write(tmp_path)
    (folder / "people.yaml").write_bytes(b"- id: p\n  name: Caf\xe9\n")
    faults = faults_of(folder)
    assert [(f.line, f.reason) for f in faults] == [(2, "the file is not UTF-8 text")]
