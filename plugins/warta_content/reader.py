"""A Markdown reader that validates the metadata header before Pelican reads it."""

from __future__ import annotations

import logging
import os

from pelican.readers import MarkdownReader

from warta import ahead as work_ahead
from warta.ahead import FilesAhead
from warta.errors import ContentError
from warta.metadata import ARTICLE_REQUIRED, PAGE_REQUIRED, check_file_text
from warta.render import safe_article_html

from .config import ContentConfig

logger = logging.getLogger(__name__)

# Fewer articles to read than this are not worth a second process.
AHEAD_MIN = 64


def read_text(path: str) -> str:
    """The file's text; an encoding fault becomes a ``ContentError`` with its line."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            path,
            line,
            f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
        ) from None


class StrictMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, preceded by Warta's header check.

    Pelican logs a failed file as "Could not process <path>" and leaves the
    reason out; this reader logs the reason with the file and the line first,
    then lets the failure propagate so that Pelican does not publish the file.
    """

    ahead: FilesAhead | None = None
    # The generator whose files are read ahead once this reader reads one,
    # and its last listing of files: (paths, exclude, extensions, files).
    _ahead_of = None
    _listed: tuple | None = None

    def read(self, source_path):
        if self._ahead_of is not None:
            generator, self._ahead_of = self._ahead_of, None
            self._start_ahead(generator)
        if self.ahead is not None:
            done = self.ahead.take(source_path)
            if done is not None:
                return done
        return self.read_here(source_path)

    def read_ahead(self, generator) -> None:
        """Let a worker read the generator's Markdown files from the last one
        back while Pelican reads them from the first (``read``).

        The worker starts when the first file is read here, by when whatever
        else chooses the files Pelican reads has been set up: its content
        cache, and articles made without reading (``warta_incremental``)."""
        self.stop_ahead()
        if not work_ahead.possible():
            return
        self._ahead_of = generator
        # Pelican lists the articles' files before it reads the first: that
        # listing serves (listing them again took 0.6 s at 20,000 files).
        listing = generator.get_files

        def get_files(paths, exclude=None, extensions=None):
            files = listing(paths, exclude, extensions)
            self._listed = (paths, exclude, extensions, files)
            return files

        generator.get_files = get_files

    def _start_ahead(self, generator) -> None:
        """The worker, for the files neither Pelican's content cache holds
        nor its wrapped ``read_file`` makes without reading
        (``made_as_read``), if there are enough of them."""
        readers = generator.readers
        made_as_read = getattr(readers.read_file, "made_as_read", None)
        # An empty cache (not loaded) need not be asked, file by file.
        cached = readers.get_cached_data if getattr(readers, "_cache", True) else None
        wanted = (self.settings["ARTICLE_PATHS"], self.settings["ARTICLE_EXCLUDES"])
        listed = self._listed
        if listed is not None and listed[:3] == (*wanted, None):
            files = listed[3]
        else:
            files = generator.get_files(*wanted)
        paths = []
        for name in files:
            path = os.path.abspath(os.path.join(generator.path, name))
            if path.rsplit(".", 1)[-1] not in self.file_extensions:
                continue
            if made_as_read is not None and made_as_read(path):
                continue
            if cached is None or cached(path, None) is None:
                paths.append(path)
        if len(paths) >= AHEAD_MIN:
            # Metadata refers to the settings (tags, categories): not copied.
            shared = {"settings": self.settings}
            self.ahead = FilesAhead(self.read_here, paths, shared=shared)

    def stop_ahead(self) -> int:
        """End the worker; return the number of files it read that were used."""
        self._ahead_of = self._listed = None
        if self.ahead is None:
            return 0
        used = self.ahead.used
        self.ahead.stop()
        self.ahead = None
        return used

    def read_here(self, source_path):
        """Read in this process (``read`` may have it from the worker)."""
        config = ContentConfig.from_settings(self.settings)
        required = ARTICLE_REQUIRED if config.is_article(source_path) else PAGE_REQUIRED
        try:
            check_file_text(read_text(source_path), source_path, required=required)
        except ContentError as error:
            logger.error("%s", error)
            raise
        content, metadata = super().read(source_path)
        # Hand-typed HTML in Markdown passes through Python-Markdown untouched:
        # whatever the file holds, no script, handler or frame reaches a reader,
        # and no image is loaded from another host.
        return safe_article_html(content), metadata

    def _parse_metadata(self, meta):
        """Blank optional fields (as ``invoke new`` writes them) are left out."""
        given = {key: lines for key, lines in meta.items() if "".join(lines).strip()}
        return super()._parse_metadata(given)
