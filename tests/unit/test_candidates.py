"""Proposed agencies: kind and region read off their names."""

import pytest

from warta.authority import Agency, Authority, Region
from warta.candidates import AgencyGuesser, CandidateCount, as_yaml

AUTHORITY = Authority.build(
    regions=[
        Region("indonesia", "Indonesia", "country", aliases=("RI",)),
        Region("lampung", "Lampung", "province", "indonesia"),
        Region("aceh", "Aceh", "province", "indonesia"),
        Region("kota-bandar-lampung", "Kota Bandar Lampung", "city", "lampung"),
        Region("lampung-selatan", "Kabupaten Lampung Selatan", "regency", "lampung"),
    ],
    agencies=[
        Agency(
            "kemenkes",
            "Kementerian Kesehatan",
            "ministry",
            acronyms=("Kemenkes",),
            region="indonesia",
        ),
    ],
)


@pytest.mark.parametrize(
    ("name", "kind", "region"),
    [
        ("Dinas Kesehatan Provinsi Aceh", "provincial_office", "aceh"),
        ("Dinas Sosial Aceh", "provincial_office", "aceh"),
        ("Dinas Sosial Kota Bandar Lampung", "city_office", "kota-bandar-lampung"),
        (
            "Dinas Pendidikan Kabupaten Lampung Selatan",
            "regency_office",
            "lampung-selatan",
        ),
        ("Direktorat Jenderal Anggaran", "directorate_general", "indonesia"),
        ("Ditjen Imigrasi", "directorate_general", "indonesia"),
        ("Kementerian Haji", "ministry", "indonesia"),
        ("Kementerian Koordinator Bidang Pangan", "coordinating_ministry", "indonesia"),
        ("Badan Siber dan Sandi Negara", "national_agency", "indonesia"),
        ("Badan Nasional Pengelola Perbatasan RI", "national_agency", "indonesia"),
        # What the name does not tell stays to be filled in.
        ("Dinas Kesehatan", "TODO", "TODO"),
        ("Biro Perencanaan dan Kerja Sama", "TODO", "TODO"),
        # A place not on file: its kind told, not its region.
        ("Dinas Sosial Kota Palembang", "city_office", "TODO"),
        ("Dinas Kesehatan Kabupaten Sidoarjo", "regency_office", "TODO"),
        ("Badan Pengelolaan Keuangan Daerah", "TODO", "TODO"),
        ("Biro Perencanaan RI", "TODO", "indonesia"),
    ],
)
def test_agency_kind_and_region_read_off_the_name(name, kind, region):
    assert AgencyGuesser(AUTHORITY).fields(name) == {"kind": kind, "region": region}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Biro Komunikasi dan Informasi Publik Kemenkes", "TODO"),
        ("Direktorat Jenderal Farmasi Kementerian Kesehatan", "directorate_general"),
    ],
)
def test_a_unit_found_with_its_body_has_that_body_as_parent(name, kind):
    assert AgencyGuesser(AUTHORITY).fields(name, "kemenkes") == {
        "kind": kind,
        "parent": "kemenkes",
        "region": "indonesia",
    }


def test_yaml_carries_the_guess_and_the_evidence():
    found = [
        CandidateCount(
            "agency",
            "usulan-dinas-sosial-aceh",
            "Dinas Sosial Aceh",
            2,
            "Dinas Sosial Aceh membagikan bantuan.",
            ["a.md", "b.md"],
        )
    ]
    text = as_yaml(found, "agency", AgencyGuesser(AUTHORITY))
    assert "# 2 berita, contoh: Dinas Sosial Aceh membagikan bantuan." in text
    assert "- id: dinas-sosial-aceh\n  name: Dinas Sosial Aceh\n" in text
    assert "  kind: provincial_office\n  region: aceh" in text
    assert "kind: TODO\n  region: TODO" in as_yaml(found, "agency")


def test_yaml_carries_a_units_parent_as_discovery_found_it():
    found = [
        CandidateCount(
            "agency",
            "usulan-biro-hukum-kementerian-kesehatan",
            "Biro Hukum Kementerian Kesehatan",
            1,
            "Kepala Biro Hukum Kemenkes hadir.",
            ["a.md"],
            parent="kemenkes",
        )
    ]
    text = as_yaml(found, "agency", AgencyGuesser(AUTHORITY))
    assert "  kind: TODO\n  parent: kemenkes\n  region: indonesia" in text
