"""invoke check, candidates and eval-entities on content written for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.ingest.helpers import ROOT, invoke

ARTICLE = """Title: Koperasi Kopi Diresmikan
Date: 2024-05-08
Region: Lampung
{extra}
KOTA METRO — Kepala Badan Pengelola Usaha Kopi Kota Metro, Sutrisno Hadi, meresmikan
gudang koperasi. "Kami siap menampung panen," kata Sutrisno Hadi. Kementerian
Perindustrian mendukung program itu.
"""


def content_with(tmp_path, extra: str = "") -> str:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "authority", content / "authority")
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "articles" / "2024" / "koperasi.md").write_text(
        ARTICLE.format(extra=extra), encoding="utf-8"
    )
    return str(content)


def test_check_passes_on_good_content(tmp_path):
    run = invoke("check", "--content", content_with(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "1 article(s) checked, 0 fault(s), 0 note(s)" in run.stderr


def test_check_notes_a_region_or_source_spelt_otherwise(tmp_path):
    content = content_with(tmp_path, "Source: Teraslampung.com\n")
    folder = Path(content) / "articles" / "2024"
    text = (folder / "koperasi.md").read_text(encoding="utf-8")
    (folder / "kedua.md").write_text(
        text.replace("Koperasi Kopi", "Koperasi Lada"), encoding="utf-8"
    )
    (folder / "ketiga.md").write_text(
        text.replace("Koperasi Kopi", "Koperasi Tapis")
        .replace("Region: Lampung", "Region: lampung")
        .replace("Source: Teraslampung.com", "Source: TERASLAMPUNG.COM"),
        encoding="utf-8",
    )
    run = invoke("check", "--content", content)
    # Notes, not faults: the build groups the spellings on one page.
    assert run.returncode == 0, run.stderr
    path = folder / "ketiga.md"
    assert f"CATATAN: {path}:3: Region 'lampung' is spelt 'Lampung' in 2 articles" in (
        run.stderr
    )
    assert (
        f"CATATAN: {path}:4: Source 'TERASLAMPUNG.COM' is spelt 'Teraslampung.com' "
        "in 2 articles"
    ) in run.stderr
    assert run.stderr.count("CATATAN") == 2
    assert "3 article(s) checked, 0 fault(s), 2 note(s)" in run.stderr


def test_check_notes_mis_decoded_text_with_its_line(tmp_path):
    content = content_with(tmp_path)
    path = Path(content) / "articles" / "2024" / "koperasi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Diresmikan", "NestlÃ© Diresmikan").replace(
            "meresmikan\n", "meresmikan â€”\n"
        ),
        encoding="utf-8",
    )
    run = invoke("check", "--content", content)
    assert run.returncode == 0, run.stderr  # the build takes it as it is
    assert (
        f"CATATAN: {path}:1: mis-decoded text, 1 place(s): 'NestlÃ©' → 'Nestlé'"
    ) in run.stderr
    assert f"CATATAN: {path}:5: mis-decoded text, 1 place(s): 'â€”' → '—'" in (
        run.stderr
    )
    assert "1 article(s) checked, 0 fault(s), 2 note(s)" in run.stderr


def test_check_names_unknown_override_ids(tmp_path):
    # Suppress may name an indicator as well as an agency or a person
    content = content_with(
        tmp_path,
        "Agencies: kemenperin, tidak-ada\nSuppress: juga-tidak, economic-growth\n"
        "Indicators: inflation, inflasi\n",
    )
    run = invoke("check", "--content", content)
    assert run.returncode == 1
    path = f"{content}/articles/2024/koperasi.md"
    assert f"{path}:4: Agencies: unknown agency id 'tidak-ada'" in run.stderr
    assert f"{path}:5: Suppress: unknown id 'juga-tidak'" in run.stderr
    assert f"{path}:6: Indicators: unknown indicator id 'inflasi'" in run.stderr
    assert run.stderr.count(path) == 3, run.stderr


def test_check_reports_a_bad_indicator_catalogue(tmp_path):
    content = content_with(tmp_path)
    path = Path(content) / "authority" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("change: export-growth", "change: export-value"), encoding="utf-8"
    )
    line = next(
        number
        for number, row in enumerate(path.read_text().splitlines(), start=1)
        if row.strip() == "change: export-value"
    )
    run = invoke("check", "--content", content)
    assert run.returncode == 1
    assert (
        f"GAGAL: {path}:{line}: change 'export-value' is no indicator in percent"
        in run.stderr
    )


def test_check_reports_bad_authority_and_bad_articles_together(tmp_path):
    content = content_with(tmp_path, "Date: 2024-05-09\n")
    agencies = f"{content}/authority/agencies.yaml"
    with open(agencies, "a", encoding="utf-8") as stream:
        stream.write(
            "- id: kemenperin\n  name: Duplikat\n  kind: ministry\n  salah: 1\n"
        )
    run = invoke("check", "--content", content)
    assert run.returncode == 1
    assert f"{agencies}:" in run.stderr
    assert "given twice" in run.stderr  # the article's second Date


def test_candidates_lists_unknown_names_as_yaml(tmp_path):
    run = invoke("candidates", "--content", content_with(tmp_path))
    assert run.returncode == 0, run.stderr
    entries = yaml.safe_load(run.stdout)  # comments aside, the output is YAML
    assert entries is not None
    names = {entry["name"] for entry in entries}
    assert "Sutrisno Hadi" in names
    assert "# 1 berita, contoh:" in run.stdout


CONLL = """Menteri NOUN O
Perindustrian PROPN O
Agus PROPN B-PER
Gumiwang PROPN I-PER
Kartasasmita PROPN I-PER
mengunjungi VERB O
Kementerian PROPN B-ORG
Perdagangan PROPN I-ORG
. PUNCT O

PT PROPN B-ORG
Maju PROPN I-ORG
tumbuh VERB O
. PUNCT O
"""


def test_eval_entities_prints_scores(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_text(CONLL, encoding="utf-8")
    run = invoke("eval-entities", str(path))
    assert run.returncode == 0, run.stderr
    assert "2 sentences" in run.stdout
    lines = {line.split()[0]: line for line in run.stdout.splitlines()[1:]}
    # The company is not a public body and is left out of the gold spans.
    assert "gold     1" in lines["ORG(publik)"]
    assert "exact P 1.000 R 1.000" in lines["PER"]


@pytest.mark.parametrize(
    ("region", "reason"),
    [
        ("Atlantis", "Region: unknown region 'Atlantis'"),
        # A city of places.yaml: its province is named.
        (
            "SURABAYA",
            "Region: unknown region 'SURABAYA' (not in authority/regions.yaml); "
            "Surabaya is in Jawa Timur: write 'Region: Jawa Timur'",
        ),
    ],
)
def test_check_names_an_unknown_region(tmp_path, region, reason):
    content = content_with(tmp_path)
    path = f"{content}/articles/2024/koperasi.md"
    article = Path(path)
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("Region: Lampung", f"Region: {region}"), encoding="utf-8"
    )
    run = invoke("check", "--content", content)
    assert run.returncode == 1
    assert f"{path}:3: {reason}" in run.stderr


def test_eval_indicators_prints_scores(tmp_path):
    labelled = tmp_path / "angka.json"
    labelled.write_text(
        """[{"text": "Inflasi Lampung pada Maret 2024 sebesar 2,5 persen.",
             "figures": [{"indicator": "inflation", "value": 2.5, "unit": "percent"}]},
            {"text": "Rapat digelar Senin (16/03/2015).", "figures": []}]""",
        encoding="utf-8",
    )
    run = invoke("eval-indicators", str(labelled))
    assert run.returncode == 0, run.stderr
    assert "precision: 1.000" in run.stdout
    assert "recall: 1.000" in run.stdout
    data = tmp_path / "data" / "koran"
    data.mkdir(parents=True)
    (data / "a.jsonl").write_text(
        '{"id": "k1", "text": "Inflasi Lampung pada Maret 2024 sebesar 2,5 persen '
        'dan 3 persen pada April 2024."}\n',
        encoding="utf-8",
    )
    named = tmp_path / "angka.yaml"
    named.write_text(
        "labelled: indicators\nitems:\n- {dataset: koran, file: a.jsonl, id: k1,\n"
        "   figures: [{indicator: inflation, value: 2.5, unit: percent,\n"
        "              period: April 2024}]}\n",
        encoding="utf-8",
    )
    run = invoke(
        "eval-indicators", str(named), "--data", str(tmp_path / "data"), "--show"
    )
    assert run.returncode == 0, run.stderr
    assert "precision: 0.500" in run.stdout
    assert "period as labelled: 0/1 (0.000) of the found" in run.stdout
    assert "  extra    koran/a.jsonl k1: inflation '3 persen' April 2024" in run.stdout
    run = invoke("eval-indicators", str(named))
    assert run.returncode == 1
    assert "names an article; give the data folder" in run.stderr
    broken = tmp_path / "rusak.json"
    broken.write_text("[{", encoding="utf-8")
    run = invoke("eval-indicators", str(broken))
    assert run.returncode == 1
    assert f"GAGAL: {broken}" in run.stderr


@pytest.mark.parametrize(
    "task", ["eval-entities", "eval-extraction", "eval-indicators"]
)
def test_an_evaluation_of_a_missing_file_fails_with_its_name(tmp_path, task):
    missing = tmp_path / "tidak-ada"
    run = invoke(task, str(missing))
    assert run.returncode == 1
    assert f"GAGAL: {missing}: " in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("name", "mode", "text", "fault"),
    [
        (
            "places.yaml",
            "w",
            "- province: jawa-timur\n  regencies: [Sidoarjo]\n"
            "- province: atlantis\n  regencies: [Ujung]\n",
            ":3: 'atlantis' is no province of regions.yaml",
        ),
        # An import reads regions.yaml's entries as they are, but one it
        # cannot read at all is named, not a traceback.
        (
            "regions.yaml",
            "a",
            "- id: atlantis\n  name: [Atlantis\n",
            ": YAML syntax error: ",
        ),
    ],
)
def test_check_and_import_name_a_fault_of_an_authority_file(
    tmp_path, name, mode, text, fault
):
    content = content_with(tmp_path)
    path = Path(content) / "authority" / name
    with path.open(mode, encoding="utf-8") as file:
        file.write(text)
    run = invoke("check", "--content", content)
    assert run.returncode == 1
    assert f"{path}:" in run.stderr
    assert run.stderr.count(fault) == 1
    pasted = tmp_path / "tempel.txt"
    pasted.write_text(
        "Koperasi Susu Diresmikan\n\nSenin, 6 Mei 2024 09:00 WIB\n\n"
        "SIDOARJO, Warta Uji - Dinas Koperasi meresmikan gudang susu.",
        encoding="utf-8",
    )
    run = invoke("import-text", str(pasted), "--content", content)
    assert run.returncode == 1
    assert f"GAGAL: {path}:" in run.stderr
    assert fault in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted((Path(content) / "articles").rglob("*.md")) == [
        Path(content) / "articles" / "2024" / "koperasi.md"
    ]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("--articles", "abc"), "take whole numbers"),
        (("--seed", "x"), "take whole numbers"),
        (("--articles", "0"), "at least 1"),
    ],
)
def test_bench_refuses_a_count_that_is_no_number(args, reason):
    run = invoke("bench", *args)
    assert run.returncode == 1
    assert "GAGAL: --" in run.stderr
    assert reason in run.stderr
    assert "Traceback" not in run.stderr
