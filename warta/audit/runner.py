"""``invoke audit``: measure a built site with real tools, against targets.

Five checks, each with its target:

========== ============================================= ====================
check      tool                                          target
========== ============================================= ====================
lighthouse Lighthouse 12 (npm) in Debian's Chromium       every score >= 95
axe        axe-core injected by Playwright               0 violations
vnu        the Nu HTML checker (npm ``vnu-jar``, Java)   0 errors
links      ``warta.audit.links`` over the whole output   0 broken links
structured ``warta.audit.structured`` over every page    0 missing fields
========== ============================================= ====================

Lighthouse and axe need the site over HTTP: the output is served by the
archive's own server (``sitebuild.make_server``) on 127.0.0.1, port 0. No
other host is reached: Chromium is started with ``--host-resolver-rules`` that
refuse every name but 127.0.0.1, and Lighthouse's error reporting is off.

Lighthouse keeps its default throttling, ``simulate``: the page loads at full
speed on 127.0.0.1 and Lighthouse computes the metrics a mid-range phone on a
slow 4G link would see from the recorded trace (Lantern). That model is
deterministic for a given page graph, so scores move only with CPU noise;
``provided`` would report the unthrottled loopback timings, which are always
near perfect and measure nothing.

Pelican is imported only to build (``sitebuild``), inside the functions.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warta.audit.links import LinkReport, check_links
from warta.audit.structured import (
    NO_JSON_LD,
    StructuredReport,
    check_structured,
    originals_from_content,
)
from warta.chromium import CHROMIUM, CHROMIUM_ARGS, HOST_RULES

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

SEED_PATH = (
    "/berita/2015/03/16/"
    "dinas-perindustrian-dtjen-ikm-gelar-rakor-revitalisasi-industri-kecil-menengah/"
)
PAGES: tuple[tuple[str, str], ...] = (
    ("beranda", "/"),
    ("berita", SEED_PATH),
    ("lembaga", "/lembaga/dinas-perindustrian-lampung/"),
    ("tokoh", "/tokoh/m-ridho-ficardo/"),
    ("indikator", "/indikator/ikm-share-industrial-gdp/"),
    ("cari", "/cari/?q=revitalisasi"),
)


def audit_pages(output: Path) -> tuple[tuple[str, str], ...]:
    """``PAGES`` as ``output`` holds them: a page missing there (a site built
    from other content than this repository's) is replaced by the first page
    of its kind, by path (not a numbered listing page, not a name the taggers
    found on their own); a kind with no page at all is left out."""
    chosen = []
    for name, path in PAGES:
        where = path.split("?")[0].strip("/")
        if (output / where / "index.html").is_file():
            chosen.append((name, path))
            continue
        folder = output / where.split("/")[0]
        found = sorted(
            page.parent.relative_to(output).as_posix()
            for page in folder.glob("*/**/index.html")
            if "halaman" not in page.parts
            and not page.parent.name.startswith("usulan-")
        )
        if found:
            chosen.append((name, f"/{found[0]}/"))
    return tuple(chosen)


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_TARGET = 95
# Runs of a page whose first run is below the target; the median stands.
LOW_SCORE_RUNS = 3
CHECKS = ("lighthouse", "axe", "vnu", "links", "structured")

CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]


class AuditError(Exception):
    """The audit could not run (a failed build, a missing tool)."""


# --- Lighthouse --------------------------------------------------------------


@dataclass
class FailingAudit:
    id: str
    title: str
    score: float | None
    weight: float
    display: str
    message: str = ""

    def __str__(self) -> str:
        if self.display == "error":
            return f"{self.id}: {self.title}: the audit itself failed: {self.message}"
        weight = f", weight {self.weight:g}" if self.weight else ""
        return f"{self.id} ({self.score:.2f}{weight}): {self.title}"


@dataclass
class LighthouseResult:
    name: str
    url: str
    scores: dict[str, int | None] = field(default_factory=dict)
    failing: dict[str, list[FailingAudit]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    def below(self, target: int = LIGHTHOUSE_TARGET) -> list[str]:
        if self.error:
            return list(CATEGORIES)
        return [c for c in CATEGORIES if (self.scores.get(c) or 0) < target]


def lighthouse_command(url: str, throttling: str = "simulate") -> list[str]:
    return [
        "node",
        str(LIGHTHOUSE_CLI),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--no-enable-error-reporting",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--throttling-method={throttling}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        f"--chrome-flags=--host-resolver-rules='{HOST_RULES}'",
    ]


def read_lighthouse(name: str, url: str, lhr: dict) -> LighthouseResult:
    """Scores (0-100) and failing audits from a Lighthouse JSON report."""
    result = LighthouseResult(name, url)
    audits = lhr.get("audits", {})
    if lhr.get("runtimeError"):
        result.error = lhr["runtimeError"].get("message", "runtime error")
    for warning in lhr.get("runWarnings", []):
        result.notes.append(f"warning: {warning}")
    for category in CATEGORIES:
        data = lhr.get("categories", {}).get(category)
        score = None if not data or data.get("score") is None else data["score"]
        result.scores[category] = None if score is None else round(score * 100)
        if score is not None and score >= 1:
            continue
        failing = []
        for ref in (data or {}).get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            display = audit.get("scoreDisplayMode")
            if display in ("notApplicable", "manual", "informative"):
                continue
            value = audit.get("score")
            if display == "error" or (value is not None and value < 1):
                failing.append(
                    FailingAudit(
                        ref["id"],
                        audit.get("title", ""),
                        None if display == "error" else value,
                        ref.get("weight", 0),
                        display or "",
                        audit.get("errorMessage", ""),
                    )
                )
        # scored audits first, by weight; audits that could not run last
        failing.sort(key=lambda a: (a.display == "error", -a.weight, a.score or 0))
        result.failing[category] = failing
    for audit_id in ("is-crawlable", "canonical", "robots-txt"):
        audit = audits.get(audit_id)
        if audit:
            state = audit.get("scoreDisplayMode")
            if state not in ("notApplicable", "error"):
                state = f"score {audit.get('score')}"
            result.notes.append(f"{audit_id}: {state}")
    return result


def run_lighthouse(
    base_url: str,
    pages: Sequence[tuple[str, str]] = PAGES,
    *,
    throttling: str = "simulate",
    timeout: float = 180,
    runs_when_low: int = LOW_SCORE_RUNS,
    progress: Callable[[str], None] | None = None,
) -> list[LighthouseResult]:
    """Lighthouse on each page, one after the other (parallel runs skew timing).

    A page whose first run falls below the target is run again, up to
    ``runs_when_low`` runs in all, and the run with the median performance
    score stands (``median_run``): the score moves with the machine's load
    from run to run, and Lighthouse's own guidance on variability is to take
    the median of several runs. A page slow in most runs still fails."""
    if not LIGHTHOUSE_CLI.is_file():
        raise AuditError(f"{LIGHTHOUSE_CLI} is missing: run 'npm ci'")
    if not CHROMIUM.exists():
        raise AuditError(f"{CHROMIUM} is missing: run 'invoke browser'")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    results = []
    for name, path in pages:
        url = base_url.rstrip("/") + path
        runs = []
        while len(runs) < max(1, runs_when_low):
            if progress:
                again = f" (run {len(runs) + 1})" if runs else ""
                progress(f"lighthouse {name} {url}{again}")
            runs.append(_lighthouse_once(name, url, throttling, timeout, env))
            if runs[0].error or not runs[0].below():
                break
        results.append(median_run(runs))
    return results


def median_run(runs: Sequence[LighthouseResult]) -> LighthouseResult:
    """The run with the median performance score (the lower middle of an even
    count), noting every run's score when there was more than one."""
    if len(runs) == 1:
        return runs[0]
    ranked = sorted(runs, key=lambda r: r.scores.get("performance") or 0)
    chosen = ranked[(len(ranked) - 1) // 2]
    scores = ", ".join(str(r.scores.get("performance")) for r in runs)
    chosen.notes.append(f"median of {len(runs)} runs; performance {scores}")
    return chosen


def _lighthouse_once(
    name: str, url: str, throttling: str, timeout: float, env: dict
) -> LighthouseResult:
    try:
        done = subprocess.run(
            lighthouse_command(url, throttling),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return LighthouseResult(name, url, error=f"timed out after {timeout:g} s")
    try:
        lhr = json.loads(done.stdout)
    except ValueError:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        message = f"exit {done.returncode}: {' | '.join(tail) or 'no output'}"
        return LighthouseResult(name, url, error=message)
    return read_lighthouse(name, url, lhr)


# --- axe-core ----------------------------------------------------------------


@dataclass
class AxeViolation:
    id: str
    impact: str | None
    help: str
    targets: list[str]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:5])
        more = f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else ""
        return f"{self.id} [{self.impact}] {self.help}: {shown}{more}"


@dataclass
class AxeResult:
    name: str
    url: str
    violations: list[AxeViolation] = field(default_factory=list)
    error: str | None = None


def _target(node: dict) -> str:
    parts = node.get("target") or []
    return " >> ".join(p if isinstance(p, str) else " ".join(p) for p in parts)


def _wait_for_search(page) -> None:
    """The search page has opened its index and shown its first answer."""
    page.wait_for_selector("html[data-cari-siap]", timeout=15_000)
    page.wait_for_selector("#hasil li, #status:not(:empty)", timeout=15_000)
    with contextlib.suppress(Exception):  # the query may find nothing
        page.wait_for_selector("#hasil li", timeout=5_000)


def axe_page(context, name: str, url: str) -> AxeResult:
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        if "/cari/" in url:
            _wait_for_search(page)
        page.add_script_tag(path=str(AXE_JS))
        raw = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    except Exception as error:  # noqa: BLE001 - a page that cannot be checked is a result
        return AxeResult(name, url, error=f"{type(error).__name__}: {error}")
    finally:
        page.close()
    violations = [
        AxeViolation(
            v["id"],
            v.get("impact"),
            v.get("help", ""),
            [_target(n) for n in v["nodes"]],
        )
        for v in raw["violations"]
    ]
    return AxeResult(name, url, violations)


def run_axe(
    base_url: str, pages: Sequence[tuple[str, str]] = PAGES, *, browser=None
) -> list[AxeResult]:
    """axe-core in each page; ``browser`` is a Playwright Chromium to reuse."""
    if not AXE_JS.is_file():
        raise AuditError(f"{AXE_JS} is missing: run 'npm ci'")

    def check(chromium) -> list[AxeResult]:
        context = chromium.new_context(bypass_csp=True, locale="id-ID")
        try:
            return [
                axe_page(context, name, base_url.rstrip("/") + path)
                for name, path in pages
            ]
        finally:
            context.close()

    if browser is not None:
        return check(browser)
    if not CHROMIUM.exists():
        raise AuditError(f"{CHROMIUM} is missing: run 'invoke browser'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROME_FLAGS[1:], f"--host-resolver-rules={HOST_RULES}"],
            headless=True,
        )
        try:
            return check(chromium)
        finally:
            chromium.close()


# --- the Nu HTML checker -----------------------------------------------------


@dataclass
class NuMessage:
    file: str
    line: int | None
    message: str
    extract: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass
class NuReport:
    errors: list[NuMessage] = field(default_factory=list)
    warnings: list[NuMessage] = field(default_factory=list)
    infos: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def grouped_warnings(self) -> dict[str, list[NuMessage]]:
        """Warnings with the same text but for quoted values (“…”) together."""
        groups: dict[str, list[NuMessage]] = defaultdict(list)
        for warning in self.warnings:
            groups[re.sub(r"“[^”]*”", "“…”", warning.message)].append(warning)
        return dict(sorted(groups.items(), key=lambda item: -len(item[1])))


def vnu_command(output: Path) -> list[str]:
    return [
        "java",
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--skip-non-html",
        str(output),
    ]


def read_vnu(data: dict, output: Path) -> NuReport:
    report = NuReport()
    prefixes = [output.resolve().as_uri(), "file:" + str(output.resolve())]
    for item in data.get("messages", []):
        url = item.get("url", "")
        for prefix in prefixes:
            if url.startswith(prefix):
                url = url[len(prefix) :].lstrip("/")
                break
        message = NuMessage(
            url, item.get("lastLine"), item.get("message", ""), item.get("extract", "")
        )
        kind = item.get("type")
        if kind in ("error", "non-document-error"):
            report.errors.append(message)
        elif kind == "info" and item.get("subType") == "warning":
            report.warnings.append(message)
        else:
            report.infos += 1
    return report


def run_vnu(output: str | Path, *, timeout: float = 600) -> NuReport:
    output = Path(output)
    if not VNU_JAR.is_file():
        raise AuditError(f"{VNU_JAR} is missing: run 'npm ci'")
    if not shutil.which("java"):
        raise AuditError("java is missing: install Debian's openjdk-17-jre-headless")
    done = subprocess.run(
        vnu_command(output),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    # vnu writes its JSON report to standard error.
    for stream in (done.stderr, done.stdout):
        text = stream.strip()
        if text.startswith("{"):
            return read_vnu(json.loads(text), output)
    raise AuditError(
        f"the Nu checker gave no report (exit {done.returncode}): "
        f"{(done.stderr or done.stdout)[-500:]}"
    )


# --- the site ----------------------------------------------------------------


def build_site(output: Path, content: Path = ROOT / "content") -> Path:
    """Build ``content`` into ``output`` with the project's build; fail on any
    warning or error, as ``invoke build`` does."""
    import sitebuild  # Pelican loads only here

    report = sitebuild.build(ROOT / "pelicanconf.py", output=output, content=content)
    if not report.ok:
        faults = report.errors + report.warnings
        raise AuditError("the build failed:\n" + "\n".join(faults))
    return report.output


# --- the whole audit ---------------------------------------------------------


@dataclass
class AuditReport:
    output: Path
    lighthouse: list[LighthouseResult] | None = None
    axe: list[AxeResult] | None = None
    vnu: NuReport | None = None
    links: LinkReport | None = None
    structured: StructuredReport | None = None
    crashed: dict[str, str] = field(default_factory=dict)

    def status(self) -> dict[str, tuple[str, str, bool | None]]:
        """check -> (result, target, passed); passed is None when skipped."""
        rows: dict[str, tuple[str, str, bool | None]] = {}
        target = f"every score >= {LIGHTHOUSE_TARGET}"
        if self.lighthouse is not None:
            scores = [s for r in self.lighthouse for s in r.scores.values()]
            known = [s for s in scores if s is not None]
            errors = sum(1 for r in self.lighthouse if r.error)
            low = sum(len(r.below()) for r in self.lighthouse)
            text = (
                f"min {min(known) if known else '-'}, {low} below target, "
                f"{len(self.lighthouse)} pages"
                + (f", {errors} failed" if errors else "")
            )
            rows["lighthouse"] = (text, target, low == 0 and errors == 0)
        else:
            rows["lighthouse"] = ("skipped", target, None)
        if self.axe is not None:
            count = sum(len(r.violations) for r in self.axe)
            errors = sum(1 for r in self.axe if r.error)
            text = f"{count} violations on {len(self.axe)} pages" + (
                f", {errors} not checked" if errors else ""
            )
            rows["axe"] = (text, "0 violations", count == 0 and errors == 0)
        else:
            rows["axe"] = ("skipped", "0 violations", None)
        if self.vnu is not None:
            text = f"{len(self.vnu.errors)} errors, {len(self.vnu.warnings)} warnings"
            rows["vnu"] = (text, "0 errors", self.vnu.ok)
        else:
            rows["vnu"] = ("skipped", "0 errors", None)
        if self.links is not None:
            text = (
                f"{len(self.links.broken)} broken of {self.links.links} "
                f"({self.links.pages} pages)"
            )
            rows["links"] = (text, "0 broken", self.links.ok)
        else:
            rows["links"] = ("skipped", "0 broken", None)
        if self.structured is not None:
            text = (
                f"{len(self.structured.faults)} of {self.structured.pages} pages "
                f"with gaps ({self.structured.with_json_ld} carry JSON-LD)"
            )
            rows["structured"] = (text, "0 gaps", self.structured.ok)
        else:
            rows["structured"] = ("skipped", "0 gaps", None)
        for check, message in self.crashed.items():
            rows[check] = (f"could not run: {message}", rows[check][1], False)
        return rows

    @property
    def ok(self) -> bool:
        return all(passed is not False for _, _, passed in self.status().values())


def audit(
    output: Path,
    base_url: str | None,
    *,
    skip: Iterable[str] = (),
    site_urls: Iterable[str] = (),
    content: Path | None = ROOT / "content",
    browser=None,
    progress: Callable[[str], None] | None = None,
) -> AuditReport:
    """Run every check not in ``skip`` on ``output`` (served at ``base_url``).

    ``content`` is the folder the site was built from: the structured-data
    check reads which articles have an original URL there."""
    skip = set(skip)
    report = AuditReport(output)
    say = progress or (lambda _message: None)

    def attempt(check: str, action: Callable[[], object]) -> None:
        if check in skip:
            return
        say(f"{check} ...")
        try:
            setattr(report, check, action())
        except (AuditError, OSError, subprocess.SubprocessError, ValueError) as error:
            report.crashed[check] = str(error)

    attempt("links", lambda: check_links(output, site_urls))
    attempt(
        "structured",
        lambda: check_structured(
            output, originals_from_content(content) if content else None
        ),
    )
    attempt("vnu", lambda: run_vnu(output))
    if base_url is not None:
        pages = audit_pages(output)
        attempt("axe", lambda: run_axe(base_url, pages, browser=browser))
        attempt("lighthouse", lambda: run_lighthouse(base_url, pages, progress=say))
    else:
        for check in ("axe", "lighthouse"):
            if check not in skip:
                report.crashed[check] = "no server to check"
    return report


def run(
    output: str | Path | None = None,
    *,
    skip: Iterable[str] = (),
    site_urls: Iterable[str] = (),
    content: Path = ROOT / "content",
    progress: Callable[[str], None] | None = None,
) -> AuditReport:
    """Build ``content`` (unless ``output`` is given), serve, and audit the site."""
    skip = set(skip)
    unknown = skip - set(CHECKS)
    if unknown:
        raise AuditError(
            f"unknown check(s) {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}"
        )
    with contextlib.ExitStack() as stack:
        if output is None:
            temp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            if progress:
                progress("building content/ ...")
            site = build_site(temp / "output", content)
        else:
            site = Path(output).resolve()
            if not (site / "index.html").is_file():
                raise AuditError(f"{site} holds no built site (no index.html)")
        base_url = None
        if not {"lighthouse", "axe"} <= skip:
            import sitebuild  # Pelican loads only here

            base_url = stack.enter_context(sitebuild.serving(site))
        return audit(
            site,
            base_url,
            skip=skip,
            site_urls=site_urls,
            content=Path(content),
            progress=progress,
        )


# --- the printed report ------------------------------------------------------


def _examples(items: Sequence[str], count: int = 3) -> str:
    shown = ", ".join(items[:count])
    return shown + (f", … (+{len(items) - count})" if len(items) > count else "")


def report_lines(report: AuditReport) -> list[str]:
    lines: list[str] = []
    if report.lighthouse is not None:
        lines.append("== Lighthouse (0-100) ==")
        header = f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES)
        lines.append(header)
        for result in report.lighthouse:
            cells = "".join(
                f"{'-' if result.scores.get(c) is None else result.scores[c]:>16}"
                for c in CATEGORIES
            )
            lines.append(f"{result.name:<10}{cells}")
        for result in report.lighthouse:
            if result.error:
                lines.append(f"  {result.name}: Lighthouse failed: {result.error}")
            for category, failing in result.failing.items():
                score = result.scores.get(category)
                lines.append(f"  {result.name} / {category} = {score}:")
                lines += [f"    - {audit}" for audit in failing] or [
                    "    (no single audit below 1)"
                ]
        notes = defaultdict(list)
        for result in report.lighthouse:
            for note in result.notes:
                notes[note].append(result.name)
        for note, names in notes.items():
            lines.append(f"  note: {note} [{', '.join(names)}]")
    if report.axe is not None:
        lines.append("== axe-core ==")
        for result in report.axe:
            if result.error:
                lines.append(f"  {result.name}: not checked: {result.error}")
            elif not result.violations:
                lines.append(f"  {result.name}: 0 violations")
            for violation in result.violations:
                lines.append(f"  {result.name}: {violation}")
    if report.vnu is not None:
        lines.append(
            f"== Nu HTML checker: {len(report.vnu.errors)} errors, "
            f"{len(report.vnu.warnings)} warnings =="
        )
        lines += [f"  ERROR {message}" for message in report.vnu.errors]
        for pattern, messages in report.vnu.grouped_warnings().items():
            files = [m.file for m in messages]
            lines.append(f"  warning x{len(messages)}: {pattern}")
            lines.append(f"    e.g. {messages[0]} [{_examples(files)}]")
    if report.links is not None:
        links = report.links
        lines.append(
            f"== links: {links.links} internal links on {links.pages} pages, "
            f"{links.external} external not followed, {len(links.broken)} broken =="
        )
        for (target, reason), broken in links.by_target().items():
            pages = [f"{b.page} ({b.url})" for b in broken]
            lines.append(f"  {target}: {reason}; on {len(broken)}: {_examples(pages)}")
    if report.structured is not None:
        data = report.structured
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(data.kinds.items()))
        lines.append(
            f"== structured data: {data.pages} pages ({kinds}), "
            f"{data.with_json_ld} with JSON-LD =="
        )
        for gap, pages in data.grouped().items():
            label = "MISSING" if gap == NO_JSON_LD else "gap"
            lines.append(f"  {label}: {gap}: {len(pages)} pages: {_examples(pages)}")
    for check, message in report.crashed.items():
        lines.append(f"== {check}: could not run: {message}")
    lines.append("== summary ==")
    lines.append(f"{'check':<12}{'status':<8}{'target':<24}result")
    for check, (result, target, passed) in report.status().items():
        status = {True: "ok", False: "FAIL", None: "skip"}[passed]
        lines.append(f"{check:<12}{status:<8}{target:<24}{result}")
    return lines
