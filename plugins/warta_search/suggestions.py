"""Writes data/saran.json from what the entity and indicator plugins loaded."""

from __future__ import annotations

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
        with open(os.path.join(folder, "saran.json"), "w", encoding="utf-8") as stream:
            json.dump(entries, stream, ensure_ascii=False, separators=(",", ":"))
