"""The sitemap, written as text, is the XML ElementTree would write."""

import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo

import pytest

from warta.sitemaps import SITEMAP_NS, Entry, sitemap

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def _by_element_tree(entries: list[Entry]) -> bytes:
    """The sitemap as a tree, serialised by ElementTree: what it must equal."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        node = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(node, f"{{{SITEMAP_NS}}}loc").text = entry.url
        if isinstance(entry.lastmod, dt.datetime):
            lastmod = entry.lastmod.isoformat(timespec="seconds")
        elif entry.lastmod is not None:
            lastmod = entry.lastmod.isoformat()
        else:
            continue
        ET.SubElement(node, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


CASES = {
    "none": [],
    "home only": [Entry("https://warta.example/")],
    "datetime with zone": [
        Entry(
            "https://warta.example/berita/2024/03/05/a/",
            dt.datetime(2024, 3, 5, 8, 40, 12, 999, tzinfo=JAKARTA),
        )
    ],
    "naive datetime, date, none": [
        Entry("/berita/a/", dt.datetime(2020, 1, 2, 3, 4, 5)),
        Entry("/wilayah/lampung/", dt.date(2021, 12, 31)),
        Entry("/tentang/"),
    ],
    "characters to escape": [
        Entry("https://warta.example/cari/?q=a&b=<c>\"d'", dt.date(2024, 1, 1))
    ],
    "not ASCII": [Entry("https://warta.example/tokoh/andré-ñ/", None)],
}


@pytest.mark.parametrize("entries", CASES.values(), ids=CASES.keys())
def test_the_sitemap_is_what_element_tree_writes(entries):
    written = sitemap(iter(entries))  # any iterable, read once
    assert written == _by_element_tree(entries)
    urls = ET.fromstring(written).findall(f"{{{SITEMAP_NS}}}url")
    assert [u.findtext(f"{{{SITEMAP_NS}}}loc") for u in urls] == [
        e.url for e in entries
    ]
