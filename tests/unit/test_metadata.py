"""The metadata header check: every fault named with its line and reason."""

import pytest

from warta.errors import ContentError
from warta.metadata import (
    ARTICLE_REQUIRED,
    PAGE_REQUIRED,
    check_file_text,
    parse_date,
    parse_header,
)

GOOD = "Title: Judul\nDate: 2015-03-16\nSource: Teraslampung.com\n\nIsi berita.\n"


def test_good_header_is_read_with_lines():
    header = check_file_text(GOOD, "a.md", required=ARTICLE_REQUIRED)
    assert header.values == {
        "title": "Judul",
        "date": "2015-03-16",
        "source": "Teraslampung.com",
    }
    assert header.lines == {"title": 1, "date": 2, "source": 3}
    assert header.body_line == 5


def test_continuation_lines_join_the_value():
    text = "Title: Judul\nDate: 2015-03-16\nSummary: satu\n    dua\n\nIsi\n"
    header = parse_header(text, "a.md")
    assert header.values["summary"] == "satu dua"


def test_yaml_style_delimiters_are_accepted():
    text = "---\nTitle: Judul\nDate: 2015-03-16\n---\nIsi\n"
    header = check_file_text(text, "a.md", required=ARTICLE_REQUIRED)
    assert header.lines["title"] == 2


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Title: J\nDate: 2015-13-45\n\nx", 2, "not a real calendar date"),
        ("Title: J\nDate: 16/03/2015\n\nx", 2, "is not a date (use YYYY-MM-DD"),
        ("Title: J\nDate: kemarin\n\nx", 2, "is not a date"),
        ("Date: 2015-03-16\n\nx", None, "required metadata 'Title' is missing"),
        ("Title: J\n\nx", None, "required metadata 'Date' is missing"),
        ("Date: 2015-03-16\nTitle:\n\nx", 2, "'title' is empty"),
        ("Title: J\nDate: 2015-03-16\nTittle: K\n\nx", 3, "unknown metadata key"),
        ("Title: J\nTitle: K\nDate: 2015-03-16\n\nx", 2, "given twice"),
        ("Title: J\nDate: 2015-03-16\nSlug: Ada Spasi\n\nx", 3, "slug 'Ada Spasi'"),
        ("Title: J\nDate: 2015-03-16\nLang: Indonesia\n\nx", 3, "not a language"),
        ("Title: J\nDate: 2015-03-16\nSource_url: ftp://x\n\nx", 3, "http(s) URL"),
        ("Title: J\nDate: 2015-03-16\nStatus: live\n\nx", 3, "status 'live'"),
        (
            "Title: J\nDate: 2015-03-16\nModified: 2015-03-01\n\nx",
            3,
            "earlier than 'date'",
        ),
        # A header line without its colon ends the header; the title is lost.
        ("Title Judul\nDate: 2015-03-16\n\nx", None, "'Title' is missing"),
    ],
)
def test_faults_name_line_and_reason(text, line, reason):
    with pytest.raises(ContentError) as caught:
        check_file_text(text, "berita.md", required=ARTICLE_REQUIRED)
    assert caught.value.line == line
    assert reason in caught.value.reason
    where = "berita.md" if line is None else f"berita.md:{line}"
    assert str(caught.value).startswith(f"{where}: ")


def test_blank_optional_fields_count_as_absent():
    text = "Title: J\nDate: 2015-03-16\nSource:\nSlug:\n\nx"
    header = check_file_text(text, "a.md", required=ARTICLE_REQUIRED)
    assert header.values["source"] == ""


def test_pages_need_no_date():
    check_file_text("Title: Tentang\n\nIsi\n", "tentang.md", required=PAGE_REQUIRED)


@pytest.mark.parametrize(
    "value",
    ["2015-03-16", "2015-03-16 08:30", "2015-03-16T08:30:15", "2015-03-16 08:30+07:00"],
)
def test_accepted_date_forms(value):
    assert parse_date(value).year == 2015
