"""Scoring figure extraction against labelled sets, with texts inline or named
in a folder of news records. Every sentence here was written for these tests."""

import json

import pytest

from warta.indicators import load_catalogue
from warta.indicators.evaluation import LabelledSetError, evaluate
from warta.news_records import RecordNotFoundError, RecordTexts, read_records

CATALOGUE = load_catalogue()
SEED_END = (
    "Pada akhir 2013, IKM telah memberikan kontribusi terhadap PDB sektor industri "
    "sebesar 34,27% serta kontribusi ekspor IKM terhadap ekspor industri nasional "
    "sebesar 16,46%. sedangkan tahun 2014, estimasi populasi IKM 64% masih "
    "terkonsentrasi di pulau Jawa."
)
INFLATION = (
    "Badan Pusat Statistik mencatat inflasi Lampung pada Maret 2024 sebesar "
    "2,5 persen. Harga cabai naik 12 persen."
)
EXPORTS = (
    "Nilai ekspor Jawa Timur pada Januari 2026 mencapai US$ 2,1 miliar, naik "
    "4,5 persen dibanding Januari 2025. Pemerintah menargetkan pertumbuhan "
    "ekonomi 5,2 persen tahun ini."
)


def test_a_bare_list_labels_every_figure_and_scores_micro_averaged(tmp_path):
    labelled = [
        {
            "text": SEED_END,
            "date": "2015-03-16",
            "figures": [
                {
                    "indicator": "ikm-share-industrial-gdp",
                    "value": 34.27,
                    "unit": "percent",
                },
                {
                    "indicator": "ikm-share-industrial-exports",
                    "value": 16.46,
                    "unit": "percent",
                },
                {"indicator": "ikm-share-in-java", "value": 64, "unit": "percent"},
            ],
        },
        {
            "text": "Inflasi Lampung 3,1 persen dan harga beras naik 2 persen.",
            "figures": [
                {"indicator": "inflation", "value": 3.1, "unit": "percent"},
                {"indicator": "economic-growth", "value": 5.0, "unit": "percent"},
            ],
        },
    ]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(labelled), encoding="utf-8")
    scores = evaluate(path, CATALOGUE)
    assert (scores.expected, scores.extracted, scores.found) == (5, 5, 4)
    assert scores.precision == pytest.approx(0.8)
    assert scores.recall == pytest.approx(0.8)
    assert scores.f1 == pytest.approx(0.8)
    assert "precision: 0.800" in scores.report()
    # nothing but indicator, value and unit labelled: no field to report
    assert "as labelled" not in scores.report()


def _records(tmp_path):
    data = tmp_path / "data"
    (data / "koran").mkdir(parents=True)
    (data / "koran" / "a.csv").write_text(
        "article_id,judul,isi\n"
        f'x1,Inflasi,"{INFLATION}"\n'
        'x2,Kosong,"Rapat digelar di Bandar Lampung."\n',
        encoding="utf-8",
    )
    (data / "koran" / "b.jsonl").write_text(
        json.dumps({"id": 7, "text": EXPORTS}) + "\n", encoding="utf-8"
    )
    return data


SET = """\
labelled: indicators
items:
  - dataset: koran
    file: a.csv
    id: x1
    date: 2024-04-02
    figures:
      - {indicator: inflation, value: 2.5, unit: percent, period: Maret 2024,
         place: Lampung, kind: realised, written: "2,5 persen"}
  - dataset: koran
    file: b.jsonl
    id: "7"
    date: 2026-02-10
    figures:
      - {indicator: export-value, value: 2100000000, unit: usd,
         period: Januari 2026, place: jawa timur, kind: realised}
      - {indicator: export-growth, value: 4.5, unit: percent,
         period: Januari 2025, place: Jawa Timur}
      - {indicator: economic-growth, value: 5.2, unit: percent, kind: projection}
      - {indicator: inflation, value: 3.0, unit: percent, written: "3 persen"}
  - dataset: koran
    file: a.csv
    id: x2
    figures: []
"""


def test_a_set_of_indicator_figures_names_its_articles_in_a_data_folder(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(SET, encoding="utf-8")
    scores = evaluate(path, CATALOGUE, data=_records(tmp_path), show=True)
    # the figure of no indicator (cabai's 12 persen) is left out of the count
    assert (scores.items, scores.expected, scores.extracted) == (3, 5, 4)
    assert (scores.found, scores.correct) == (4, 2)
    assert scores.attributes == {
        "period": [3, 2],  # export growth's period is labelled wrong here
        "place": [3, 3],  # places compared without case
        "kind": [3, 2],  # the growth target is labelled a projection
    }
    assert scores.by_indicator["inflation"] == {
        "expected": 2,
        "extracted": 1,
        "found": 1,
    }
    report = scores.report()
    assert "period as labelled: 2/3 (0.667) of the found" in report
    assert "right in every labelled field: 2 (precision 0.500, recall 0.400" in report
    assert "  inflation: 2, 1, 1" in report
    assert "  missed   koran/b.jsonl 7: inflation 3 persen" in report
    assert (
        "  labelled koran/b.jsonl 7: economic-growth '5,2 persen' 2026 None, "
        "labelled kind 'projection'"
    ) in report
    assert "  extra" not in report


def test_figures_of_an_indicator_added_since_the_set_was_labelled_are_not_scored(
    tmp_path,
):
    # the set was labelled when the catalogue had export-value and inflation
    # only: its export-growth, economic-growth figures are neither found nor
    # extra
    path = tmp_path / "set.yaml"
    path.write_text(
        SET.replace(
            "labelled: indicators\n",
            "labelled: indicators\nindicators: [inflation, export-value]\n",
        ),
        encoding="utf-8",
    )
    scores = evaluate(path, CATALOGUE, data=_records(tmp_path), show=True)
    assert (scores.expected, scores.extracted, scores.found) == (5, 2, 2)
    assert set(scores.by_indicator) >= {"inflation", "export-value"}
    assert scores.by_indicator["export-growth"]["extracted"] == 0


def test_figures_of_no_indicator_count_in_a_bare_list(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "- dataset: koran\n  file: a.csv\n  id: x1\n  figures:\n"
        "  - {indicator: inflation, value: 2.5, unit: percent}\n",
        encoding="utf-8",
    )
    scores = evaluate(path, CATALOGUE, data=_records(tmp_path), show=True)
    assert (scores.expected, scores.extracted, scores.found) == (1, 2, 1)
    assert "  extra    koran/a.csv x1: None '12 persen' Maret 2024 None | " in (
        scores.report()
    )


def test_duplicate_labels_pair_each_figure_with_the_one_it_agrees_with(tmp_path):
    text = (
        "Inflasi Lampung pada Maret 2024 sebesar 2,5 persen. Pada April 2024 "
        "inflasi Lampung kembali 2,5 persen."
    )
    path = tmp_path / "set.yaml"
    path.write_text(
        json.dumps(
            {
                "labelled": "indicators",
                "items": [
                    {
                        "text": text,
                        "figures": [
                            {
                                "indicator": "inflation",
                                "value": 2.5,
                                "unit": "percent",
                                "period": period,
                            }
                            for period in ("April 2024", "Maret 2024")
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    scores = evaluate(path, CATALOGUE)
    assert (scores.found, scores.correct) == (2, 2)


@pytest.mark.parametrize(
    ("text", "data", "fault"),
    [
        (
            "- {dataset: koran, file: a.csv}\n",
            True,
            "line 1: item 1: an item needs a text",
        ),
        (
            "- {dataset: koran, file: a.csv, id: x1}\n",
            False,
            "line 1: item 1 (koran/a.csv x1): names an article; give the data folder",
        ),
        (
            "- {dataset: koran, file: c.csv, id: x1}\n",
            True,
            "c.csv is not a file",
        ),
        (
            "- {dataset: koran, file: a.csv, id: x9}\n",
            True,
            "a.csv: no article with id 'x9'",
        ),
        (
            "- text: Inflasi 2 persen.\n  figures: [{value: dua, unit: percent}]\n",
            True,
            "line 2: item 1, figure 1: value 'dua' is not a number",
        ),
        (
            "- text: Inflasi 2 persen.\n  figures: [{indicator: inflation}]\n",
            True,
            "line 2: item 1, figure 1: a figure needs a value and a unit",
        ),
        (
            "- text: Inflasi 2 persen.\n  date: 2024-13-01\n",
            True,
            "line 1: item 1: date '2024-13-01' is not YYYY-MM-DD",
        ),
        ("labelled: some\nitems: []\n", True, "labelled 'some' must be"),
        (
            "labelled: indicators\nindicators: inflation\nitems: []\n",
            True,
            "indicators must be a list of indicator ids",
        ),
        ("items: {}\n", True, "a labelled set is a list of items"),
        ("- [unclosed\n", True, "not a labelled set"),
    ],
)
def test_a_faulty_set_names_the_item_and_the_reason(tmp_path, text, data, fault):
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((LabelledSetError, RecordNotFoundError)) as raised:
        evaluate(path, CATALOGUE, data=_records(tmp_path) if data else None)
    assert fault in str(raised.value)


def test_records_are_read_by_id_from_csv_and_json_lines(tmp_path):
    data = _records(tmp_path)
    assert [record["article_id"] for record in read_records(data / "koran/a.csv")] == [
        "x1",
        "x2",
    ]
    texts = RecordTexts()
    assert texts.text(data / "koran/b.jsonl", "7") == EXPORTS
    assert texts.text(data / "koran/a.csv", "x2") == "Rapat digelar di Bandar Lampung."
