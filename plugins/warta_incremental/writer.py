"""A Pelican writer that skips pages and feeds whose inputs are unchanged."""

from __future__ import annotations

import time
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

from jinja2 import meta
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from warta.incremental import (
    NOT_HANDLED,
    Digester,
    PageMemo,
    Unhashable,
    tree_digest,
)

MEMO_FILE = "warta-pages.json"
MARKER_FILE = "warta-build-started"
ROOT = Path(__file__).resolve().parents[2]
# The code that renders pages: a change in it changes every page.
CODE = (ROOT / "warta", ROOT / "plugins")
# Content attributes that are the whole site, not the article.
_NOT_OWN = frozenset({"settings", "_context"})

# One build at a time per output folder: (memo, sweep start) by output path.
_BUILDS: dict[str, tuple[PageMemo, int]] = {}


def _lenient(value, shallow):
    """Settings hold modules, classes and functions: named, not walked."""
    if isinstance(value, ModuleType):
        return f"module:{value.__name__}"
    if isinstance(value, type):
        return f"type:{value.__module__}.{value.__qualname__}"
    if isinstance(value, ZoneInfo):
        return f"zone:{value.key}"
    return NOT_HANDLED


def site_fingerprint(settings: dict) -> str:
    digester = Digester(_lenient)
    parts = []
    for key in sorted(settings):
        try:
            parts.append((key, digester.digest(settings[key])))
        except Unhashable:
            parts.append((key, type(settings[key]).__qualname__))
    theme = tree_digest([Path(settings["THEME"])])
    code = tree_digest(CODE, suffixes=(".py",))
    return digester.digest([parts, theme, code])


def begin_build(settings: dict) -> None:
    output = str(Path(settings["OUTPUT_PATH"]).resolve())
    cache = Path(settings["CACHE_PATH"])
    cache.mkdir(parents=True, exist_ok=True)
    marker = cache / MARKER_FILE
    marker.write_text(str(time.time()), encoding="utf-8")
    since_ns = marker.stat().st_ctime_ns
    memo = PageMemo(cache / MEMO_FILE, Path(output), site_fingerprint(settings))
    _BUILDS[output] = (memo, since_ns)


def finish_build(settings: dict) -> tuple[PageMemo, int] | None:
    return _BUILDS.pop(str(Path(settings["OUTPUT_PATH"]).resolve()), None)


class _Describer:
    """Pelican's objects for the digest: an article by its own data (what a
    page shows of it), or, reached through another article, by reference."""

    def __init__(self) -> None:
        self._own: dict[int, tuple[object, str]] = {}
        self._ref: dict[int, tuple[object, str]] = {}
        self.digester = Digester(self)

    def __call__(self, value, shallow):
        if isinstance(value, Content):
            return self._reference(value) if shallow else self._own_digest(value)
        if isinstance(value, URLWrapper):
            return ("url-wrapper", type(value).__name__, value.name, value.slug)
        return _lenient(value, shallow)

    def _own_digest(self, content: Content) -> str:
        found = self._own.get(id(content))
        if found is None or found[0] is not content:
            fields = {k: v for k, v in vars(content).items() if k not in _NOT_OWN}
            found = (content, "own:" + self.digester.digest(fields, shallow=True))
            self._own[id(content)] = found
        return found[1]

    def _reference(self, content: Content) -> str:
        found = self._ref.get(id(content))
        if found is None or found[0] is not content:
            metadata = self.digester.digest(content.metadata, shallow=True)
            found = (content, f"ref:{content.source_path}:{metadata}")
            self._ref[id(content)] = found
        return found[1]


class MemoWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        build = _BUILDS.get(str(Path(output_path).resolve()))
        self._memo = build[0] if build else None
        self._describer = _Describer()
        self._variables: dict[str, frozenset[str] | None] = {}
        self._parts: dict[str, str] | None = None  # the last page's, by variable

    # -- the two ways Pelican writes ----------------------------------------

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        call = (
            name,
            template,
            context,
            relative_urls,
            paginated,
            template_name,
            override_output,
            url,
        )
        if not name or override_output or self._memo is None:
            return super().write_file(*call, **kwargs)
        digest = self._page_digest(*call, kwargs)
        return self._memoised(
            f"page:{name}",
            digest,
            lambda: super(MemoWriter, self).write_file(*call, **kwargs),
        )

    def write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        call = (elements, context, path, url, feed_type, override_output, feed_title)
        if not path or override_output or self._memo is None:
            return super().write_feed(*call)
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        site = {k: context.get(k) for k in ("SITEURL", "SITENAME", "FEED_DOMAIN")}
        digest = self._digest([path, url, feed_type, feed_title, site, list(shown)])
        parent = super()
        return self._memoised(f"feed:{path}", digest, lambda: parent.write_feed(*call))

    def _open_w(self, filename, encoding, override=False):
        if self._memo is not None:
            self._memo.wrote(filename)
        return super()._open_w(filename, encoding, override=override)

    # -- digests -------------------------------------------------------------

    def _memoised(self, key, digest, render):
        parts, self._parts = self._parts, None
        if self._memo.unchanged(key, digest):
            return None
        self._memo.begin(key, digest, parts)
        try:
            return render()
        finally:
            self._memo.end()

    def _digest(self, value) -> str | None:
        try:
            return self._describer.digester.digest(value)
        except Unhashable:
            return None

    def _page_digest(
        self,
        name,
        template,
        context,
        relative_urls,
        paginated,
        template_name,
        override_output,
        url,
        kwargs,
    ) -> str | None:
        variables = self._template_variables(template)
        if variables is None:
            return None
        values = {}
        for variable in sorted(variables):
            if variable in kwargs:
                values[variable] = kwargs[variable]
            elif variable in context:
                value = context[variable]
                # Settings are in the site's fingerprint, unless changed here.
                if variable.isupper() and value is self.settings.get(variable):
                    continue
                values[variable] = value
        if template_name in self.settings["PAGINATED_TEMPLATES"]:
            if paginated is None:
                paginated = {
                    k: v for k, v in kwargs.items() if k in {"articles", "dates"}
                }
            values["(paginated)"] = paginated
        values["(page)"] = [name, template.name, relative_urls, template_name, url]
        parts = {}
        for key, value in values.items():
            part = self._digest(value)
            if part is None:
                return None
            parts[key] = part
        self._parts = parts
        return self._digest(parts)

    def _template_variables(self, template) -> frozenset[str] | None:
        """The variables ``template`` and the templates it uses read from its
        context; ``None`` when a template is chosen at render time."""
        if template.name in self._variables:
            return self._variables[template.name]
        environment = template.environment
        found: set[str] = set()
        pending, seen = [template.name], set()
        result: frozenset[str] | None = None
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            source = environment.loader.get_source(environment, current)[0]
            tree = environment.parse(source)
            found |= meta.find_undeclared_variables(tree)
            referenced = list(meta.find_referenced_templates(tree))
            if None in referenced:
                break  # a template name computed at render time
            pending.extend(referenced)
        else:
            result = frozenset(found)
        self._variables[template.name] = result
        return result
