"""Spellings of one word, folded together before stemming.

Indonesian news often writes a word otherwise than the dictionary (KBBI)
does: ``kementrian`` for ``kementerian``, ``propinsi`` for ``provinsi``,
``resiko`` for ``risiko``. Each such word is stemmed as its standard form, so
that a search for either spelling finds the articles of both. A few prefixed
words that Snowball's Indonesian stemmer cuts wrongly (``mengonsumsi`` to
``onsumsi``, ``mempengaruhi`` to ``ngaruh``) are stemmed as their root.

Only words with no other meaning are listed (not ``rubah``, a fox, for
``ubah``), and only as ``words()`` gives them: lower case, ASCII.
"""

from __future__ import annotations

# word -> the word whose stem it takes
SAME_WORD = {
    # non-standard spellings
    "kementrian": "kementerian",
    "mentri": "menteri",
    "propinsi": "provinsi",
    "nopember": "november",
    "pebruari": "februari",
    "febuari": "februari",
    "resiko": "risiko",
    "ijin": "izin",
    "perijinan": "perizinan",
    "analisa": "analisis",
    "praktek": "praktik",
    "kwalitas": "kualitas",
    "kwartal": "kuartal",
    "kwintal": "kuintal",
    "jaman": "zaman",
    "aktifitas": "aktivitas",
    "kreatifitas": "kreativitas",
    "produktifitas": "produktivitas",
    "efektifitas": "efektivitas",
    "obyek": "objek",
    "subyek": "subjek",
    "obyektif": "objektif",
    "sistim": "sistem",
    "tehnik": "teknik",
    "tehnologi": "teknologi",
    "tekhnologi": "teknologi",
    "apotik": "apotek",
    "hutang": "utang",
    "himbau": "imbau",
    "himbauan": "imbauan",
    "menghimbau": "mengimbau",
    "dihimbau": "diimbau",
    "silahkan": "silakan",
    "nasehat": "nasihat",
    "kadaluarsa": "kedaluwarsa",
    "kadaluwarsa": "kedaluwarsa",
    "sekedar": "sekadar",
    "antri": "antre",
    "antrian": "antrean",
    "standarisasi": "standardisasi",
    "pengrajin": "perajin",
    "ekstrim": "ekstrem",
    "frekwensi": "frekuensi",
    "konsekwensi": "konsekuensi",
    "kwitansi": "kuitansi",
    "lembab": "lembap",
    "trampil": "terampil",
    "ketrampilan": "keterampilan",
    "cidera": "cedera",
    "jadual": "jadwal",
    "karir": "karier",
    "komplit": "komplet",
    "nampak": "tampak",
    "orisinil": "orisinal",
    "personil": "personel",
    "seksama": "saksama",
    "trilyun": "triliun",
    "milyar": "miliar",
    "milyard": "miliar",
    "miliard": "miliar",
    "menejemen": "manajemen",
    "managemen": "manajemen",
    "eksport": "ekspor",
    "sertipikat": "sertifikat",
    "hektar": "hektare",
    "katagori": "kategori",
    "telpon": "telepon",
    "azas": "asas",
    "pondasi": "fondasi",
    "merubah": "mengubah",
    # prefixed words the stemmer cuts wrongly, stemmed as their root
    "mengonsumsi": "konsumsi",
    "mengoordinasikan": "koordinasi",
    "memengaruhi": "pengaruh",
    "mempengaruhi": "pengaruh",
}
