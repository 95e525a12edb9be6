"""Pelican settings for Warta (development: relative URLs, no absolute SITEURL)."""

from pathlib import Path

from warta import chart, dates, structured
from warta.metadata import site_name

_HERE = Path(__file__).resolve().parent

SITENAME = "Warta"
SITESUBTITLE = "Arsip berita industri daerah"
SITEURL = ""
# Where `make serve` serves the site: absolute URLs in sitemaps and citations.
WARTA_DEV_URL = "http://127.0.0.1:8000"
RELATIVE_URLS = True

PATH = str(_HERE / "content")
OUTPUT_PATH = str(_HERE / "output")
THEME = str(_HERE / "theme")
PLUGIN_PATHS = [str(_HERE / "plugins")]
# Order matters: warta_browse reads what the entity and indicator plugins attach.
PLUGINS = [
    "warta_content",
    "warta_entities",
    "warta_indicators",
    "warta_browse",
    # Before search: it removes the pages of deleted articles, which the
    # search index must not see, once every page is written.
    "warta_incremental",
    "warta_search",
]
# Incremental builds (``invoke build --incremental``) turn this on.
WARTA_INCREMENTAL = False

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
# One language, no translations: without an id Pelican does not group the
# articles by slug to look for them, which compares every article with every
# other (2.5 s at 20,000 articles). Two articles with one URL are an error of
# their own (warta_content).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None


def _newest_first(article):
    """Newest first, and articles of one moment by slug. Pelican finds the
    files in an order that changes from process to process; looking for
    translations used to sort them by slug, and nothing else does now."""
    return (-article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = _newest_first
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.svg": {"path": "favicon.svg"},
}
# Authority files and other data are read by plugins, not published as pages.
IGNORE_FILES = [".#*", "*~", "authority"]

# Clean URLs: a folder per page with index.html inside (DESIGN.md).
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "berita/{date:%Y}/{date:%m}/{date:%d}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{slug}-{lang}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"

TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "topik/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
# Categories and authors are not how this archive is browsed.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DEFAULT_CATEGORY = "berita"
# Pelican gives DEFAULT_CATEGORY only when category pages are written; drafts
# need a category all the same.
DEFAULT_METADATA = {"category": "berita"}

ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DIRECT_TEMPLATES = ["index", "tags", "archives", "cari"]
CARI_SAVE_AS = "cari/index.html"
CARI_URL = "cari/"
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "period_archives": None,
    "lembaga": None,
    "tokoh": None,
    "kelompok": None,
}

# Feeds need an absolute SITEURL: publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Articles are Markdown; the reStructuredText reader is not used.
READERS = {"rst": None}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

JINJA_GLOBALS = {
    "ld_json": structured.ld_json,
    "breadcrumbs": structured.breadcrumbs,
    "breadcrumb_script": structured.breadcrumb_script,
    "news_article": structured.news_article,
    "entity_ld": structured.entity,
    "absolute": structured.absolute,
}

JINJA_FILTERS = {
    "angka": chart.number_id,
    "tanggal": dates.long_date,
    "tanggal_singkat": dates.day_month_year,
    "tanggal_tertulis": dates.written_date,
    "bulan_tahun": dates.month_year,
    "nama_bulan": dates.month_name,
    "situs": site_name,
}

MENUITEMS = ()
DISPLAY_PAGES_ON_MENU = False
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
# Tagging results are cached here between builds (keyed by text and authority files).
CACHE_PATH = str(_HERE / ".cache")

# Escape every value a template prints unless it is marked safe: article
# content is HTML (sanitised at import) and printed with |safe; metadata is text.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
