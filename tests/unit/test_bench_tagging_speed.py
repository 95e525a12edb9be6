"""The real-corpus tagging benchmark reads every article it is given."""

from pathlib import Path

import pytest

from warta.bench.tagging_speed import NoArticlesError, measure, read_texts

AUTHORITY = Path(__file__).resolve().parents[2] / "content" / "authority"


def test_reads_jsonl_csv_and_text_files(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": 1, "text": "Satu."}\n\n{"id": 2, "summary": "tanpa teks"}\n'
        '{"id": 3, "text": "Dua."}\n',
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text(
        'judul,isi\nJ,"Tiga, dengan koma."\nK,\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Empat.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# bukan artikel", encoding="utf-8")
    assert list(read_texts(tmp_path)) == [
        "Satu.",
        "Dua.",
        "Tiga, dengan koma.",
        "Empat.",
    ]


def test_measure_counts_articles_and_words(tmp_path):
    text = "Kementrian Perindustrian membuka pelatihan di Bandar Lampung."
    (tmp_path / "a.jsonl").write_text(
        "\n".join(f'{{"text": "{text}"}}' for _ in range(5)), encoding="utf-8"
    )
    speed = measure(tmp_path, AUTHORITY)
    assert (speed.articles, speed.words) == (5, 35)
    assert speed.one_core_s > 0
    assert speed.all_cores_s > 0
    assert "100,000 such articles in" in speed.report()


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(NoArticlesError, match="no article text"):
        measure(tmp_path, AUTHORITY)
