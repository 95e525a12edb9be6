"""Writes data/saran.bin from what the entity and indicator plugins loaded.

The file is gzipped JSON, like the search index's files (the search page
unzips it): 90 KB of names become 12 KB at 20,000 articles.
"""

from __future__ import annotations

import gzip
import json
import os

from pelican.generators import Generator

from warta.suggestions import suggestion_entries


class SuggestionsGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the other plugins have put everything in the context."""

    def generate_output(self, writer) -> None:
        entities = self.context.get("warta_entities")
        indicators = self.context.get("warta_indicators")
        if entities is None:
            return
        catalogue = indicators["catalogue"].indicators if indicators else ()
        entries = suggestion_entries(entities["authority"], catalogue)
        folder = os.path.join(self.output_path, "data")
        os.makedirs(folder, exist_ok=True)
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        with open(os.path.join(folder, "saran.bin"), "wb") as stream:
            stream.write(gzip.compress(data.encode(), mtime=0))
