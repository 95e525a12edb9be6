"""The synthetic archive of ``invoke bench``: deterministic, valid, buildable."""

from __future__ import annotations

import random
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from warta.authority import load_authority
from warta.bench.corpus import (
    CorpusConfig,
    CorpusGenerator,
    decimal,
    generate_corpus,
    misspell,
    thousands,
)
from warta.metadata import ARTICLE_REQUIRED, check_file_text, parse_date

ROOT = Path(__file__).resolve().parents[2]
AUTHORITY = ROOT / "content" / "authority"

CONFIGS = [
    pytest.param(CorpusConfig(300), id="default"),
    pytest.param(CorpusConfig(300, seed=7), id="other-seed"),
    pytest.param(CorpusConfig(300, seed=11, misspell_rate=0.3), id="more-slips"),
    pytest.param(CorpusConfig(150, seed=3, misspell_rate=0.0), id="no-slips"),
    pytest.param(CorpusConfig(150, seed=5, min_words=200, max_words=300), id="short"),
]


@cache
def authority():
    return load_authority(AUTHORITY)


@cache
def articles(config: CorpusConfig):
    return tuple(CorpusGenerator(config, authority()).articles())


@pytest.mark.parametrize("config", CONFIGS)
def test_same_config_same_articles(config):
    again = tuple(CorpusGenerator(config, authority()).articles())
    assert [a.text for a in again] == [a.text for a in articles(config)]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (CorpusConfig(50), CorpusConfig(50, seed=1)),
        (CorpusConfig(50), CorpusConfig(50, misspell_rate=0.5)),
    ],
)
def test_other_config_other_articles(one, other):
    assert [a.text for a in articles(one)] != [a.text for a in articles(other)]


@pytest.mark.parametrize("config", CONFIGS)
def test_headers_are_valid(config):
    regions = {region.name for region in authority().regions}
    for article in articles(config):
        header = check_file_text(article.text, article.path, required=ARTICLE_REQUIRED)
        values = header.values
        assert values["lang"] == "id"
        assert values["region"] in regions
        for key in ("source", "location", "tags", "summary"):
            assert values[key], key
        date = parse_date(values["date"])
        assert config.first_year <= date.year <= config.last_year
        assert article.path == f"articles/{date.year}/{values['slug']}.md"


@pytest.mark.parametrize("config", CONFIGS)
def test_slugs_are_unique(config):
    slugs = [a.path.rsplit("/", 1)[-1] for a in articles(config)]
    assert len(set(slugs)) == len(slugs) == config.articles


@pytest.mark.parametrize("config", CONFIGS)
def test_word_counts_in_range(config):
    for article in articles(config):
        body = article.text.split("\n\n", 1)[1]
        assert article.words == len(body.split())
        assert config.min_words <= article.words <= config.max_words, article.path


@pytest.mark.parametrize("config", CONFIGS)
def test_misspelt_share_is_as_configured(config):
    made = articles(config)
    mentions = sum(a.mentions for a in made)
    misspelt = sum(a.misspelt for a in made)
    assert mentions >= 5 * config.articles
    assert abs(misspelt / mentions - config.misspell_rate) < 0.035


@pytest.mark.parametrize("config", CONFIGS[:1])
def test_mentions_name_authority_entities(config):
    known = {a.id for a in authority().agencies} | {p.id for p in authority().people}
    for article in articles(config):
        assert article.entities
        assert set(article.entities) <= known


@pytest.mark.parametrize(
    ("label", "keep_first", "expected"),
    [
        ("Dinas Perindustrian Provinsi Lampung", True, "slip"),
        ("Badan Pusat Statistik", True, "slip"),
        ("Arinal Djunaidi", False, "slip"),
        ("Dinas Pertanian", False, "slip"),
        ("BPS", True, None),
        ("Samsudin", False, None),
        ("Bank Indonesia", True, "slip"),
        ("Dinas PU", True, None),
    ],
)
def test_misspell_makes_one_slip(label, keep_first, expected):
    for seed in range(30):
        slipped = misspell(label, random.Random(seed), keep_first=keep_first)
        if expected is None:
            assert slipped is None
            continue
        assert slipped is not None
        assert slipped != label
        if "Kementrian" in slipped:
            continue
        words, original = slipped.split(" "), label.split(" ")
        assert len(words) == len(original)
        changed = [(w, o) for w, o in zip(words, original, strict=True) if w != o]
        assert len(changed) == 1
        word, name = changed[0]
        assert len(name) >= 6
        assert Levenshtein.distance(word, name) <= 2
        if keep_first:
            assert words[0] == original[0]


def test_misspell_writes_kementrian_sometimes():
    found = {
        misspell("Kementerian Perindustrian", random.Random(seed), keep_first=True)
        for seed in range(40)
    }
    assert "Kementrian Perindustrian" in found


@pytest.mark.parametrize(
    ("value", "written"),
    [(thousands(12500), "12.500"), (thousands(999), "999"), (decimal(5.1), "5,10")],
)
def test_indonesian_numbers(value, written):
    assert value == written


def test_generate_corpus_writes_the_folder(tmp_path):
    target = tmp_path / "content"
    stats = generate_corpus(target, CorpusConfig(20))
    files = sorted((target / "articles").rglob("*.md"))
    assert stats.articles == len(files) == 20
    for folder in ("authority", "pages", "extra"):
        assert (target / folder).is_dir()
    assert (target / "authority" / "indicators.yaml").is_file()
    made = {a.path: a.text for a in articles(CorpusConfig(20))}
    for path in files:
        relative = path.relative_to(target).as_posix()
        assert path.read_text(encoding="utf-8") == made[relative]
    with pytest.raises(FileExistsError):
        generate_corpus(target, CorpusConfig(5))


@pytest.mark.site
def test_fifty_articles_build_with_sitebuild(tmp_path):
    """The full archive (every plugin) and the plain settings both build them."""
    content = tmp_path / "content"
    generate_corpus(content, CorpusConfig(50))
    # pelicanconf.py with a private cache: the repository's .cache stays alone.
    settings = tmp_path / "benchconf_test.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    for name, settings_file in (
        ("full", settings),
        ("plain", ROOT / "benchconf_plain.py"),
    ):
        output = tmp_path / name
        command = [sys.executable, "-m", "sitebuild", "--settings", str(settings_file)]
        command += ["--content", str(content), "--output", str(output)]
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "0 error(s), 0 warning(s)" in done.stderr
        assert len(list((output / "berita").rglob("index.html"))) == 50
    assert (tmp_path / "cache" / "warta-tags.json").is_file()
    assert (tmp_path / "full" / "cari" / "indeks" / "meta.bin").is_file()
    assert (tmp_path / "full" / "lembaga" / "index.html").is_file()
    assert not (tmp_path / "plain" / "lembaga").exists()
