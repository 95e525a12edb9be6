"""Words around names that are no part of them: countries, ranks, short titles.

Folded as the matcher folds words (``warta.normalize``: lower case, no
accents). The tagger reads a country after an office as a foreign office
("Menteri Keuangan AS"); discovery leaves ranks ("Kombes"), short titles
("Kapolsek", "Menkes") and common words capitalised at a sentence's start
("Dilansir", "Keputusan") out of people's names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from warta.dates import DAY_NAMES, MONTH_NAMES


def word_set(words: str) -> frozenset[str]:
    """The words of ``words``, split at spaces: a list written as one string."""
    return frozenset(words.split())


# Countries and unions other than Indonesia, as Indonesian news names them
# ("_" joins the words of one name). Given names that are also countries'
# (Chad, Georgia, Jordan) are left out.
_COUNTRY_NAMES = (
    "afganistan afghanistan afrika_selatan albania aljazair amerika "
    "amerika_serikat angola arab_saudi argentina armenia as australia austria "
    "azerbaijan bahrain bangladesh belanda belarus belgia bhutan bolivia bosnia "
    "botswana brasil brazil britania_raya brunei brunei_darussalam bulgaria "
    "ceko chili china denmark ekuador estonia etiopia fiji filipina finlandia "
    "ghana hongaria hong_kong india inggris irak iran irlandia islandia israel "
    "italia jamaika jepang jerman kamboja kamerun kanada kazakhstan kenya "
    "kolombia kongo korea korea_selatan korea_utara korsel korut kroasia kuba "
    "kuwait laos latvia lebanon libya lituania luksemburg madagaskar malaysia "
    "maladewa maroko meksiko mesir mongolia mozambik myanmar namibia nepal "
    "nigeria norwegia oman pakistan palestina panama papua_nugini paraguay peru "
    "polandia portugal prancis perancis qatar rd_kongo republik_rakyat_china "
    "republik_rakyat_tiongkok rrc rrt rumania rusia rwanda "
    "selandia_baru senegal serbia singapura siprus slovakia slovenia somalia "
    "spanyol sri_lanka sudan suriah swedia swiss taiwan tanzania thailand "
    "tiongkok timor_leste tunisia turki uea uganda ukraina uni_eropa "
    "uni_emirat_arab uruguay uzbekistan vatikan venezuela vietnam yaman "
    "yordania yunani zambia zimbabwe"
)
COUNTRIES: frozenset[tuple[str, ...]] = frozenset(
    tuple(name.split("_")) for name in _COUNTRY_NAMES.split()
)
# First word -> the names it opens, longest first.
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in sorted(COUNTRIES, key=len, reverse=True):
    _BY_FIRST.setdefault(_name[0], []).append(_name)


# Words a country's name may open with.
COUNTRY_STARTS = frozenset(_BY_FIRST)


def country_at(tokens: Sequence[str], index: int, joined: Callable[[int], bool]) -> int:
    """How many tokens from ``index`` name a country (0 if they do not).

    ``joined(i)`` says whether token ``i`` goes on the name of token ``i - 1``
    (a space between them, no punctuation); the caller also checks capitals.
    """
    if index >= len(tokens):
        return 0
    for name in _BY_FIRST.get(tokens[index], ()):
        stop = index + len(name)
        if stop > len(tokens) or tuple(tokens[index:stop]) != name:
            continue
        if all(joined(i) for i in range(index + 1, stop)):
            return len(name)
    return 0


# Police and military ranks, and what follows them ("Komjen Pol.", "Kolonel
# (Purn)"), written before a name: "Kombes Arya Perdana".
RANKS = word_set(
    "jenderal komjen irjen brigjen kombes akbp kompol akp iptu ipda aiptu aipda "
    "bripka brigpol brigadir briptu bripda bharaka bharatu bharada letjen mayjen "
    "kolonel letkol mayor kapten lettu letda serma serka sertu serda pelda peltu "
    "kopka koptu kopda praka pratu prada laksamana laksdya laksda laksma marsekal "
    "marsdya marsda marsma pol tni purn"
)
# Titles written short, their office in them or after them: "Kapolsek Tenjo
# Iptu Hendrik", "Dirut PT ...", "PM Israel". A name follows a rank there, or
# a comma; not the office's words.
SHORT_TITLES = word_set(
    "kapolri wakapolri kapolda wakapolda irwasda irwasum kapolres wakapolres "
    "kapolresta kapolrestabes kapolsek wakapolsek kasat kasatreskrim kasatlantas "
    "kasatnarkoba kasatpolairud kasatpol kanit kabareskrim kadiv kasubdit "
    "dirreskrimum dirreskrimsus dirresnarkoba dirlantas dirpolairud kapuspen "
    "kasudin kasie kabag kasubag kasubbag karo kapus kaban kalak kadinkes kadisdik "
    "kadishub kadisperindag kadiskop dirut wadirut dirdik sekjen sestama kajati "
    "kajari danrem dandim danramil pangdam panglima kasad kasal kasau dansat danyon "
    "komandan dubes paus pj pjs pm vp svp evp ceo coo cfo cto gm cdm"
)
# Titles written short that hold their office, the name right after them:
# "Menkes Budi Gunadi Sadikin", "Wamenkeu Anggito Abimanyu".
OFFICE_TITLES = word_set(
    "menkes menkeu mendag menperin mentan menhan menlu mendagri menpora mensos "
    "menaker menkop menpar menbud menag menhub menko menpan menkum menham "
    "mendikdasmen mendiktisaintek menkomdigi menkominfo menparekraf menlhk menpupr "
    "mendes menpppa menkopukm menkopolkam menkopolhukam menko wamenkeu wamendag "
    "wamenperin wamen"
)
# Days and months, capitalised after a name without being part of it
# ("kata Airlangga Hartarto Kamis (30/3)").
DAYS_AND_MONTHS = frozenset(name.lower() for name in (*DAY_NAMES, *MONTH_NAMES))
# Occupations outside government that an apposition gives a name: "Shawn
# Mendes, penyanyi asal Kanada" is a singer, not the minister of villages.
PERFORMERS = word_set(
    "aktor aktris penyanyi musisi pemusik rapper sutradara produser komedian "
    "presenter model pemain pelatih pesepak pebulu petenis pebalap pegolf atlet "
    "pelukis penulis novelis"
)
# Verbs that a speaker's name follows: "kata Budi Santoso", "ujar Bima".
QUOTE_VERBS = word_set(
    "imbuh jelas jelasnya kata katanya papar sebut tambah tegas terang tutur ucap "
    "ujar ungkap"
)
# Common words that open sentences and are no one's name.
_COMMON = word_set(
    "apakah bagaimana selain masa metode hasil bantuan riwayat dokter pelatih "
    "promotor mandor marketing chairman peneliti profesor jaksa kuasa hukum korps "
    "garda duta besar kata dilansir dikutip diketahui dikatakan"
)
# Words built with an affix names do not take: ke-...-an ("Keputusan"),
# pe-/per-...-an ("Pernyataan", "Penunjukan"), me-...-kan ("Menggunakan"),
# ...-nya ("Sebelumnya"); not with letters Indonesian words seldom hold
# ("Pezeshkian").
_AFFIXED = re.compile(
    r"(?![a-z]*[qxz])(?:ke|pe[rmn]?|peng|peny)[a-z]{4,}an|me[mn]?[a-z]{4,}kan|[a-z]{4,}nya"
)


def common_word(lower: str) -> bool:
    """A folded word that is a common word, not a name ("keputusan")."""
    return lower in _COMMON or _AFFIXED.fullmatch(lower) is not None


# Words of the names of Indonesian government units, beyond those the
# authority files hold: a word of these ends no office with a person's name
# ("Kepala Biro Komunikasi dan Pelayanan Publik Aji Muhawarman").
OFFICE_WORDS = word_set(
    "administrasi agama air akreditasi aset anggaran anak arsip audit bangsa "
    "barang bea bencana berencana bina budaya cagar cipta cukai dalam dana daya "
    "data desa digital distribusi dokumentasi ekonomi ekspor energi evaluasi gizi "
    "haji hidup hubungan hukum humas impor industri informasi infrastruktur "
    "inovasi inspeksi integritas intelektual intelijen internasional investasi "
    "jasa kawasan kearsipan kebakaran kebijakan kebudayaan keamanan kekayaan "
    "kelautan kelembagaan keluarga kemasyarakatan kependudukan kepegawaian "
    "kepatuhan kepolisian kerja kesatuan kesehatan kesejahteraan ketertiban "
    "keuangan kreatif kriminal laksana lalu layanan lingkungan lintas logistik "
    "luar makanan marga masyarakat media menengah metrologi mikro mineral modal "
    "mutu narkoba negeri niaga obat olahraga organisasi otonomi pajak pangan "
    "pariwisata pekerjaan pelatihan pelayanan pelindungan pemadam pemasaran "
    "pemasyarakatan pembangunan pembinaan pemberdayaan pemuda pencatatan "
    "pendapatan pendidikan penanaman penanggulangan pendidikan pengadaan "
    "pengaduan pengelola pengelolaan pengembangan pengendalian penghubung "
    "penindakan penduduk penegakan penelitian penyelamatan penyidikan "
    "perbendaharaan perdagangan perempuan perencanaan perhubungan perikanan "
    "perizinan perkebunan perlindungan permukiman perpustakaan pers persidangan "
    "pertahanan pertambangan pertanahan pertanian perumahan peternakan pidana "
    "pintu politik prasarana profesi promosi protokol publik regional reserse "
    "riset ruang rumah sama sandi sarana satu sekretariat sertifikasi siber sipil "
    "sistem sosial standardisasi statistik strategis sumber tangga tata teknis "
    "teknologi tenaga terpadu tertib tertinggal tindak tradisi transmigrasi "
    "transportasi umum undangan urusan usaha veteriner wakaf zakat"
)
