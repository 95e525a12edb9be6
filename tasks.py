"""Invoke tasks: the real work behind the Makefile's commands.

invoke build     build content/ into output/ (fails on any warning or error)
invoke serve     build, then serve output/ on http://127.0.0.1:8000
invoke test      install Chromium if missing, run the whole test suite
invoke lint      ruff check and ruff format --check
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import invoke
from invoke import Exit

from warta.errors import WartaError

ROOT = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
HELP_FLAGS = ("--help", "-h")


def task(*args, **kwargs):
    """invoke's ``@task``, with ``invoke TASK --help`` printing the task's help
    also when the task takes a positional argument: invoke 3.0.3 gives the
    flag to that argument as its value (pyinvoke/invoke#982), so that
    ``invoke new --help`` wrote an article called "--help"."""
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return task()(args[0])

    def decorate(function):
        @functools.wraps(function)
        def body(c, *positional, **named):
            if any(value in HELP_FLAGS for value in (*positional, *named.values())):
                name = function.__name__.replace("_", "-")
                command = [sys.executable, "-m", "invoke", "-r", str(ROOT)]
                subprocess.run([*command, "--help", name], check=False)
                return None
            return function(c, *positional, **named)

        return invoke.task(*args, **kwargs)(body)

    return decorate


def _build(
    settings: str, output: str | None, verbose: bool, incremental: bool = False
) -> Path:
    import sitebuild  # imported here: Pelican loads only for tasks that build

    report = sitebuild.build(
        ROOT / settings, output=output, verbose=verbose, incremental=incremental
    )
    if sitebuild.report_and_exit_code(report):
        raise Exit(code=1)
    return report.output


@task(
    help={
        "settings": "Pelican settings file (publishconf.py for the public site)",
        "output": "output folder (default: output/)",
        "verbose": "log every file written",
        "incremental": "keep the output and render only pages whose inputs changed",
    }
)
def build(c, settings="pelicanconf.py", output=None, verbose=False, incremental=False):
    """Build the archive from content/; exit non-zero on any warning or error."""
    _build(settings, output, verbose, incremental)


@task(
    help={
        "port": "port to listen on (default 8000; 0 picks a free one)",
        "host": "address to bind (default 127.0.0.1)",
        "settings": "Pelican settings file",
        "clean": "rebuild everything (default: only pages whose inputs changed)",
        "watch": "rebuild when content, theme or settings change (--no-watch: never)",
        "content": "content folder (default: the settings')",
        "output": "output folder (default: the settings')",
    }
)
def serve(
    c,
    port=8000,
    host="127.0.0.1",
    settings="pelicanconf.py",
    clean=False,
    watch=True,
    content=None,
    output=None,
):
    """Build the archive (incrementally), serve it, rebuild on change until Ctrl-C."""
    import sitebuild

    code = sitebuild.serve_live(
        ROOT / settings,
        host=host,
        port=int(port),
        content=content,
        output=output,
        incremental=not clean,
        watch=watch,
        announce=lambda message: print(message, flush=True),
    )
    if code:
        raise Exit(code=code)


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo"):
        return ["sudo", *command]
    raise Exit(f"need root to run: {' '.join(command)}", code=1)


@task
def browser(c):
    """Install Debian's Chromium for the browser tests, if it is not there."""
    if CHROMIUM.exists():
        return
    print("Chromium tidak ditemukan: memasang paket Debian 'chromium' ...", flush=True)
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    c.run(" ".join(_as_root(["apt-get", "update", "-qq"])), env=env)
    c.run(" ".join(_as_root(["apt-get", "install", "-y", "-qq", "chromium"])), env=env)
    if not CHROMIUM.exists():
        raise Exit(f"{CHROMIUM} is still missing after apt-get install", code=1)


@task
def node_tools(c):
    """Install the browser-side test tools pinned in package-lock.json (axe-core)."""
    needed = (
        "axe-core/axe.min.js",
        "lighthouse/cli/index.js",
        "vnu-jar/build/dist/vnu.jar",
    )
    if all((ROOT / "node_modules" / path).exists() for path in needed):
        return
    if not shutil.which("npm"):
        raise Exit("npm is missing: install Debian's nodejs and npm packages", code=1)
    c.run("npm ci --no-audit --no-fund", echo=True)


@task(
    pre=[browser, node_tools],
    help={"args": "extra pytest arguments, e.g. -k seed or -x"},
)
def test(c, args=""):
    """Run the whole test suite (unit, plugin, whole-site, browser)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task
def lint(c):
    """Check code style with ruff."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task
def fmt(c):
    """Format the code with ruff."""
    c.run(f"{sys.executable} -m ruff check --fix .")
    c.run(f"{sys.executable} -m ruff format .")


@task
def lock(c):
    """Rewrite requirements.lock from the packages installed in .venv."""
    frozen = c.run(
        f"{sys.executable} -m pip freeze --all --exclude-editable", hide=True
    ).stdout.splitlines()
    pinned = [
        line for line in frozen if not line.startswith(("warta==", "pip==", "wheel=="))
    ]
    header = [
        "# Pinned versions of every Python package (runtime and tests).",
        "# Regenerate after changing pyproject.toml: invoke lock",
    ]
    (ROOT / "requirements.lock").write_text("\n".join(header + pinned) + "\n")
    print(f"requirements.lock: {len(pinned)} packages")


IMPORT_HELP = {
    "update": "replace an existing article (a backup is written first)",
    "dry_run": "print the Markdown instead of writing a file",
    "content": "content folder (default: content/)",
}
FETCH_HELP = {
    "timeout": "seconds before a request is given up (default 15)",
    "delay": "seconds between two requests to one host (default 1)",
    "retries": "retries after a server error or a broken connection (default 3)",
    "backoff": "seconds before the first retry, doubled for each next one (default 1)",
    "max_bytes": "largest response accepted, in bytes (default 5 MiB)",
}


def _fetch_options(arguments: dict) -> dict:
    """The fetch options among a task's arguments (invoke needs them spelt out)."""
    return {key: arguments[key] for key in FETCH_HELP}


def _importer(content, update, dry_run, **fetch):
    from warta.ingest.fetch import Fetcher, FetchOptions
    from warta.ingest.importer import Importer

    options = FetchOptions()
    overrides = fetch
    options = FetchOptions(
        **{
            **options.__dict__,
            **{
                k: type(getattr(options, k))(v)
                for k, v in overrides.items()
                if v is not None
            },
        }
    )
    try:
        return Importer.for_content(
            Path(content), update=update, dry_run=dry_run, fetcher=Fetcher(options)
        )
    except WartaError as error:  # a faulty places.yaml
        print(f"GAGAL: {error}", file=sys.stderr)
        raise Exit(code=1) from None


def _run_import(action):
    try:
        outcome = action()
    except WartaError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        raise Exit(code=1) from None
    for note in outcome.notes():
        print(f"CATATAN: {note}", file=sys.stderr)
    if outcome.markdown is not None:
        sys.stdout.write(outcome.markdown)
        return
    print(f"ditulis: {outcome.path}", file=sys.stderr)
    if outcome.backup:
        print(f"cadangan: {outcome.backup}", file=sys.stderr)


@task(help={"file": "a text file, or - to read standard input", **IMPORT_HELP})
def import_text(c, file, update=False, dry_run=False, content="content"):
    """Import an article from text pasted from a news site."""
    importer = _importer(content, update, dry_run)

    def action():
        if file == "-":
            return importer.from_text(sys.stdin.read(), "<stdin>")
        try:
            raw = Path(file).read_bytes()
        except OSError as error:
            raise _unreadable(file, error) from None
        from warta.ingest.encoding import decode_page
        from warta.ingest.errors import IngestError

        try:
            text = decode_page(raw)
        except UnicodeDecodeError:
            raise IngestError(
                file, "unknown text encoding (not a text file?)"
            ) from None
        return importer.from_text(text, file)

    _run_import(action)


def _unreadable(file, error):
    from warta.ingest.errors import IngestError

    return IngestError(file, f"cannot read the file: {error.strerror or error}")


@task(
    help={
        "file": "a saved HTML page",
        "url": "the page's original address",
        **IMPORT_HELP,
    }
)
def import_html(c, file, url=None, update=False, dry_run=False, content="content"):
    """Import an article from a saved web page."""
    importer = _importer(content, update, dry_run)

    def action():
        try:
            raw = Path(file).read_bytes()
        except OSError as error:
            raise _unreadable(file, error) from None
        return importer.from_html(raw, file, url=url)

    _run_import(action)


@task(help={"url": "the article's address", **IMPORT_HELP, **FETCH_HELP})
def import_url(
    c,
    url,
    update=False,
    dry_run=False,
    content="content",
    timeout=None,
    delay=None,
    retries=None,
    backoff=None,
    max_bytes=None,
):
    """Fetch a news page and import its article."""
    importer = _importer(content, update, dry_run, **_fetch_options(locals()))
    _run_import(lambda: importer.from_url(url))


@task(
    help={
        "url": "an RSS/Atom feed or a sitemap",
        "since": "only articles published on or after this date (YYYY-MM-DD)",
        "limit": "import at most this many articles",
        **IMPORT_HELP,
        **FETCH_HELP,
    }
)
def crawl(
    c,
    url,
    since=None,
    limit=None,
    update=False,
    dry_run=False,
    content="content",
    timeout=None,
    delay=None,
    retries=None,
    backoff=None,
    max_bytes=None,
):
    """Import every new article that a feed or a sitemap lists."""
    import datetime as dt

    from tqdm import tqdm

    importer = _importer(content, update, dry_run, **_fetch_options(locals()))
    try:
        since_date = dt.date.fromisoformat(since) if since else None
    except ValueError:
        raise Exit(
            f"GAGAL: --since {since!r} is not a date (YYYY-MM-DD)", code=1
        ) from None
    try:
        summary = importer.crawl(
            url,
            since=since_date,
            limit=int(limit) if limit is not None else None,
            progress=lambda entries: tqdm(entries, desc="mengimpor", unit="berita"),
        )
    except WartaError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        raise Exit(code=1) from None
    for outcome in summary.imported:
        if outcome.markdown is not None:
            sys.stdout.write(outcome.markdown + "\n")
    print("\n".join(summary.lines()), file=sys.stderr)
    if summary.failed:
        raise Exit(code=1)


@task(help={"title": "the article's title", "content": "content folder"})
def new(c, title, content="content"):
    """Create an article file with every metadata field ready to fill in."""
    import datetime as dt

    from warta.ingest.importer import new_article, new_article_text

    if not title.strip():
        raise Exit("GAGAL: the title is empty", code=1)
    draft = new_article(title, today=dt.date.today())
    path = Path(content) / "articles" / f"{draft.date.year}" / f"{draft.slug}.md"
    if path.exists():
        raise Exit(f"GAGAL: {path} exists already", code=1)
    from warta.ingest.store import write_atomic

    try:
        write_atomic(path, new_article_text(draft), replace=False)
    except FileExistsError:
        raise Exit(f"GAGAL: {path} exists already", code=1) from None
    print(f"ditulis: {path}")


@task(help={"path": "a folder with html/<id>.html and ground-truth.json"})
def eval_extraction(c, path):
    """Score body extraction on the article-extraction-benchmark format."""
    from warta.ingest.evaluation import evaluate_folder

    try:
        scores = evaluate_folder(Path(path))
    except (WartaError, OSError, ValueError) as error:
        raise Exit(f"GAGAL: {path}: {error}", code=1) from None
    print(scores.report())


def _progress(label: str):
    """A progress bar over a list, on standard error when it is a terminal."""
    from tqdm import tqdm

    return lambda items: tqdm(items, desc=label, unit="berita", disable=None)


def _load_authority(content: Path):
    from warta.authority import load_authority

    return load_authority(content / "authority")


@task(help={"content": "content folder (default: content/)"})
def check(c, content="content"):
    """Check authority files and every article; exit non-zero on any fault."""
    from warta.checks import check_content

    report = check_content(Path(content))
    for fault in report.faults:
        print(f"GAGAL: {fault}", file=sys.stderr)
    for note in report.notes:
        print(f"CATATAN: {note}", file=sys.stderr)
    print(
        f"{report.articles} article(s) checked, {len(report.faults)} fault(s), "
        f"{len(report.notes)} note(s)",
        file=sys.stderr,
    )
    if report.faults:
        raise Exit(code=1)


@task(help={"content": "content folder (default: content/)"})
def candidates(c, content="content"):
    """List names the taggers did not recognise, as YAML for the authority files."""
    from warta.candidates import (
        AgencyGuesser,
        as_yaml,
        count_candidates,
        readable_articles,
        tag_corpus,
        unclassified_figures,
    )
    from warta.tagging import Tagger

    try:
        tagger = Tagger.load(Path(content) / "authority")
        guesser = AgencyGuesser(tagger.authority)
        files = readable_articles(Path(content))  # read and rendered once for both
        tagged = tag_corpus(tagger, files, progress=_progress("menandai"))
        figures = unclassified_figures(
            Path(content), files, progress=_progress("angka")
        )
    except WartaError as error:
        raise Exit(f"GAGAL: {error}", code=1) from None
    found = count_candidates(tagged)
    for kind, title, target in (
        ("agency", "Lembaga", "agencies.yaml"),
        ("person", "Tokoh", "people.yaml"),
    ):
        print(f"# === {title} belum dikenal ({target}) ===")
        print(as_yaml(found, kind, guesser) or "# (tidak ada)")
        print()
    print("# === Angka belum digolongkan (indicators.yaml) ===")
    for path, written, sentence in figures:
        print(f"# {written}: {sentence}  [{path}]")
    if not figures:
        print("# (tidak ada)")


@task(
    help={
        "file": "a CoNLL file (token ... BIO-tag per line)",
        "content": "content folder",
    }
)
def eval_entities(c, file, content="content"):
    """Score person and agency tagging against a CoNLL-style NER file."""
    from warta.entities import Matcher
    from warta.evaluation_entities import evaluate, read_conll, report

    try:
        matcher = Matcher.from_authority(_load_authority(Path(content)))
        sentences = list(read_conll(Path(file)))
    except (WartaError, OSError, ValueError) as error:
        raise Exit(f"GAGAL: {file}: {error}", code=1) from None
    print(f"{len(sentences)} sentences from {file}")
    print(report(evaluate(sentences, matcher)))


@task(
    help={
        "data": "a folder of news text: .jsonl/.csv records or .txt/.md files",
        "limit": "read at most this many articles",
        "content": "content folder (its authority/ is used)",
    }
)
def bench_tagging(c, data, limit=None, content="content"):
    """Tagging throughput over real news text: one core, then every core."""
    from warta.bench.tagging_speed import measure

    try:
        speed = measure(
            Path(data),
            Path(content) / "authority",
            int(limit) if limit else None,
        )
    except (WartaError, OSError, ValueError) as error:
        raise Exit(f"GAGAL: {error}", code=1) from None
    print(speed.report())


@task(
    help={
        "file": "a labelled set (YAML or JSON; see warta/indicators/evaluation.py)",
        "data": "folder of the news records the set's items name (dataset/file)",
        "show": "list every figure missed, extra, or with a field not as labelled",
        "content": "content folder (its authority/ is used)",
    }
)
def eval_indicators(c, file, data=None, show=False, content="content"):
    """Score figure extraction: precision, recall and F1 over labelled texts."""
    from warta.authority import load_places
    from warta.indicators.catalogue import load_catalogue
    from warta.indicators.evaluation import evaluate
    from warta.indicators.extract import place_scopes

    try:
        authority = Path(content) / "authority"
        catalogue = load_catalogue(authority / "indicators.yaml")
        places = place_scopes(load_places(authority, None))
        scores = evaluate(
            Path(file),
            catalogue,
            places,
            data=Path(data) if data else None,
            show=show,
        )
    except (WartaError, OSError, ValueError) as error:
        raise Exit(f"GAGAL: {file}: {error}", code=1) from None
    print(scores.report())


@task(
    help={
        "output": "an output folder already built (default: build content/ first)",
        "lighthouse": "run Lighthouse (default on; --no-lighthouse skips it)",
        "skip": "checks to skip, comma-separated: lighthouse,axe,vnu,links,structured",
        "site_url": "the public SITEURL, so absolute links to it are checked too",
        "content": "the content folder the site is (or was) built from",
    }
)
def audit(c, output=None, lighthouse=True, skip="", site_url="", content="content"):
    """Measure the built site: Lighthouse, axe, Nu checker, links, structured data."""
    from warta.audit.runner import AuditError, report_lines, run

    checks = {s.strip() for s in skip.split(",") if s.strip()}
    if not lighthouse:
        checks.add("lighthouse")
    if not checks >= {"lighthouse", "axe", "vnu"}:
        node_tools(c)  # axe-core; lighthouse and vnu-jar came later
        tools = ["lighthouse/cli/index.js", "vnu-jar/build/dist/vnu.jar"]
        if not all((ROOT / "node_modules" / tool).exists() for tool in tools):
            c.run("npm ci --no-audit --no-fund", echo=True)
    if not checks >= {"lighthouse", "axe"}:
        browser(c)

    def say(message):
        print(f"audit: {message}", file=sys.stderr, flush=True)

    try:
        report = run(
            output,
            skip=checks,
            site_urls=[site_url],
            content=Path(content).resolve(),
            progress=say,
        )
    except AuditError as error:
        raise Exit(f"GAGAL: {error}", code=1) from None
    print("\n".join(report_lines(report)))
    if not report.ok:
        raise Exit(code=1)


@task(
    help={
        "articles": "number of synthetic articles (default 2000)",
        "keep": "keep the synthetic content, builds and logs in this (new) folder",
        "skip_plain": "do not build the plain site (Pelican with no plugin)",
        "search": "also time a search in headless Chromium (see --query)",
        "query": "the word searched with --search (default: industri)",
        "warm": "also time a full rebuild with the cache the cold build filled",
        "incremental": "build incrementally, then time rebuilds after an edit, "
        "an added article and an authority change",
        "profile": "also profile a cold full build (cProfile) and print the top",
        "seed": "seed of the synthetic archive (default 20261128)",
        "json": "also write every figure as JSON to this file",
    }
)
def bench(
    c,
    articles=None,
    keep=None,
    skip_plain=False,
    search=False,
    query="industri",
    warm=False,
    incremental=False,
    profile=False,
    seed=None,
    json=None,
):
    """Build a synthetic archive of N articles, plain and full; measure both."""
    from warta.bench.measure import (
        BenchOptions,
        format_report,
        run_benchmark,
        write_json,
    )

    try:
        articles = int(articles) if articles is not None else 2000
        seed = int(seed) if seed is not None else None
    except ValueError:
        raise Exit("GAGAL: --articles and --seed take whole numbers", code=1) from None
    if articles < 1:
        raise Exit("GAGAL: --articles must be at least 1", code=1)
    options = BenchOptions(
        articles=articles,
        keep=keep,
        skip_plain=skip_plain,
        search=search,
        query=query,
        warm=warm,
        incremental=incremental,
        profile=profile,
        seed=seed,
        json_path=json,
    )
    try:
        results = run_benchmark(options)
    except (FileExistsError, WartaError) as error:
        raise Exit(f"GAGAL: {error}", code=1) from None
    print(format_report(results))
    if json:
        write_json(results, json)
        print(f"figures written to {json}", file=sys.stderr)
    if not results["targets"]["builds_ok"]:
        raise Exit(code=1)
