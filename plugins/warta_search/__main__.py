"""``python -m warta_search OUTPUT``: write OUTPUT's search index (see indexer)."""

import sys

from .indexer import main

if __name__ == "__main__":
    sys.exit(main())
