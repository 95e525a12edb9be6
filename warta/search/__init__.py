"""The archive's static search index: reading built pages, writing the index."""
