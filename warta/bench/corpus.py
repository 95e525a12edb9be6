"""A synthetic archive of any size, for measuring the build at scale.

``generate_corpus`` writes ``articles/YYYY/<slug>.md`` files with valid Warta
headers and copies the real ``authority``, ``pages`` and ``extra`` folders
beside them, so that the archive's own plugins do real work on the result:

- every article names agencies and people drawn from the authority files, as
  the authority files know them (full name, acronym or alias), in office on the
  article's date and belonging to its region or to the nation;
- a share of those mentions (``misspell_rate``, 15 % by default) is misspelt as
  news sites misspell them: one letter dropped or two swapped in a word of six
  letters or more (never the first word of an agency's name, which the matcher
  needs as its head word, nor a one-word name), or "Kementrian" for
  "Kementerian";
- sentences state economic figures in the wording of the indicator catalogue
  ("pertumbuhan ekonomi Lampung pada triwulan II 2021 sebesar 5,12 persen").

All text comes from this module's own Indonesian sentence templates. One
``random.Random(seed)`` drives everything, so the same configuration writes the
same files byte for byte. 20,000 articles take a few seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from warta.authority import Authority, load_authority
from warta.dates import DAY_NAMES, MONTH_NAMES

ROOT = Path(__file__).resolve().parents[2]
SOURCE_CONTENT = ROOT / "content"
SEED = 20261128
COPIED_FOLDERS = ("authority", "pages", "extra")

# ---------------------------------------------------------------------------
# Vocabulary. Written for this benchmark.

PUBLISHERS = (
    ("Teraslampung.com", "teraslampung"),
    ("Lampung Post", "lampost"),
    ("Antara Lampung", "antaralampung"),
    ("Radar Lampung", "radarlampung"),
    ("Tribun Lampung", "tribunlampung"),
    ("Kupas Tuntas", "kupastuntas"),
    ("Lampung Geh", "lampunggeh"),
    ("Saibumi", "saibumi"),
    ("Sinar Lampung", "sinarlampung"),
    ("Harian Momentum", "momentum"),
    ("Bisnis Indonesia", "bisnis"),
    ("Kontan", "kontan"),
    ("Antara", "antaranews"),
    ("Kompas", "kompas"),
    ("Republika", "republika"),
    ("Tempo", "tempo"),
    ("Jawa Pos", "jawapos"),
    ("Media Indonesia", "mediaindonesia"),
    ("Warta Ekonomi", "wartaekonomi"),
    ("Suara Pembaruan", "suarapembaruan"),
)

CAPITALS = {
    "aceh": "Banda Aceh",
    "sumatera-utara": "Medan",
    "sumatera-barat": "Padang",
    "riau": "Pekanbaru",
    "jambi": "Jambi",
    "sumatera-selatan": "Palembang",
    "bengkulu": "Bengkulu",
    "lampung": "Bandar Lampung",
    "kepulauan-bangka-belitung": "Pangkalpinang",
    "kepulauan-riau": "Tanjungpinang",
    "dki-jakarta": "Jakarta",
    "jawa-barat": "Bandung",
    "jawa-tengah": "Semarang",
    "daerah-istimewa-yogyakarta": "Yogyakarta",
    "jawa-timur": "Surabaya",
    "banten": "Serang",
    "bali": "Denpasar",
    "nusa-tenggara-barat": "Mataram",
    "nusa-tenggara-timur": "Kupang",
    "kalimantan-barat": "Pontianak",
    "kalimantan-tengah": "Palangka Raya",
    "kalimantan-selatan": "Banjarbaru",
    "kalimantan-timur": "Samarinda",
    "kalimantan-utara": "Tanjung Selor",
    "sulawesi-utara": "Manado",
    "sulawesi-tengah": "Palu",
    "sulawesi-selatan": "Makassar",
    "sulawesi-tenggara": "Kendari",
    "gorontalo": "Gorontalo",
    "sulawesi-barat": "Mamuju",
    "maluku": "Ambon",
    "maluku-utara": "Sofifi",
    "papua": "Jayapura",
    "papua-barat": "Manokwari",
    "papua-selatan": "Merauke",
    "papua-tengah": "Nabire",
    "papua-pegunungan": "Wamena",
    "papua-barat-daya": "Sorong",
}
# How running text names a province whose official name is long.
PROSE_NAMES = {
    "dki-jakarta": "DKI Jakarta",
    "daerah-istimewa-yogyakarta": "DI Yogyakarta",
}

KOMODITAS = (
    "kopi robusta",
    "lada hitam",
    "kakao",
    "singkong",
    "tapioka",
    "gula kelapa",
    "udang vaname",
    "karet",
    "kelapa sawit",
    "pisang",
    "keripik pisang",
    "kain tapis",
    "rotan",
    "ikan asin",
    "madu hutan",
    "jagung",
    "gula aren",
    "bambu",
    "tenun",
    "cokelat olahan",
)
KEGIATAN = (
    "pelatihan pengemasan produk",
    "bimbingan teknis sertifikasi halal",
    "pameran produk unggulan daerah",
    "rapat koordinasi pengembangan industri",
    "temu bisnis dengan pembeli dari luar daerah",
    "pelatihan pemasaran digital",
    "pendampingan standardisasi mutu",
    "lokakarya desain kemasan",
    "sosialisasi perizinan berusaha",
    "klinik konsultasi hak kekayaan intelektual",
)
PROGRAM = (
    "penumbuhan wirausaha baru",
    "revitalisasi sentra industri kecil",
    "hilirisasi komoditas unggulan",
    "peningkatan penggunaan produk dalam negeri",
    "restrukturisasi mesin dan peralatan",
    "pengembangan kawasan industri",
    "penguatan rantai pasok bahan baku",
    "digitalisasi pasar tradisional",
)
SEKTOR = (
    "pangan olahan",
    "kerajinan",
    "logam dan mesin",
    "kimia dasar",
    "tekstil",
    "furnitur",
    "agroindustri",
    "ekonomi kreatif",
)
TAGS = (
    "industri kecil menengah",
    "ekspor",
    "investasi",
    "inflasi",
    "UMKM",
    "perdagangan",
    "pertanian",
    "hilirisasi",
    "tenaga kerja",
    "pariwisata",
    "kredit usaha rakyat",
    "kopi",
    "lada",
    "singkong",
    "perikanan",
    "infrastruktur",
    "pasar murah",
    "harga bahan pokok",
    "revitalisasi industri",
    "pelatihan",
    "pameran",
    "ekonomi kreatif",
    "standardisasi",
    "sertifikasi halal",
    "koperasi",
)
HEADINGS = (
    "Data dan target",
    "Kendala di lapangan",
    "Rencana ke depan",
    "Dukungan pembiayaan",
)
ROMAN = ("I", "II", "III", "IV")

TITLES = (
    "{A} Gelar {KEGT} di {LOC}",
    "Ekspor {KOMT} {REG} Naik pada {TH1}",
    "Pertumbuhan Ekonomi {REG} Triwulan {Q} Capai {PCT} Persen",
    "{A} Dorong Hilirisasi {KOMT}",
    "Pelaku IKM {LOC} Diminta Tingkatkan Mutu Produk",
    "Realisasi Investasi {REG} Tembus {RP}",
    "Inflasi {REG} {BLN} {TH} Terkendali",
    "Sentra {KOMT} di {LOC} Dapat Bantuan Mesin",
    "Pemerintah Siapkan Program {PROGT} bagi IKM",
    "{A} Perkuat Pemasaran Digital Produk Lokal",
    "Ratusan Pelaku Usaha Ikuti {KEGT}",
    "UMP {REG} Tahun {TH} Ditetapkan",
)

LEADS = (
    "{A} menggelar {KEG} bagi pelaku industri kecil dan menengah di {LOC}, {HARI}.",
    "{A} bersama {A2} menggelar {KEG} di {LOC}, {HARI}, yang diikuti puluhan "
    "pelaku usaha setempat.",
    "Sebanyak {NS} pelaku usaha {KOM} mengikuti {KEG} yang diselenggarakan {A} "
    "di {LOC}, {HARI}.",
    "{A} menyatakan akan memperkuat program {PROG} di {REG} mulai tahun ini, "
    "kata pejabatnya di {LOC}, {HARI}.",
)

AGENCY_SENTENCES = (
    "Kegiatan tersebut merupakan kerja sama antara {A} dan {A2} dalam rangka {PROG}.",
    "{A} juga menyiapkan pendampingan bagi pelaku usaha {KOM} agar produk mereka "
    "memenuhi standar mutu.",
    "Menurut catatan {A}, sebagian besar pelaku usaha {KOM} di daerah itu masih "
    "mengolah bahan baku secara tradisional.",
    "Pihak {A} berencana memperluas program tersebut ke kabupaten dan kota lain "
    "pada tahun depan.",
    "Rapat koordinasi itu dihadiri perwakilan {A}, {A2}, serta para pelaku usaha "
    "setempat.",
    "{A} menilai hilirisasi {KOM} dapat meningkatkan nilai tambah dan membuka "
    "lapangan kerja baru di perdesaan.",
    "Sebelumnya, {A} telah menandatangani nota kesepahaman dengan sejumlah "
    "perguruan tinggi untuk mendukung riset terapan di bidang {SEKTOR}.",
    "Usulan itu akan dibahas bersama {A} dalam rapat kerja berikutnya.",
    "Data yang dihimpun {A} menunjukkan minat investor pada sektor {SEKTOR} terus "
    "bertambah dalam tiga tahun terakhir.",
    "Bantuan peralatan produksi dari {A} diserahkan kepada kelompok usaha yang "
    "dinilai paling siap berkembang.",
)

PERSON_SENTENCES = (
    "“Kami ingin produk {KOM} dari {LOC} mampu bersaing di pasar nasional maupun "
    "ekspor,” kata {P}.",
    "{P} mengatakan pemerintah terus mendorong pelaku industri memanfaatkan "
    "teknologi digital untuk memasarkan produknya.",
    "Dalam sambutannya, {P} meminta seluruh pemangku kepentingan bersinergi "
    "mengembangkan industri {KOM} di daerah.",
    "Menurut {P}, ketersediaan bahan baku dan akses pembiayaan masih menjadi "
    "kendala utama bagi pelaku usaha kecil.",
    "{P} berharap program {PROG} dapat dirasakan langsung manfaatnya oleh masyarakat.",
)
SHORT_PERSON_SENTENCES = (
    "“Pelatihan seperti ini harus berkelanjutan, bukan sekadar seremonial,” ujar {PN}.",
    "{PN} menambahkan, pihaknya akan mengevaluasi program tersebut setiap enam bulan.",
    "“Kalau mutunya terjaga, pembeli akan datang sendiri,” kata {PN} lagi.",
)

FIGURE_SENTENCES = (
    "{BPS} mencatat pertumbuhan ekonomi {REG} pada triwulan {Q} {TH} sebesar "
    "{PCT} persen dibanding periode yang sama tahun sebelumnya.",
    "Inflasi tahunan {REG} pada {BLN} {TH} tercatat {PCT} persen, lebih rendah "
    "dari bulan sebelumnya.",
    "Nilai ekspor {KOM} dari {REG} sepanjang {TH1} mencapai {USD}, naik "
    "dibanding tahun sebelumnya.",
    "Realisasi investasi di {REG} pada semester I {TH} mencapai {RP}, sebagian "
    "besar di sektor industri pengolahan.",
    "Saat ini jumlah IKM di {LOC} tercatat {N} unit usaha dengan serapan "
    "{N2} tenaga kerja.",
    "Tingkat pengangguran terbuka {REG} pada Agustus {TH1} sebesar {PCT} persen.",
    "Persentase penduduk miskin di {REG} pada Maret {TH} tercatat {PCT2} persen.",
    "Nilai tukar petani (NTP) {REG} pada {BLN} {TH} sebesar {IDX}.",
    "Upah minimum provinsi (UMP) {REG} tahun {TH} ditetapkan sebesar {UMP} per bulan.",
    "Kontribusi sektor industri pengolahan terhadap PDRB {REG} pada {TH1} "
    "mencapai {PCT2} persen.",
    "Penyaluran kredit usaha rakyat (KUR) di {REG} hingga {BLN} {TH} mencapai "
    "{RPM} untuk {N} debitur.",
    "Produksi padi {REG} pada {TH1} mencapai {N} ton gabah kering giling.",
    "Indeks pembangunan manusia (IPM) {REG} pada {TH1} tercatat {IPM}.",
    "Jumlah kunjungan wisatawan mancanegara ke {REG} pada {TH1} mencapai {N} orang.",
    "Pada {TH}, pemerintah daerah mengalokasikan anggaran sebesar {RPM} untuk "
    "program {PROG}.",
    "Rasio gini {REG} pada Maret {TH} tercatat {GINI}.",
    "{BI} mempertahankan suku bunga acuan di level {BIR} persen.",
    "PDRB per kapita {REG} pada {TH1} mencapai {RPJ} per tahun.",
    "Kontribusi industri pengolahan nonmigas terhadap PDB pada {TH1} sebesar "
    "{PCT2} persen.",
    "Pertumbuhan industri pengolahan nonmigas pada triwulan {Q} {TH} sebesar "
    "{PCT} persen.",
    "Pendapatan asli daerah (PAD) {REG} tahun {TH1} mencapai {RPM}.",
)

FILLER_SENTENCES = (
    "Para peserta mendapatkan materi tentang manajemen usaha, pengemasan produk, "
    "dan strategi pemasaran daring.",
    "Selain itu, peserta diajak mengunjungi sentra produksi {KOM} di {LOC} untuk "
    "melihat langsung proses pengolahan.",
    "Pelaku usaha berharap pemerintah membantu perizinan, sertifikasi halal, dan "
    "akses ke pasar modern.",
    "Sejumlah produk unggulan seperti {KOM} dan {KOM2} dipamerkan dalam kegiatan "
    "tersebut.",
    "Program ini diharapkan menumbuhkan wirausaha baru di sektor industri pengolahan.",
    "Kendala lain yang dihadapi pelaku usaha adalah keterbatasan mesin produksi "
    "dan tenaga terampil.",
    "Ke depan, pengembangan kawasan industri akan difokuskan pada komoditas yang "
    "memiliki nilai tambah tinggi.",
    "Harga {KOM} di tingkat petani dalam beberapa bulan terakhir relatif stabil, "
    "meski permintaan dari luar daerah meningkat.",
    "Pemerintah daerah juga menyiapkan lahan untuk pembangunan sentra industri "
    "kecil di pinggiran kota.",
    "Sertifikasi produk dinilai penting agar pelaku usaha dapat menembus pasar "
    "ritel modern dan ekspor.",
    "Kegiatan ditutup dengan penyerahan bantuan peralatan produksi kepada "
    "kelompok usaha bersama.",
    "Para pelaku usaha mengaku omzet mereka meningkat setelah mengikuti "
    "pendampingan selama beberapa bulan.",
    "Pemasaran produk kini banyak dilakukan melalui lokapasar dan media sosial.",
    "Koperasi setempat dilibatkan untuk menampung hasil produksi anggota sebelum "
    "dipasarkan ke luar daerah.",
    "Infrastruktur jalan dan listrik di sentra produksi masih perlu ditingkatkan "
    "agar biaya angkut turun.",
    "Kemasan yang menarik dinilai mampu menaikkan harga jual produk olahan {KOM}.",
    "Pengembangan industri {KOM} juga diharapkan mengurangi ketergantungan pada "
    "bahan baku dari luar negeri.",
    "Pelatihan serupa sebelumnya digelar di beberapa kecamatan dengan hasil yang "
    "cukup baik.",
    "Pelaku usaha muda diharapkan memanfaatkan peluang ekonomi kreatif berbasis "
    "budaya lokal.",
    "Peningkatan kualitas sumber daya manusia menjadi kunci daya saing industri "
    "daerah.",
    "Sebagian pelaku usaha masih kesulitan memperoleh bahan baku dengan harga "
    "yang stabil sepanjang tahun.",
    "Pembeli dari sejumlah kota besar disebut tertarik menjalin kontrak pasokan "
    "jangka panjang.",
)

# Agencies most industry news names; the rest of the national ones less often.
CORE_AGENCY_WORDS = (
    "perindustrian",
    "perdagangan",
    "statistik",
    "koperasi",
    "investasi",
    "penanaman modal",
    "keuangan",
    "bank indonesia",
    "pertanian",
    "usaha mikro",
)


# ---------------------------------------------------------------------------
# Configuration and results.


@dataclass(frozen=True)
class CorpusConfig:
    articles: int
    seed: int = SEED
    misspell_rate: float = 0.15
    min_words: int = 350
    max_words: int = 700
    first_year: int = 2010
    last_year: int = 2025


@dataclass(frozen=True)
class SyntheticArticle:
    path: str  # relative to the content folder: articles/YYYY/<slug>.md
    text: str  # the whole file
    words: int  # words in the body
    mentions: int  # agency and person mentions written
    misspelt: int  # of which misspelt
    entities: tuple[str, ...]  # authority ids mentioned


@dataclass
class CorpusStats:
    articles: int = 0
    words: int = 0
    mentions: int = 0
    misspelt: int = 0
    seconds: float = 0.0
    expected: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def misspelt_share(self) -> float:
        return self.misspelt / self.mentions if self.mentions else 0.0

    def add(self, article: SyntheticArticle) -> None:
        self.articles += 1
        self.words += article.words
        self.mentions += article.mentions
        self.misspelt += article.misspelt
        self.expected[article.path] = article.entities


# ---------------------------------------------------------------------------
# Helpers.


def thousands(value: int) -> str:
    """``12500`` -> ``"12.500"``."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, places: int = 2) -> str:
    """``5.1`` -> ``"5,10"`` (Indonesian decimal comma)."""
    return f"{value:.{places}f}".replace(".", ",")


def misspell(label: str, rng: random.Random, *, keep_first: bool) -> str | None:
    """``label`` with one slip, or None when no word may carry one."""
    words = label.split(" ")
    if "Kementerian" in words and rng.random() < 0.4:
        return label.replace("Kementerian", "Kementrian", 1)
    start = 1 if keep_first else 0
    candidates = [
        i for i in range(start, len(words)) if len(words[i]) >= 6 and words[i].isalpha()
    ]
    if len(words) < 2 or not candidates:
        return None
    index = rng.choice(candidates)
    word = words[index]
    for _ in range(6):
        position = rng.randrange(1, len(word) - 1)
        if rng.random() < 0.5:
            slipped = word[:position] + word[position + 1 :]
        else:
            slipped = (
                word[:position]
                + word[position + 1]
                + word[position]
                + word[position + 2 :]
            )
        if slipped != word:
            words[index] = slipped
            return " ".join(words)
    return None


@dataclass(frozen=True)
class _Person:
    id: str
    title: str
    name: str
    aliases: tuple[str, ...]


class _Slots(dict):
    """Values for one template, made on demand (``str.format_map``)."""

    def __init__(self, article: _ArticleWriter) -> None:
        super().__init__()
        self.article = article

    def __missing__(self, key: str) -> str:
        value = self.article.slot(key)
        self[key] = value
        return value


# ---------------------------------------------------------------------------
# The generator.


class CorpusGenerator:
    """Articles from one seed; the pools are read once from the authority."""

    def __init__(self, config: CorpusConfig, authority: Authority) -> None:
        if config.min_words < 120 or config.max_words < config.min_words + 60:
            raise ValueError("need min_words >= 120 and max_words >= min_words + 60")
        self.config = config
        self.authority = authority
        self.rng = random.Random(config.seed)
        regions = authority.regions
        self.provinces = [r for r in regions if r.kind == "province"]
        self.lampung_places = [
            r
            for r in regions
            if r.parent == "lampung" and r.kind in ("regency", "city")
        ]
        national = [a for a in authority.agencies if a.region in (None, "indonesia")]
        self.core_agencies = [
            a
            for a in national
            if any(word in a.name.lower() for word in CORE_AGENCY_WORDS)
        ]
        self.national_agencies = national
        self.by_region: dict[str, list] = {}
        for agency in authority.agencies:
            if agency.region and agency.region != "indonesia":
                self.by_region.setdefault(agency.region, []).append(agency)
        self.bps = authority.agency_by_id.get("bps")
        self.bi = authority.agency_by_id.get("bi")
        self.slugs: dict[str, int] = {}
        self.start = dt.date(config.first_year, 1, 1).toordinal()
        self.stop = dt.date(config.last_year, 12, 31).toordinal()

    def articles(self) -> Iterator[SyntheticArticle]:
        for _ in range(self.config.articles):
            yield _ArticleWriter(self).write()

    def people_for(self, day: dt.date, region_ids: set[str]) -> list[_Person]:
        found = []
        for person in self.authority.people:
            for role in person.roles:
                if not role.active_on(day):
                    continue
                agency = self.authority.agency_by_id.get(role.agency or "")
                place = agency.region if agency else None
                if place in (None, "indonesia") or place in region_ids:
                    found.append(
                        _Person(person.id, role.title, person.name, person.labels)
                    )
                    break
        return found

    def unique_slug(self, title: str) -> str:
        base = slugify(title, max_length=70, word_boundary=True) or "berita"
        count = self.slugs.get(base, 0) + 1
        self.slugs[base] = count
        return base if count == 1 else f"{base}-{count}"


class _ArticleWriter:
    """One article: its facts, its mentions, its text."""

    def __init__(self, corpus: CorpusGenerator) -> None:
        self.corpus = corpus
        rng = self.rng = corpus.rng
        config = corpus.config
        self.date = dt.date.fromordinal(rng.randint(corpus.start, corpus.stop))
        self.time = f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"
        if rng.random() < 0.5:
            self.region = corpus.authority.region_by_id["lampung"]
            place = rng.choice([None, *corpus.lampung_places])
        else:
            self.region = rng.choice(corpus.provinces)
            place = None
        if place is None:
            self.location = CAPITALS.get(self.region.id, self.region.name)
            region_ids = {self.region.id}
        else:
            self.location = place.name.removeprefix("Kabupaten ").removeprefix("Kota ")
            region_ids = {self.region.id, place.id}
        self.region_prose = PROSE_NAMES.get(self.region.id, self.region.name)
        active = [
            a
            for region_id in sorted(region_ids)
            for a in corpus.by_region.get(region_id, [])
            if a.active_on(self.date)
        ]
        self.regional = active
        self.core = [a for a in corpus.core_agencies if a.active_on(self.date)]
        self.national = [a for a in corpus.national_agencies if a.active_on(self.date)]
        self.people = corpus.people_for(self.date, region_ids)
        self.main = self._pick_agency()
        self.source, self.domain = rng.choice(PUBLISHERS)
        self.target = rng.randint(config.min_words, config.max_words - 50)
        self.mentions = 0
        self.misspelt = 0
        self.entities: dict[str, None] = {}
        self.last_person: _Person | None = None

    # -- mentions -----------------------------------------------------------

    def _pick_agency(self):
        rng = self.rng
        roll = rng.random()
        if self.regional and roll < 0.55:
            return rng.choice(self.regional)
        if self.core and roll < 0.9:
            return rng.choice(self.core)
        return rng.choice(self.national)

    def _mention(
        self,
        entity_id: str,
        labels: tuple[str, ...],
        aliases: tuple[str, ...] = (),
        *,
        keep_first: bool,
    ) -> str:
        """A name for an entity: mostly its name or acronym, now and then an
        alias, misspelt at the configured rate."""
        rng = self.rng
        self.mentions += 1
        self.entities.setdefault(entity_id, None)
        if rng.random() < self.corpus.config.misspell_rate:
            longest = max(labels, key=len)
            slipped = misspell(longest, rng, keep_first=keep_first)
            if slipped is not None:
                self.misspelt += 1
                return slipped
        roll = rng.random()
        if len(labels) > 1 and roll < 0.5:
            return rng.choice(labels[1:])
        if len(aliases) and roll < 0.55:
            return rng.choice(aliases)
        return labels[0]

    def agency(self, agency=None) -> str:
        if agency is None:
            agency = self.main if self.rng.random() < 0.4 else self._pick_agency()
        labels = (agency.name, *agency.acronyms)
        return self._mention(agency.id, labels, agency.aliases, keep_first=True)

    def person(self) -> str:
        if not self.people:
            return "pejabat setempat"
        person = self.rng.choice(self.people)
        self.last_person = person
        name = self._mention(
            person.id, (person.name,), person.aliases, keep_first=False
        )
        return f"{person.title} {name}"

    # -- template slots -----------------------------------------------------

    def slot(self, key: str) -> str:
        rng = self.rng
        year = self.date.year
        match key:
            case "A" | "A2":
                return self.agency()
            case "P":
                return self.person()
            case "PN":
                if self.last_person is None:
                    return self.person()
                words = self.last_person.name.split(" ")
                return words[-1] if "." not in words[-1] else words[0]
            case "BPS":
                return self.agency(self.corpus.bps) if self.corpus.bps else "BPS"
            case "BI":
                return self.agency(self.corpus.bi) if self.corpus.bi else "BI"
            case "LOC":
                return self.location
            case "REG":
                return self.region_prose
            case "KOM" | "KOM2":
                return rng.choice(KOMODITAS)
            case "KOMT":
                return rng.choice(KOMODITAS).title()
            case "KEG":
                return rng.choice(KEGIATAN)
            case "KEGT":
                return rng.choice(KEGIATAN).title()
            case "PROG":
                return rng.choice(PROGRAM)
            case "PROGT":
                return rng.choice(PROGRAM).title()
            case "SEKTOR":
                return rng.choice(SEKTOR)
            case "HARI":
                return (
                    f"{DAY_NAMES[self.date.weekday()]} "
                    f"({self.date.day}/{self.date.month})"
                )
            case "TH":
                return str(year)
            case "TH1":
                return str(year - 1)
            case "Q":
                return rng.choice(ROMAN)
            case "BLN":
                return MONTH_NAMES[rng.randrange(12)]
            case "PCT":
                return decimal(rng.uniform(-2.5, 8.5))
            case "PCT2":
                return decimal(rng.uniform(5, 35))
            case "BIR":
                return decimal(rng.choice((3.5, 4.25, 5.75, 6.0, 6.25)))
            case "N" | "N2":
                return thousands(rng.randint(120, 95_000))
            case "NS":
                return str(rng.randint(20, 300))
            case "IDX":
                return decimal(rng.uniform(95, 125))
            case "IPM":
                return decimal(rng.uniform(62, 82))
            case "GINI":
                return decimal(rng.uniform(0.3, 0.42), 3)
            case "UMP":
                return "Rp" + thousands(rng.randint(1_200, 5_400) * 1000)
            case "RP":
                return f"Rp{decimal(rng.uniform(1, 40), 1)} triliun"
            case "RPM":
                return f"Rp{rng.randint(5, 950)} miliar"
            case "RPJ":
                return f"Rp{decimal(rng.uniform(25, 90), 1)} juta"
            case "USD":
                return f"US${decimal(rng.uniform(10, 900), 1)} juta"
        raise KeyError(key)

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self))

    # -- the article --------------------------------------------------------

    def _sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.22:
            return self.fill(rng.choice(AGENCY_SENTENCES))
        if roll < 0.36:
            if self.last_person is not None and rng.random() < 0.4:
                return self.fill(rng.choice(SHORT_PERSON_SENTENCES))
            return self.fill(rng.choice(PERSON_SENTENCES))
        if roll < 0.56:
            return self.fill(rng.choice(FIGURE_SENTENCES))
        return self.fill(rng.choice(FILLER_SENTENCES))

    def write(self) -> SyntheticArticle:
        rng = self.rng
        corpus = self.corpus
        title = self.fill(rng.choice(TITLES))
        slug = corpus.unique_slug(title)
        lead = self.fill(rng.choice(LEADS))
        dateline = self.location.upper().replace(" ", "")
        paragraphs = [[f"{dateline}, {self.source} — {lead}"]]
        words = len(paragraphs[0][0].split())
        heading = rng.choice(HEADINGS) if rng.random() < 0.2 else None
        blocks: list[str] = []
        per_paragraph = rng.randint(2, 4)
        while words < self.target:
            sentence = self._sentence()
            words += len(sentence.split())
            if len(paragraphs[-1]) >= per_paragraph:
                paragraphs.append([])
                per_paragraph = rng.randint(2, 4)
            paragraphs[-1].append(sentence)
        for number, paragraph in enumerate(paragraphs):
            if heading and number == max(1, len(paragraphs) * 2 // 3):
                blocks.append(f"## {heading}")
                words += len(heading.split()) + 1
            blocks.append(" ".join(paragraph))
        body = "\n\n".join(blocks) + "\n"
        header = [
            f"Title: {title}",
            f"Date: {self.date.isoformat()} {self.time}",
            f"Slug: {slug}",
            "Lang: id",
            f"Source: {self.source}",
            f"Source_url: https://{self.domain}.example/{self.date.year}/{slug}/",
            f"Location: {self.location}",
            f"Region: {self.region.name}",
            f"Tags: {', '.join(rng.sample(TAGS, rng.randint(2, 4)))}",
        ]
        if rng.random() < 0.3:
            header.append(
                f"Caption: Suasana {rng.choice(KEGIATAN)} di {self.location}, "
                f"{self.slot('HARI')}."
            )
        header.append(f"Summary: {lead}")
        text = "\n".join(header) + "\n\n" + body
        return SyntheticArticle(
            path=f"articles/{self.date.year}/{slug}.md",
            text=text,
            words=len(body.split()),
            mentions=self.mentions,
            misspelt=self.misspelt,
            entities=tuple(self.entities),
        )


# ---------------------------------------------------------------------------
# Writing an archive.


def generate_corpus(
    target: str | Path,
    config: CorpusConfig,
    *,
    source_content: str | Path = SOURCE_CONTENT,
) -> CorpusStats:
    """Write a synthetic content folder at ``target`` (which must not hold one).

    The authority files, pages and extra files are copied from
    ``source_content``; ``config.articles`` articles are written under
    ``articles/``.
    """
    started = time.perf_counter()
    target = Path(target)
    source_content = Path(source_content)
    if (target / "articles").exists():
        raise FileExistsError(f"{target / 'articles'} exists already")
    target.mkdir(parents=True, exist_ok=True)
    for folder in COPIED_FOLDERS:
        if (source_content / folder).is_dir():
            shutil.copytree(source_content / folder, target / folder)
    authority = load_authority(target / "authority")
    stats = CorpusStats()
    made: set[Path] = set()
    for article in CorpusGenerator(config, authority).articles():
        path = target / article.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(article.text, encoding="utf-8")
        stats.add(article)
    stats.seconds = time.perf_counter() - started
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warta.bench.corpus",
        description="Write a synthetic Warta content folder.",
    )
    parser.add_argument("target", help="content folder to create")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--misspell-rate", type=float, default=0.15)
    args = parser.parse_args(argv)
    config = CorpusConfig(args.articles, args.seed, args.misspell_rate)
    stats = generate_corpus(args.target, config)
    print(
        f"{stats.articles} articles, {stats.words} words, {stats.mentions} mentions "
        f"({stats.misspelt_share:.1%} misspelt) in {stats.seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
