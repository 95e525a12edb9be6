"""Pelican plugin: write the search index of the built site and the suggestion list."""


def register() -> None:
    # Imported here: the indexer's worker processes import this package too,
    # and need neither Pelican nor the rest of the plugin.
    from .plugin import register as connect

    connect()


__all__ = ["register"]
